import type { BuildingSearchEntry } from '../domain/buildings/searchIndex';
import type { CorridorReport } from '../domain/corridors/checkCorridors';
import { displayGroundOf, type DisplayGround } from '../domain/corridors/corridorDisplay';
import type { Corridor, RestrictionZone } from '../domain/corridors/corridorScene';
import type { TwinStore } from '../store/createTwinStore';
import { createCorridorChecker } from './corridorChecker';

/** What the app asks the checks; `searchEntries` only when they changed since the last request. */
export interface CorridorCheckRequest {
  sequence: number;
  corridors: readonly Corridor[];
  zones: readonly RestrictionZone[];
  searchEntries?: readonly BuildingSearchEntry[];
  ground: DisplayGround;
}

export interface CorridorCheckResponse {
  sequence: number;
  reports: CorridorReport[];
  milliseconds: number;
}

/** Something that answers check requests: the Web Worker in the browser, the same code in-thread in tests. */
export interface CorridorCheckRunner {
  post(request: CorridorCheckRequest): void;
  onResponse(listener: (response: CorridorCheckResponse) => void): void;
  dispose(): void;
}

/** The checks in a Web Worker, so neither building the index nor checking while dragging stalls a frame. */
export function createWorkerCheckRunner(): CorridorCheckRunner {
  const worker = new Worker(new URL('./corridorCheckWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request) => worker.postMessage(request),
    onResponse: (listener) => {
      worker.onmessage = (event: MessageEvent<CorridorCheckResponse>) => listener(event.data);
    },
    dispose: () => worker.terminate(),
  };
}

/** The checks in this thread, answering on the next task (as the worker would). */
export function createInThreadCheckRunner(): CorridorCheckRunner {
  const check = createCorridorChecker();
  let searchEntries: readonly BuildingSearchEntry[] | undefined;
  let listener: ((response: CorridorCheckResponse) => void) | undefined;
  return {
    post: (request) => {
      if (request.searchEntries) searchEntries = request.searchEntries;
      setTimeout(() => {
        const run = check({ ...request, searchEntries });
        listener?.({ sequence: request.sequence, ...run });
      }, 0);
    },
    onResponse: (next) => {
      listener = next;
    },
    dispose: () => {
      listener = undefined;
    },
  };
}

/**
 * Reruns the checks whenever corridors, zones, the buildings or the ground change. One request at a time: edits
 * made while a check runs (a drag moves a point many times) are checked together, with the latest state, when it
 * returns. Returns the disposer.
 */
export function startCorridorChecks(
  store: TwinStore,
  runner: CorridorCheckRunner = typeof Worker === 'undefined'
    ? createInThreadCheckRunner()
    : createWorkerCheckRunner(),
): () => void {
  let sequence = 0;
  let running = false;
  let pending = false;
  let sentEntries: readonly BuildingSearchEntry[] | undefined;
  const send = () => {
    const state = store.getState();
    const entriesChanged = state.searchEntries !== sentEntries;
    sentEntries = state.searchEntries;
    running = true;
    pending = false;
    runner.post({
      sequence: ++sequence,
      corridors: state.corridors,
      zones: state.restrictionZones,
      ...(entriesChanged && state.searchEntries ? { searchEntries: state.searchEntries } : {}),
      ground: displayGroundOf(state.config),
    });
  };
  runner.onResponse((response) => {
    running = false;
    store.getState().setCorridorReports(response.reports, response.milliseconds);
    if (pending) send();
  });
  const unsubscribe = store.subscribe((state, previous) => {
    const changed =
      state.corridors !== previous.corridors ||
      state.restrictionZones !== previous.restrictionZones ||
      state.searchEntries !== previous.searchEntries ||
      state.config !== previous.config;
    if (!changed) return;
    if (running) pending = true;
    else send();
  });
  return () => {
    unsubscribe();
    runner.dispose();
  };
}
