import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTwinStore, type TwinStore } from '../store/createTwinStore';
import { createInThreadCheckRunner, startCorridorChecks } from './corridorChecks';
import { loadCorridors } from './loadCorridors';
import { testStartView } from '../store/storeTestSupport';

const view = testStartView();

const example = JSON.parse(readFileSync('scenes/drone-corridors.json', 'utf8')) as {
  corridors: Record<string, unknown>[];
  restrictionZones: unknown[];
};

/** Serves /scenes/index.json and the given files the way the server does. */
function serve(files: Record<string, string>) {
  vi.stubGlobal('fetch', (url: string) => {
    const path = url.replace(/^\//, '');
    if (path === 'scenes/index.json') {
      const scenes = Object.keys(files)
        .filter((file) => file.startsWith('scenes/'))
        .map((file) => ({
          file: file.replace('scenes/', ''),
          kind: 'corridor',
        }));
      return Promise.resolve(new Response(JSON.stringify({ scenes })));
    }
    const text = files[path];
    return Promise.resolve(text === undefined ? new Response('', { status: 404 }) : new Response(text));
  });
}

async function waitForReports(store: TwinStore, count: number): Promise<void> {
  await vi.waitFor(() => expect(Object.keys(store.getState().corridorReports)).toHaveLength(count));
}

afterEach(() => vi.unstubAllGlobals());

describe('loading corridor documents', () => {
  it('loads the examples and checks them: a conflict, a warning, a clear one', async () => {
    serve({ 'scenes/drone-corridors.json': JSON.stringify(example) });
    const store = createTwinStore(view);
    startCorridorChecks(store, createInThreadCheckRunner());
    await loadCorridors(store);
    expect(store.getState().issues).toEqual([]);
    expect(store.getState().corridors).toHaveLength(example.corridors.length);
    await waitForReports(store, example.corridors.length);
    const statuses = new Set(Object.values(store.getState().corridorReports).map((report) => report.status));
    expect(statuses).toEqual(new Set(['clear', 'warning', 'conflict']));
  });

  it('reports a ceiling below the floor and an unknown reference by document, item and field; the rest loads', async () => {
    const broken = structuredClone(example);
    broken.corridors[0]!.ceiling = { reference: 'AGL', heightMeters: 5 };
    broken.corridors[1]!.floor = { reference: 'QNH', heightMeters: 40 };
    serve({
      'scenes/broken-corridors.json': JSON.stringify({ ...broken, id: 'broken' }),
    });
    const store = createTwinStore(view);
    await loadCorridors(store);
    const issues = store.getState().issues;
    expect(issues.map((issue) => `${issue.file} ${issue.path}`)).toEqual([
      'scenes/broken-corridors.json $.corridors[0].ceiling.heightMeters',
      'scenes/broken-corridors.json $.corridors[1].floor.reference',
    ]);
    expect(store.getState().corridors).toHaveLength(example.corridors.length - 2);
    expect(store.getState().restrictionZones).toHaveLength(example.restrictionZones.length);
  });

  it('loads zones from an OpenAir file the document names, and reports a missing one', async () => {
    const openAir = [
      'AC R',
      'AN Test area',
      'AL GND',
      'AH 150m MSL',
      'V X=51:57:00 N 007:37:00 E',
      'DC 0.5',
    ].join('\n');
    serve({
      'scenes/with-airspace.json': JSON.stringify({
        ...example,
        airspaceFiles: [
          { id: 'test-air', url: 'airspace/test.txt', format: 'openair', source: 'test', licence: 'test' },
          { id: 'gone', url: 'airspace/gone.json', format: 'geojson', source: 'test', licence: 'test' },
        ],
      }),
      'airspace/test.txt': openAir,
    });
    const store = createTwinStore(view);
    await loadCorridors(store);
    const names = store.getState().restrictionZones.map((zone) => zone.name.de);
    expect(names).toContain('Test area');
    expect(store.getState().issues.map((issue) => issue.file)).toEqual(['airspace/gone.json']);
  });
});
