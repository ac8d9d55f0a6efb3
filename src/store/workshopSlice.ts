import type { PinPosition, WorkshopSnapshot } from '../domain/workshops/workshopProtocol';
import type { ViewState } from '../domain/view/viewState';

/** How this browser takes part in a workshop session. */
export interface WorkshopSessionState {
  code: string;
  role: 'facilitator' | 'participant';
  /** The facilitator key or the participant's own token (kept in this browser only). */
  secret: string;
  displayName: string | undefined;
  participantId: string | undefined;
  /** `refused`: the server no longer knows this key or token. */
  connection: 'connecting' | 'online' | 'offline' | 'refused';
  snapshot: WorkshopSnapshot | undefined;
  /** A participant follows the facilitator's step, or looks around freely (and can jump back). */
  following: boolean;
}

/** A comment being written: kept across lost connections and reloads until it is sent. */
export interface WorkshopDraft {
  text: string;
  position: PinPosition | undefined;
}

export interface WorkshopState {
  workshop: WorkshopSessionState | undefined;
  /** While true, a click on the model pins the draft comment there. */
  workshopPinning: boolean;
  workshopDraft: WorkshopDraft;
}

export interface WorkshopActions {
  startWorkshop(
    session: Pick<WorkshopSessionState, 'code' | 'role' | 'secret' | 'displayName' | 'participantId'>,
  ): void;
  leaveWorkshop(): void;
  setWorkshopConnection(connection: WorkshopSessionState['connection']): void;
  /** A new state from the server; a following participant is taken to the facilitator's step. */
  receiveWorkshopSnapshot(snapshot: WorkshopSnapshot): void;
  setWorkshopFollowing(following: boolean): void;
  setWorkshopPinning(pinning: boolean): void;
  /** A click on the model while pinning: the point of the draft comment. */
  pinWorkshopDraft(position: PinPosition): void;
  setWorkshopDraftText(text: string): void;
  clearWorkshopDraft(): void;
}

export const INITIAL_WORKSHOP_STATE: WorkshopState = {
  workshop: undefined,
  workshopPinning: false,
  workshopDraft: { text: '', position: undefined },
};

type Slice = WorkshopState & {
  view: ViewState;
  showStoryboardStep(storyboardId: string, stepIndex: number, flightSeconds?: number): void;
};
type SetState = (partial: Partial<Slice> | ((state: Slice) => Partial<Slice>)) => void;
type GetState = () => Slice;

export function createWorkshopActions(set: SetState, get: GetState): WorkshopActions {
  /** Takes a following participant to the session's step when they are elsewhere. */
  const follow = () => {
    const { workshop, view } = get();
    const snapshot = workshop?.snapshot;
    if (!workshop || workshop.role !== 'participant' || !workshop.following || !snapshot) return;
    if (view.storyboardId === snapshot.storyboardId && view.storyboardStepIndex === snapshot.stepIndex)
      return;
    get().showStoryboardStep(snapshot.storyboardId, snapshot.stepIndex);
  };
  const update = (change: Partial<WorkshopSessionState>) =>
    set((state) => (state.workshop ? { workshop: { ...state.workshop, ...change } } : {}));
  return {
    startWorkshop(session) {
      set({ workshop: { ...session, connection: 'connecting', snapshot: undefined, following: true } });
    },
    leaveWorkshop() {
      set({ workshop: undefined, workshopPinning: false });
    },
    setWorkshopConnection(connection) {
      if (get().workshop?.connection !== connection) update({ connection });
    },
    receiveWorkshopSnapshot(snapshot) {
      update({ snapshot, connection: 'online' });
      follow();
    },
    setWorkshopFollowing(following) {
      update({ following });
      follow();
    },
    setWorkshopPinning(workshopPinning) {
      set({ workshopPinning });
    },
    pinWorkshopDraft(position) {
      set((state) => ({ workshopDraft: { ...state.workshopDraft, position }, workshopPinning: false }));
    },
    setWorkshopDraftText(text) {
      set((state) => ({ workshopDraft: { ...state.workshopDraft, text } }));
    },
    clearWorkshopDraft() {
      set({ workshopDraft: { text: '', position: undefined } });
    },
  };
}
