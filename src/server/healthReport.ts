import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFile, isMissingFileError } from './fileSystem';

/** The body of GET /health: enough for a monitoring check and for a person asking "is it set up right?". */
export interface HealthReport {
  status: 'ok';
  version: string;
  uptimeSeconds: number;
  /** Folders in the tiles directory that hold a `tileset.json`, sorted by name. */
  tilesets: string[];
  /** How many problems the configuration file has right now (the browser falls back to defaults for them). */
  configIssues: number;
}

/** The `version` from the package.json in `folder`, or 'unknown' when there is none (e.g. a copied `dist`). */
export async function readPackageVersion(folder: string): Promise<string> {
  try {
    const json: unknown = JSON.parse(await readFile(join(folder, 'package.json'), 'utf8'));
    if (typeof json === 'object' && json !== null && 'version' in json && typeof json.version === 'string') {
      return json.version;
    }
  } catch {
    // Missing or broken package.json: the server runs anyway, it just cannot say which version it is.
  }
  return 'unknown';
}

/** Names of the folders in `tilesDir` that contain a `tileset.json`, sorted; empty when the folder does not exist. */
export async function listTilesets(tilesDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(tilesDir);
  } catch (error) {
    if (isMissingFileError(error)) return [];
    throw error;
  }
  const withTileset = await Promise.all(
    names
      .filter((name) => !name.startsWith('.'))
      .map(async (name) => ((await isFile(join(tilesDir, name, 'tileset.json'))) ? name : undefined)),
  );
  return withTileset.filter((name): name is string => name !== undefined).sort();
}
