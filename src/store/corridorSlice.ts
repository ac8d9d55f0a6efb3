import type { CorridorReport } from '../domain/corridors/checkCorridors';
import {
  applyCorridorEdit,
  createDrawnCorridor,
  nextDrawnCorridorId,
  validateCorridor,
  type CorridorEdit,
} from '../domain/corridors/corridorEditing';
import type { Corridor, CorridorScene, LonLat, RestrictionZone } from '../domain/corridors/corridorScene';
import type { ValidationIssue } from '../domain/validation/issues';
import type { OverlayLayerId, ViewState } from '../domain/view/viewState';

/** Speeds of the simulated clock a planner can choose (simulated seconds per real second). */
export const FLIGHT_SPEEDS = [1, 5, 20, 60] as const;
export type FlightSpeed = (typeof FLIGHT_SPEEDS)[number];

/** The drone corridors: as loaded, as edited in this browser, their check reports and the editing tools' state. */
export interface CorridorState {
  /** The corridor documents loaded (the first one is the base of an export). */
  corridorScenes: readonly CorridorScene[];
  /** Every corridor with the edits made in this browser (not saved anywhere else). */
  corridors: readonly Corridor[];
  /** The documents' zones plus those of their airspace files. */
  restrictionZones: readonly RestrictionZone[];
  /** Per corridor id; replaced whenever corridors, zones or buildings change (see app/corridorChecks). */
  corridorReports: Readonly<Record<string, CorridorReport>>;
  /** How long the last check of all corridors took, milliseconds (shown so a planner sees it keeps up). */
  corridorCheckMilliseconds: number | undefined;
  /** Ids of corridors changed or drawn in this browser. */
  editedCorridorIds: readonly string[];
  /** The finding shown and highlighted (a finding id, `<corridor>:<rule>:<n>`). */
  selectedFindingId: string | undefined;
  /** The point of the selected corridor being edited (index into its centre line). */
  selectedCorridorPointIndex: number | undefined;
  /** While defined, clicks on the model add points to a new corridor. */
  corridorDraft: readonly LonLat[] | undefined;
  /** An edit that was not applied because it would break the corridor, with the field it concerns. */
  corridorEditIssues: readonly ValidationIssue[];
  /** The simulated flight: whether the clock runs and how fast. */
  flightPlaying: boolean;
  flightSpeed: FlightSpeed;
  /** The simulated clock to the minute (ISO), reported by the viewer when the minute changes, never per frame. */
  flightClockTime: string | undefined;
}

export interface CorridorActions {
  setCorridorDocuments(
    scenes: readonly CorridorScene[],
    corridors: readonly Corridor[],
    zones: readonly RestrictionZone[],
  ): void;
  setCorridorReports(reports: readonly CorridorReport[], milliseconds: number): void;
  /** Selects a corridor (undefined clears); shows the corridors layer so the selection is visible. */
  selectCorridor(corridorId: string | undefined): void;
  /** Selects a finding and its corridor (undefined clears the finding only). */
  selectFinding(findingId: string | undefined): void;
  /** Applies an edit to a corridor when the result is valid; otherwise keeps it and reports why. */
  editCorridor(corridorId: string, edit: CorridorEdit): void;
  selectCorridorPoint(index: number | undefined): void;
  startCorridorDraft(): void;
  addCorridorDraftPoint(point: LonLat): void;
  /** Makes the draft a corridor (two points or more) and selects it; fewer points cancel it. */
  finishCorridorDraft(): void;
  cancelCorridorDraft(): void;
  setFlightPlaying(playing: boolean): void;
  setFlightSpeed(speed: FlightSpeed): void;
  reportFlightClock(isoTime: string): void;
}

type Slice = CorridorState & { view: ViewState };
type SetState = (partial: Partial<Slice> | ((state: Slice) => Partial<Slice>)) => void;
type GetState = () => Slice;

export const INITIAL_CORRIDOR_STATE: CorridorState = {
  corridorScenes: [],
  corridors: [],
  restrictionZones: [],
  corridorReports: {},
  corridorCheckMilliseconds: undefined,
  editedCorridorIds: [],
  selectedFindingId: undefined,
  selectedCorridorPointIndex: undefined,
  corridorDraft: undefined,
  corridorEditIssues: [],
  flightPlaying: false,
  flightSpeed: 20,
  flightClockTime: undefined,
};

