import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BuildingColorSchemeId } from '../domain/buildings/buildingColorSchemes';
import type { BuildingSearchEntry } from '../domain/buildings/searchIndex';
import { maximumPointCount, type MeasuredPoint, type MeasureMode } from '../domain/measure/measurements';
import { DEFAULT_TWIN_CONFIG, type TwinConfig } from '../domain/config/twinConfig';
import type { OverviewScene } from '../domain/scenes/sceneDocument';
import type { ValidationIssue } from '../domain/validation/issues';
import type { CameraPose } from '../domain/view/cameraPose';
import {
  normalizeBuildingIds,
  normalizeLayerIds,
  type Language,
  type OverlayLayerId,
  type ViewState,
} from '../domain/view/viewState';
import { isSameCameraPose } from './cameraComparison';
import {
  createHeatLossActions,
  INITIAL_HEAT_LOSS_STATE,
  type HeatLossActions,
  type HeatLossState,
} from './heatLossSlice';
import {
  createCorridorActions,
  INITIAL_CORRIDOR_STATE,
  type CorridorActions,
  type CorridorState,
} from './corridorSlice';
import {
  createOwnerThermographyActions,
  INITIAL_OWNER_THERMOGRAPHY_STATE,
  type OwnerThermographyActions,
  type OwnerThermographyState,
} from './ownerThermographySlice';
import {
  createScenarioAnalysisActions,
  INITIAL_SCENARIO_ANALYSIS_STATE,
  type ScenarioAnalysisActions,
  type ScenarioAnalysisState,
} from './scenarioAnalysisSlice';
import {
  createScenarioActions,
  INITIAL_SCENARIO_STATE,
  type ScenarioActions,
  type ScenarioState,
} from './scenarioSlice';
import {
  createSensorActions,
  INITIAL_SENSOR_STATE,
  type SensorActions,
  type SensorState,
} from './sensorSlice';
import {
  createStoryboardActions,
  INITIAL_STORYBOARD_STATE,
  type StoryboardActions,
  type StoryboardState,
} from './storyboardSlice';
import {
  createWorkshopActions,
  INITIAL_WORKSHOP_STATE,
  type WorkshopActions,
  type WorkshopState,
} from './workshopSlice';

/** What the camera should do next; the viewer carries it out and reports where the camera came to rest. */
export type CameraCommand =
  /** Fly to a pose; 0 seconds jumps at once (restoring a link). */
  | { kind: 'pose'; pose: CameraPose; flightSeconds: number }
  /** Move towards (factor < 1) or away from (factor > 1) the point in the centre of the view. */
  | { kind: 'zoom'; factor: number }
  /** Turn to face north around the point in the centre of the view. */
  | { kind: 'face-north' };

/** `sequence` grows with each request, so the same command can be asked twice in a row. */
export type CameraRequest = CameraCommand & { sequence: number };

/** Progress until the first view is complete; updated only when the counts change, never per frame. */
export interface LoadingState {
  pendingTileCount: number;
  firstViewComplete: boolean;
}

export type PanelId =
  'layers' | 'sensors' | 'scenarios' | 'corridors' | 'thermography' | 'workshop' | 'measure' | 'info';

/** Attribute values of the selected building, as read from the tileset's property table. */
export type BuildingPropertyValues = Record<string, string | number>;

/** Whether the buildings tileset could be loaded; `missing` means it has not been built yet. */
export type TilesetStatus =
  | { state: 'loading' }
  /** `attribution`: the tileset's own credit (where its buildings come from), if it has one. */
  | { state: 'ready'; attribution?: string }
  | { state: 'missing' | 'failed'; message: string };

/** The whole app state: plain, serialisable data and ids, never Cesium objects. */
export interface TwinState
  extends
    SensorState,
    ScenarioState,
    CorridorState,
    ScenarioAnalysisState,
    StoryboardState,
    WorkshopState,
    HeatLossState,
    OwnerThermographyState {
  view: ViewState;
  cameraRequest: CameraRequest | undefined;
  homeCamera: CameraPose;
  config: TwinConfig;
  overviewScene: OverviewScene | undefined;
  /** Problems with the config file or scene documents, shown in the UI and logged to the console. */
  issues: ValidationIssue[];
  loading: LoadingState;
  openPanel: PanelId | undefined;
  buildingsStatus: TilesetStatus;
  /** Read from the tileset when the selected building's tile is loaded; undefined until then. */
  selectedBuildingProperties: BuildingPropertyValues | undefined;
  /** The address index of the buildings tileset; undefined until loaded (or when the tileset has none). */
  searchEntries: readonly BuildingSearchEntry[] | undefined;
  /** While set, clicks on the model add measuring points instead of selecting buildings. */
  measureMode: MeasureMode | undefined;
  measurePoints: readonly MeasuredPoint[];
}

