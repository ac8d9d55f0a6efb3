/** The Web Worker that computes sunlight-hours maps, so the UI never blocks (contract: sunlightHoursJob.ts). */
import { runSunlightHoursJob, sunlightHoursTransferables } from '../domain/scenarios/sunlightHoursJob';

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const response = runSunlightHoursJob(event.data, () => performance.now());
  self.postMessage(response, { transfer: sunlightHoursTransferables(response) });
});
