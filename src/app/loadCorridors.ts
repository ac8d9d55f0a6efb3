import { restrictionZonesFromOpenAir, readGeoJsonRestrictionZones } from '../domain/corridors/airspaceZones';
import type {
  AirspaceFile,
  Corridor,
  CorridorScene,
  RestrictionZone,
} from '../domain/corridors/corridorScene';
import { parseCorridorScene } from '../domain/corridors/parseCorridorScene';
import { parseOpenAir } from '../domain/corridors/parseOpenAir';
import type { ValidationIssue } from '../domain/validation/issues';
import type { TwinStore } from '../store/createTwinStore';

interface SceneIndexEntry {
  file: string;
  kind?: string;
}

async function fetchText(url: string): Promise<string> {
  const response = await fetch(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

/** The zones of one airspace file a corridor document names; its problems become issues, the rest loads. */
async function loadAirspaceFile(
  airspaceFile: AirspaceFile,
  issues: ValidationIssue[],
): Promise<RestrictionZone[]> {
  const { url, source, licence, id } = airspaceFile;
  try {
    const text = await fetchText(url);
    if (airspaceFile.format === 'openair') {
      const parsed = parseOpenAir(text, url);
      issues.push(...parsed.issues);
      return restrictionZonesFromOpenAir(parsed.airspaces, { source, licence, idPrefix: id });
    }
    const parsed = readGeoJsonRestrictionZones(JSON.parse(text) as unknown, url, {
      source,
      licence,
      idPrefix: id,
    });
    issues.push(...parsed.issues);
    return parsed.zones;
  } catch (error) {
    issues.push({ code: 'load_failed', file: url, path: '$', message: String(error) });
    return [];
  }
}

/** Keeps the first item of each id; a later one with the same id is reported and left out. */
function uniqueById<T extends { id: string }>(
  items: readonly { item: T; file: string; field: string }[],
  issues: ValidationIssue[],
): T[] {
  const seen = new Set<string>();
  const unique: T[] = [];
  for (const { item, file, field } of items) {
    if (seen.has(item.id)) {
      issues.push({
        code: 'duplicate_id',
        file,
        path: `$.${field}[${JSON.stringify(item.id)}]`,
        message: `id "${item.id}" is used by another loaded document; this one is left out`,
      });
      continue;
    }
    seen.add(item.id);
    unique.push(item);
  }
  return unique;
}

/**
 * Loads every corridor document listed at /scenes/index.json and the airspace files they name. Each broken
 * corridor, zone, airspace block or file is reported (file, item, field) and left out; the rest loads. The
 * zones written into the documents (public facts with their sources) are enough offline.
 */
export async function loadCorridors(store: TwinStore): Promise<void> {
  const issues: ValidationIssue[] = [];
  try {
    const index = JSON.parse(await fetchText('/scenes/index.json')) as { scenes?: SceneIndexEntry[] };
    const files = (index.scenes ?? [])
      .filter((entry) => entry.kind === 'corridor')
      .map((entry) => entry.file);
    const loaded = await Promise.all(
      files.map(async (name) => {
        const file = `scenes/${name}`;
        try {
          const { scene, issues: sceneIssues } = parseCorridorScene(await fetchText(`/${file}`), file);
          issues.push(...sceneIssues);
          if (!scene) return undefined;
          const fileZones = await Promise.all(
            (scene.airspaceFiles ?? []).map((airspaceFile) => loadAirspaceFile(airspaceFile, issues)),
          );
          return { file, scene, fileZones: fileZones.flat() };
        } catch (error) {
          issues.push({ code: 'load_failed', file, path: '$', message: String(error) });
          return undefined;
        }
      }),
    );
    const documents = loaded.filter((entry) => entry !== undefined);
    const scenes: CorridorScene[] = documents.map((entry) => entry.scene);
    const corridors = uniqueById<Corridor>(
      documents.flatMap(({ file, scene }) =>
        scene.corridors.map((item) => ({ item, file, field: 'corridors' })),
      ),
      issues,
    );
    const zones = uniqueById<RestrictionZone>(
      documents.flatMap(({ file, scene, fileZones }) => [
        ...scene.restrictionZones.map((item) => ({ item, file, field: 'restrictionZones' })),
        ...fileZones.map((item) => ({ item, file, field: 'airspaceFiles' })),
      ]),
      issues,
    );
    store.getState().setCorridorDocuments(scenes, corridors, zones);
  } catch (error) {
    issues.push({ code: 'load_failed', file: 'scenes/index.json', path: '$', message: String(error) });
  }
  if (issues.length > 0) store.getState().addIssues(issues);
}