export interface TwinActions
  extends
    SensorActions,
    ScenarioActions,
    CorridorActions,
    ScenarioAnalysisActions,
    StoryboardActions,
    WorkshopActions,
    HeatLossActions,
    OwnerThermographyActions {
  /** The viewer reports where the camera came to rest. */
  reportCamera(pose: CameraPose): void;
  /** Ask the viewer to fly (or jump) somewhere. */
  requestCamera(pose: CameraPose, flightSeconds?: number): void;
  /** Ask the viewer to zoom, or turn north, around what the user looks at. */
  requestCameraCommand(command: CameraCommand): void;
  flyHome(): void;
  setLayerVisible(layerId: OverlayLayerId, visible: boolean): void;
  setBaseLayer(baseLayerId: string): void;
  setLanguage(language: Language): void;
  /** Restores a whole view, e.g. from a link or the back button: the camera jumps there. */
  restoreView(view: ViewState): void;
  setConfig(config: TwinConfig): void;
  setOverviewScene(scene: OverviewScene): void;
  addIssues(issues: readonly ValidationIssue[]): void;
  reportPendingTiles(pendingTileCount: number): void;
  markFirstViewComplete(): void;
  togglePanel(panelId: PanelId): void;
  closePanel(): void;
  setBuildingColorScheme(scheme: BuildingColorSchemeId): void;
  /** Selects a building by its source id (undefined clears), with its attributes when the caller has them. */
  selectBuilding(buildingId: string | undefined, properties?: BuildingPropertyValues): void;
  setShadows(shadows: boolean): void;
  /** Hides one building by hand (and closes its attributes if it was selected). */
  hideBuilding(buildingId: string): void;
  /** Shows buildings hidden by hand again; without ids, all of them. */
  showHiddenBuildings(buildingIds?: readonly string[]): void;
  setBuildingsStatus(status: TilesetStatus): void;
  setSearchEntries(entries: readonly BuildingSearchEntry[]): void;
  /** Switches measuring on (a mode) or off (undefined); either way the points start afresh. */
  setMeasureMode(mode: MeasureMode | undefined): void;
  addMeasurePoint(point: MeasuredPoint): void;
  clearMeasurePoints(): void;
}

export type TwinStore = StoreApi<TwinState & TwinActions>;

