// Entry of the tiler's worker threads. Node 20 does not run the parent's `--import tsx` in a worker, Node 22 and
// later do: probe with an extensionless import, which only tsx resolves, and register tsx only where it is missing
// (registering it twice costs a second loader).
async function tsxIsActive() {
  try {
    await import('./inputFiles');
    return true;
  } catch {
    return false;
  }
}

if (!(await tsxIsActive())) (await import('tsx/esm/api')).register();
await import('./buildingWorker.ts');
