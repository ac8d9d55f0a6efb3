// The corridor checks off the main thread: building the index over the address points takes a second or more
// and a check of every corridor some tens of milliseconds on a busy machine, too long for a frame while dragging.
import type { BuildingSearchEntry } from '../domain/buildings/searchIndex';
import { createCorridorChecker } from './corridorChecker';
import type { CorridorCheckRequest, CorridorCheckResponse } from './corridorChecks';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CorridorCheckRequest>) => void) | null;
  postMessage(message: CorridorCheckResponse): void;
}

const scope = self as unknown as WorkerScope;
const check = createCorridorChecker();
let searchEntries: readonly BuildingSearchEntry[] | undefined;

scope.onmessage = ({ data }) => {
  // The address points are sent only when they change (20,000 or more); the worker keeps them.
  if (data.searchEntries) searchEntries = data.searchEntries;
  const { reports, milliseconds } = check({ ...data, searchEntries });
  scope.postMessage({ sequence: data.sequence, reports, milliseconds });
};