/** Builds a fresh store; the app makes one, each test makes its own. */
export function createTwinStore(
  initialView: ViewState,
  homeCamera: CameraPose = initialView.camera,
): TwinStore {
  return createStore<TwinState & TwinActions>()((set, get) => ({
    view: {
      ...initialView,
      visibleLayerIds: normalizeLayerIds(initialView.visibleLayerIds),
      hiddenBuildingIds: normalizeBuildingIds(initialView.hiddenBuildingIds),
    },
    cameraRequest: { kind: 'pose', pose: initialView.camera, sequence: 1, flightSeconds: 0 },
    homeCamera,
    config: DEFAULT_TWIN_CONFIG,
    overviewScene: undefined,
    issues: [],
    loading: { pendingTileCount: 0, firstViewComplete: false },
    openPanel: undefined,
    buildingsStatus: { state: 'loading' },
    selectedBuildingProperties: undefined,
    searchEntries: undefined,
    measureMode: undefined,
    measurePoints: [],
    ...INITIAL_SENSOR_STATE,
    ...createSensorActions(set),
    ...INITIAL_SCENARIO_STATE,
    ...createScenarioActions(set),
    ...INITIAL_SCENARIO_ANALYSIS_STATE,
    ...createScenarioAnalysisActions(set),
    ...INITIAL_CORRIDOR_STATE,
    ...createCorridorActions(set, get),
    ...INITIAL_STORYBOARD_STATE,
    ...createStoryboardActions(set, get),
    ...INITIAL_WORKSHOP_STATE,
    ...createWorkshopActions(set, get),
    ...INITIAL_HEAT_LOSS_STATE,
    ...createHeatLossActions(set),
    ...INITIAL_OWNER_THERMOGRAPHY_STATE,
    ...createOwnerThermographyActions(set),

    reportCamera(pose) {
      const request = get().cameraRequest;
      // A flight ends a hair away from its target; keep the requested numbers so the link stays the same.
      const camera = request?.kind === 'pose' && isSameCameraPose(request.pose, pose) ? request.pose : pose;
      if (isSameCameraPose(get().view.camera, camera, 0)) return;
      set((state) => ({ view: { ...state.view, camera } }));
    },
    requestCamera(pose, flightSeconds = 1.5) {
      get().requestCameraCommand({ kind: 'pose', pose, flightSeconds });
    },
    requestCameraCommand(command) {
      set((state) => ({ cameraRequest: { ...command, sequence: (state.cameraRequest?.sequence ?? 0) + 1 } }));
    },
    flyHome() {
      get().requestCamera(get().homeCamera);
    },
    setLayerVisible(layerId, visible) {
      set((state) => {
        const others = state.view.visibleLayerIds.filter((id) => id !== layerId);
        const visibleLayerIds = normalizeLayerIds(visible ? [...others, layerId] : others);
        return { view: { ...state.view, visibleLayerIds } };
      });
    },
    setBaseLayer(baseLayerId) {
      set((state) => ({ view: { ...state.view, baseLayerId } }));
    },
    setLanguage(language) {
      set((state) => ({ view: { ...state.view, language } }));
    },
    restoreView(view) {
      const keepProperties = view.selectedBuildingId === get().view.selectedBuildingId;
      set({
        view: {
          ...view,
          visibleLayerIds: normalizeLayerIds(view.visibleLayerIds),
          hiddenBuildingIds: normalizeBuildingIds(view.hiddenBuildingIds),
        },
        selectedBuildingProperties: keepProperties ? get().selectedBuildingProperties : undefined,
      });
      get().requestCamera(view.camera, 0);
    },
    setConfig(config) {
      set({ config });
    },
    setOverviewScene(scene) {
      set({ overviewScene: scene, homeCamera: scene.camera });
    },
    addIssues(issues) {
      if (issues.length === 0) return;
      set((state) => ({ issues: [...state.issues, ...issues] }));
    },
    reportPendingTiles(pendingTileCount) {
      if (get().loading.pendingTileCount === pendingTileCount) return;
      set((state) => ({ loading: { ...state.loading, pendingTileCount } }));
    },
    markFirstViewComplete() {
      if (get().loading.firstViewComplete) return;
      set((state) => ({ loading: { ...state.loading, firstViewComplete: true } }));
    },
    togglePanel(panelId) {
      const openPanel = get().openPanel === panelId ? undefined : panelId;
      // The measuring panel is the measuring tool: open, clicks measure; closed, clicks select again.
      const measureMode = openPanel === 'measure' ? (get().measureMode ?? 'distance') : undefined;
      set({ openPanel, measureMode, measurePoints: measureMode ? get().measurePoints : [] });
    },
    closePanel() {
      set({ openPanel: undefined, measureMode: undefined, measurePoints: [] });
    },
    setBuildingColorScheme(buildingColorScheme) {
      set((state) => ({ view: { ...state.view, buildingColorScheme } }));
    },
    selectBuilding(selectedBuildingId, properties) {
      set((state) => ({
        view: {
          ...state.view,
          selectedBuildingId,
          selectedSensorId: selectedBuildingId === undefined ? state.view.selectedSensorId : undefined,
        },
        selectedBuildingProperties: selectedBuildingId === undefined ? undefined : properties,
      }));
    },
    setShadows(shadows) {
      set((state) => ({ view: { ...state.view, shadows } }));
    },
    hideBuilding(buildingId) {
      set((state) => {
        const deselect = state.view.selectedBuildingId === buildingId;
        return {
          view: {
            ...state.view,
            hiddenBuildingIds: normalizeBuildingIds([...state.view.hiddenBuildingIds, buildingId]),
            selectedBuildingId: deselect ? undefined : state.view.selectedBuildingId,
          },
          selectedBuildingProperties: deselect ? undefined : state.selectedBuildingProperties,
        };
      });
    },
    showHiddenBuildings(buildingIds) {
      set((state) => ({
        view: {
          ...state.view,
          hiddenBuildingIds:
            buildingIds === undefined
              ? []
              : state.view.hiddenBuildingIds.filter((id) => !buildingIds.includes(id)),
        },
      }));
    },
    setBuildingsStatus(buildingsStatus) {
      set({ buildingsStatus });
    },
    setSearchEntries(searchEntries) {
      set({ searchEntries });
    },
    setMeasureMode(measureMode) {
      set({ measureMode, measurePoints: [] });
    },
    addMeasurePoint(point) {
      const { measureMode, measurePoints } = get();
      if (!measureMode) return;
      // A full measurement (a height has two points) starts over with the new point.
      const full = measurePoints.length >= maximumPointCount(measureMode);
      set({ measurePoints: full ? [point] : [...measurePoints, point] });
    },
    clearMeasurePoints() {
      set({ measurePoints: [] });
    },
  }));
}
