// A worker thread of the tiler (see buildingWorkerPool.ts): reads the CityGML files it is given, one at a time,
// triangulates each building and posts issues and meshes back in the order they arose, in batches.
import { parentPort, workerData } from 'node:worker_threads';
import type { BuildingIssue } from '../../src/domain/buildings/buildingModel';
import { triangulateBuilding } from '../../src/domain/buildings/geometry/triangulateBuilding';
import {
  addMeshBuffers,
  type BuildingWorkerData,
  type FileEvent,
  type FromWorker,
  type ToWorker,
} from './buildingWorkerProtocol';
import { readCityGmlFile } from './readCityGmlFile';

/** Mesh bytes per message: few messages, yet soon enough that the main thread is kept busy. */
const BATCH_BYTES = 1 << 20;
/** See BuildingWorkerOptions.bytesAhead. */
const { bytesAhead } = workerData as BuildingWorkerData;

const port = parentPort!;
let bytesUntaken = 0;
let onTaken: (() => void) | undefined;
const queue: Extract<ToWorker, { type: 'read' }>[] = [];
let busy = false;

function post(message: FromWorker, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

async function readFile({
  fileIndex,
  path,
  displayName,
}: Extract<ToWorker, { type: 'read' }>): Promise<void> {
  let events: FileEvent[] = [];
  let transfer: ArrayBuffer[] = [];
  let bytes = 0;
  const flush = async () => {
    if (events.length === 0) return;
    post({ type: 'batch', fileIndex, events, bytes }, transfer);
    bytesUntaken += bytes;
    events = [];
    transfer = [];
    bytes = 0;
    while (bytesUntaken > bytesAhead) await new Promise<void>((resolve) => (onTaken = resolve));
  };
  const onIssue = (issue: BuildingIssue) => void events.push({ issue });
  try {
    for await (const source of readCityGmlFile(path, displayName, onIssue)) {
      const { mesh, issues } = triangulateBuilding(source);
      issues.forEach(onIssue);
      if (!mesh) continue;
      events.push({ mesh });
      bytes += addMeshBuffers(mesh, transfer);
      if (bytes >= BATCH_BYTES) await flush();
    }
    await flush();
    post({ type: 'done', fileIndex });
  } catch (error) {
    await flush();
    const { message, stack } = error instanceof Error ? error : new Error(String(error));
    post({ type: 'failed', fileIndex, message, stack });
  }
}

async function work(): Promise<void> {
  if (busy) return;
  busy = true;
  for (let task = queue.shift(); task; task = queue.shift()) await readFile(task);
  busy = false;
}

port.on('message', (message: ToWorker) => {
  if (message.type === 'taken') {
    bytesUntaken -= message.bytes;
    const resume = onTaken;
    onTaken = undefined;
    resume?.();
  } else {
    queue.push(message);
    void work();
  }
});
