import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseScene } from '../domain/scenes/sceneDocument';
import type { ValidationIssue } from '../domain/validation/issues';
import { errorCode, isMissingFileError } from './fileSystem';

/** URL path (without the leading slash) under which scene files are served; issues name files this way. */
export const SCENES_URL_FOLDER = 'scenes';

/** The listing's own name: a scene file with this name would be hidden behind the listing, so it is skipped. */
export const SCENE_INDEX_FILE_NAME = 'index.json';

/** One scene file as listed at /scenes/index.json. */
export interface SceneIndexEntry {
  /** File name inside the scenes folder, e.g. `default.json`; the browser fetches `/scenes/<file>`. */
  file: string;
  /** The scene's kind and id when the file states them (even if other fields are invalid), so the UI can name it. */
  kind?: string;
  id?: string;
  /** Empty when the scene is valid; the same issues the browser gets from parseScene. */
  issues: ValidationIssue[];
}

/** The body of /scenes/index.json. */
export interface SceneIndex {
  scenes: SceneIndexEntry[];
}

/** Lists and validates every `*.json` directly in the scenes folder, sorted by name (subfolders such as `schema/` are not scenes). */
export async function readSceneIndex(scenesDir: string): Promise<SceneIndex> {
  let entries;
  try {
    entries = await readdir(scenesDir, { withFileTypes: true });
  } catch (error) {
    // No scenes folder yet is a normal state of a fresh installation, not an error.
    if (isMissingFileError(error)) return { scenes: [] };
    throw error;
  }
  const fileNames = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && entry.name.endsWith('.json'))
    .map((entry) => entry.name)
    .filter((name) => name !== SCENE_INDEX_FILE_NAME && !name.startsWith('.'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const scenes = await Promise.all(fileNames.map((name) => readSceneEntry(scenesDir, name)));
  return { scenes: scenes.filter((scene): scene is SceneIndexEntry => scene !== undefined) };
}

/** Reads and validates one scene file; undefined when it vanished or is a link to something other than a file. */
async function readSceneEntry(scenesDir: string, name: string): Promise<SceneIndexEntry | undefined> {
  const file = `${SCENES_URL_FOLDER}/${name}`;
  let text: string;
  try {
    text = await readFile(join(scenesDir, name), 'utf8');
  } catch (error) {
    if (isMissingFileError(error) || errorCode(error) === 'EISDIR') return undefined;
    const message = `cannot read the file (${errorCode(error) ?? String(error)})`;
    return { file: name, issues: [{ code: 'unreadable_file', file, path: '$', message }] };
  }
  const { value, issues } = parseScene(text, file);
  return { file: name, ...(value ? { kind: value.kind, id: value.id } : statedKindAndId(text)), issues };
}

/** `kind` and `id` as written in a scene that failed validation, if they are at least strings. */
function statedKindAndId(text: string): Pick<SceneIndexEntry, 'kind' | 'id'> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof json !== 'object' || json === null) return {};
  const stated: Pick<SceneIndexEntry, 'kind' | 'id'> = {};
  if ('kind' in json && typeof json.kind === 'string') stated.kind = json.kind;
  if ('id' in json && typeof json.id === 'string') stated.id = json.id;
  return stated;
}