const CORRIDORS_LAYER: OverlayLayerId = 'corridors';

function viewWithCorridor(view: ViewState, corridorId: string | undefined): ViewState {
  const visibleLayerIds =
    corridorId === undefined || view.visibleLayerIds.includes(CORRIDORS_LAYER)
      ? view.visibleLayerIds
      : [...view.visibleLayerIds, CORRIDORS_LAYER];
  return { ...view, corridorId, visibleLayerIds };
}

/** The corridor id a finding id starts with. */
export function corridorIdOfFinding(findingId: string): string {
  return findingId.split(':')[0] ?? findingId;
}

export function createCorridorActions(set: SetState, get: GetState): CorridorActions {
  return {
    setCorridorDocuments(corridorScenes, corridors, restrictionZones) {
      set({
        corridorScenes: [...corridorScenes],
        corridors: [...corridors],
        restrictionZones: [...restrictionZones],
      });
    },
    setCorridorReports(reports, milliseconds) {
      set({
        corridorReports: Object.fromEntries(reports.map((report) => [report.corridorId, report])),
        corridorCheckMilliseconds: milliseconds,
      });
    },
    selectCorridor(corridorId) {
      if (get().view.corridorId === corridorId) return;
      set((state) => ({
        view: viewWithCorridor(state.view, corridorId),
        selectedFindingId: undefined,
        selectedCorridorPointIndex: undefined,
        corridorEditIssues: [],
      }));
    },
    selectFinding(findingId) {
      if (findingId === undefined) {
        set({ selectedFindingId: undefined });
        return;
      }
      const corridorId = corridorIdOfFinding(findingId);
      set((state) => ({
        view: state.view.corridorId === corridorId ? state.view : viewWithCorridor(state.view, corridorId),
        selectedFindingId: findingId,
      }));
    },
    editCorridor(corridorId, edit) {
      const corridor = get().corridors.find((entry) => entry.id === corridorId);
      if (!corridor) return;
      const edited = applyCorridorEdit(corridor, edit);
      const issues = validateCorridor(edited);
      if (issues.length > 0) {
        set({ corridorEditIssues: issues });
        return;
      }
      set((state) => ({
        corridors: state.corridors.map((entry) => (entry.id === corridorId ? edited : entry)),
        editedCorridorIds: state.editedCorridorIds.includes(corridorId)
          ? state.editedCorridorIds
          : [...state.editedCorridorIds, corridorId],
        corridorEditIssues: [],
        // The finding numbers change with the corridor: keep nothing pointing at an old one.
        selectedFindingId: undefined,
      }));
    },
    selectCorridorPoint(selectedCorridorPointIndex) {
      set({ selectedCorridorPointIndex });
    },
    startCorridorDraft() {
      set({ corridorDraft: [], corridorEditIssues: [] });
    },
    addCorridorDraftPoint(point) {
      const draft = get().corridorDraft;
      if (!draft) return;
      const last = draft.at(-1);
      if (last && last[0] === point[0] && last[1] === point[1]) return;
      set({ corridorDraft: [...draft, point] });
    },
    finishCorridorDraft() {
      const { corridorDraft, corridors } = get();
      if (!corridorDraft || corridorDraft.length < 2) {
        set({ corridorDraft: undefined });
        return;
      }
      const id = nextDrawnCorridorId(corridors);
      const corridor = createDrawnCorridor(id, corridorDraft, Number(id.slice('drawn-'.length)));
      set((state) => ({
        corridors: [...state.corridors, corridor],
        editedCorridorIds: [...state.editedCorridorIds, id],
        corridorDraft: undefined,
        view: viewWithCorridor(state.view, id),
        selectedFindingId: undefined,
        selectedCorridorPointIndex: undefined,
      }));
    },
    cancelCorridorDraft() {
      set({ corridorDraft: undefined });
    },
    setFlightPlaying(flightPlaying) {
      set({ flightPlaying });
    },
    setFlightSpeed(flightSpeed) {
      set({ flightSpeed });
    },
    reportFlightClock(flightClockTime) {
      if (get().flightClockTime !== flightClockTime) set({ flightClockTime });
    },
  };
}
