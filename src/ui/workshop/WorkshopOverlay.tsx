import { useEffect, useState } from 'react';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { FacilitatorPanel } from './FacilitatorPanel';
import { ParticipantPanel } from './ParticipantPanel';
import { useWorkshopConnection } from './useWorkshopConnection';
import { WorkshopJoinDialog } from './WorkshopJoinDialog';
import { joinCodeOfLocation, recallSeat, writeJoinCodeToLocation } from './workshopRequests';

const DRAFT_STORAGE_KEY = 'twin.workshop.draft';

/**
 * The workshop on this device: the join screen of a `?join=CODE` link, or the facilitator's or participant's
 * panel. A seat remembered in this browser is taken again after a reload; the draft comment is kept too.
 */
export function WorkshopOverlay() {
  useWorkshopConnection();
  const store = useTwinStoreApi();
  const workshop = useTwinStore((state) => state.workshop);
  const [joinCode, setJoinCode] = useState(() => joinCodeOfLocation(window.location.search));

  useEffect(() => {
    const { startWorkshop, setWorkshopDraftText, pinWorkshopDraft } = store.getState();
    if (joinCode && !store.getState().workshop) {
      const seat = recallSeat(joinCode);
      if (seat)
        startWorkshop({
          code: joinCode,
          role: seat.role,
          secret: seat.secret,
          displayName: seat.displayName,
          participantId: seat.participantId,
        });
    }
    try {
      const saved = JSON.parse(localStorage.getItem(DRAFT_STORAGE_KEY) ?? 'null') as
        ReturnType<typeof store.getState>['workshopDraft'] | null;
      if (saved?.text) setWorkshopDraftText(saved.text);
      if (saved?.position) pinWorkshopDraft(saved.position);
    } catch {
      // No stored draft, or storage is off.
    }
    return store.subscribe((state, previous) => {
      if (state.workshopDraft === previous.workshopDraft) return;
      try {
        localStorage.setItem(DRAFT_STORAGE_KEY, JSON.stringify(state.workshopDraft));
      } catch {
        // The draft lasts as long as the page.
      }
    });
    // Once at start: the address's code decides which seat to resume.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  useEffect(() => {
    if (workshop) writeJoinCodeToLocation(workshop.code);
  }, [workshop?.code]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!workshop) {
    return joinCode ? (
      <WorkshopJoinDialog
        code={joinCode}
        onDismiss={() => {
          writeJoinCodeToLocation(undefined);
          setJoinCode(undefined);
        }}
      />
    ) : null;
  }
  return workshop.role === 'facilitator' ? (
    <FacilitatorPanel workshop={workshop} />
  ) : (
    <ParticipantPanel workshop={workshop} />
  );
}
