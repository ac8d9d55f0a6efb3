import { useEffect } from 'react';
import { WORKSHOP_API_PATH, type WorkshopLiveMessage } from '../../domain/workshops/workshopProtocol';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { advanceWorkshop } from './workshopRequests';

/** Waits between reconnection attempts, growing to this at most. */
const MAX_RECONNECT_DELAY_MS = 8_000;
/** WebSocket close code of a key or token the session does not know. */
const CLOSE_NOT_IN_SESSION = 4403;

/**
 * Keeps the live connection of the current session: snapshots into the store, "offline" when it drops (or the
 * browser goes offline), reconnecting with growing pauses and resynchronising from the fresh snapshot it gets.
 * For the facilitator, each step they show is sent to the session.
 */
export function useWorkshopConnection(): void {
  const store = useTwinStoreApi();
  const code = useTwinStore((state) => state.workshop?.code);
  const secret = useTwinStore((state) => state.workshop?.secret);

  useEffect(() => {
    if (!code || !secret) return;
    let socket: WebSocket | undefined;
    let timer: number | undefined;
    let attempts = 0;
    let stopped = false;
    const connect = () => {
      if (stopped) return;
      const protocol = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
      const address = `${protocol}//${window.location.host}${WORKSHOP_API_PATH}/${code}/live?token=${encodeURIComponent(secret)}`;
      socket = new WebSocket(address);
      socket.onmessage = (event: MessageEvent<string>) => {
        attempts = 0;
        const message = JSON.parse(event.data) as WorkshopLiveMessage;
        if (message.type === 'snapshot') store.getState().receiveWorkshopSnapshot(message.snapshot);
      };
      socket.onclose = (event) => {
        if (stopped) return;
        if (event.code === CLOSE_NOT_IN_SESSION) {
          store.getState().setWorkshopConnection('refused');
          return;
        }
        store.getState().setWorkshopConnection('offline');
        attempts += 1;
        timer = window.setTimeout(connect, Math.min(MAX_RECONNECT_DELAY_MS, 500 * 2 ** attempts));
      };
    };
    const onOffline = () => {
      store.getState().setWorkshopConnection('offline');
      socket?.close();
    };
    const onOnline = () => {
      window.clearTimeout(timer);
      attempts = 0;
      if (!socket || socket.readyState === WebSocket.CLOSED) connect();
    };
    window.addEventListener('offline', onOffline);
    window.addEventListener('online', onOnline);
    connect();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket?.close();
    };
  }, [store, code, secret]);

  // The facilitator drives: whenever the step shown here differs from the session's, the session follows.
  useEffect(() => {
    let pendingStepIndex: number | undefined;
    return store.subscribe((state) => {
      const workshop = state.workshop;
      if (workshop?.role !== 'facilitator' || !workshop.snapshot || workshop.connection !== 'online') return;
      const stepIndex = state.view.storyboardStepIndex;
      if (stepIndex === undefined || state.view.storyboardId !== workshop.snapshot.storyboardId) return;
      if (stepIndex === workshop.snapshot.stepIndex) {
        pendingStepIndex = undefined;
        return;
      }
      if (pendingStepIndex === stepIndex) return;
      pendingStepIndex = stepIndex;
      advanceWorkshop(workshop.code, workshop.secret, stepIndex).catch(() => {
        pendingStepIndex = undefined;
        store.getState().setWorkshopConnection('offline');
      });
    });
  }, [store]);
}
