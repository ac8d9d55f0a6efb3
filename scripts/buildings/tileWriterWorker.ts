// A tile writer thread (see tileWriterPool.ts): places the buildings of the leaves it is given and writes their
// GLBs, exactly as the main thread would (createTileContentWriter), one tile after another.
import { parentPort } from 'node:worker_threads';
import { GERMAN_BUILDING_LABELS } from '../../src/domain/buildings/labels/germanBuildingLabels';
import {
  createTileContentWriter,
  type TileContentWriter,
} from '../../src/domain/buildings/tiles/tileContentWriter';
import type { FromTileWriter, ToTileWriter } from './tileWriterProtocol';

const port = parentPort!;
let writer: Promise<TileContentWriter> | undefined;
/** Tiles are written one after another, in the order they came. */
let queue: Promise<void> = Promise.resolve();

async function writeTile(id: number, message: Extract<ToTileWriter, { type: 'tile' }>): Promise<void> {
  try {
    if (!writer) throw new Error('A tile came before the settings.');
    const content = await (await writer).write(message.buildings);
    port.postMessage({ type: 'tile', id, content } satisfies FromTileWriter, [
      content.bytes.buffer as ArrayBuffer,
    ]);
  } catch (error) {
    const { message: text, stack } = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'failed', id, message: text, stack } satisfies FromTileWriter);
  }
}

port.on('message', (message: ToTileWriter) => {
  if (message.type === 'settings') {
    writer = createTileContentWriter(message.settings, GERMAN_BUILDING_LABELS);
    writer.catch(() => undefined); // Reported with the first tile.
  } else queue = queue.then(() => writeTile(message.id, message));
});
