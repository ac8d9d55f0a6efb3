import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { RecordingFile } from '../../../domain/sensors/formats/readRecordings';

/** Files the replay may read; everything else (READMEs, images, archives) is not even opened. */
const RECORDING_EXTENSIONS = /\.(csv|txt|json|geojson|xml)$/i;
/** A larger file is no recording we could hold in memory anyway. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** Every recording-like file under a folder (recursively, hidden entries skipped), with its `/`-separated path. */
export async function readRecordingsFolder(folder: string): Promise<RecordingFile[]> {
  const files: RecordingFile[] = [];
  const walk = async (current: string): Promise<void> => {
    const entries = await readdir(current, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && RECORDING_EXTENSIONS.test(entry.name)) {
        if ((await stat(path)).size > MAX_FILE_BYTES) continue;
        files.push({ path: relative(folder, path).split(sep).join('/'), text: await readFile(path, 'utf8') });
      }
    }
  };
  await walk(folder);
  return files;
}
