// Entry of the tile writer threads; as buildingWorkerEntry.mjs: registers tsx only where the parent's is missing
// (Node 20 under tsx), and not at all in the precompiled CLI (scripts/tiles.mjs bundles tileWriterWorker.ts here).
async function tsxIsActive() {
  try {
    await import('./inputFiles');
    return true;
  } catch {
    return false;
  }
}

if (!(await tsxIsActive())) (await import('tsx/esm/api')).register();
await import('./tileWriterWorker.ts');
