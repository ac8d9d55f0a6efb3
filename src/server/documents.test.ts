import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_TWIN_CONFIG } from '../domain/config/twinConfig';
import type { HealthReport } from './healthReport';
import type { SceneIndex } from './sceneIndex';
import {
  createTestSite,
  jsonOf,
  send,
  startTestServer,
  type TestServer,
  type TestSite,
} from './serverTestSupport';

// Two problems: a tiles URL the browser cannot fetch, and a default base layer that does not exist.
const BROKEN_CONFIG = JSON.stringify({
  schemaVersion: 1,
  tilesBaseUrl: 'ftp://files.example.org/tiles',
  defaultBaseLayerId: 'luftbild',
});

describe('health, configuration and scenes', () => {
  let site: TestSite;
  let server: TestServer;
  let errorLines: string[];

  beforeAll(async () => {
    errorLines = [];
    vi.spyOn(console, 'error').mockImplementation((line: unknown) => void errorLines.push(String(line)));
    site = await createTestSite({ configText: BROKEN_CONFIG });
    server = await startTestServer(site.options);
  });

  afterAll(async () => {
    await server.close();
    await site.remove();
    vi.restoreAllMocks();
  });

  it('reports status, version, uptime, the tilesets present and the number of configuration issues', async () => {
    const response = await send(server.port, '/health');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const report = jsonOf(response) as HealthReport;
    expect(report).toEqual({
      status: 'ok',
      version: expect.any(String),
      uptimeSeconds: expect.any(Number),
      tilesets: ['demo'],
      configIssues: 2,
    });
    // Run from the repository, the version comes from its package.json.
    expect(report.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('logs each configuration and scene issue at start-up as one line naming file and field', () => {
    expect(errorLines).toContainEqual(expect.stringMatching(/twin\.config\.json \$\.tilesBaseUrl: /));
    expect(errorLines).toContainEqual(expect.stringMatching(/twin\.config\.json \$\.defaultBaseLayerId: /));
    expect(errorLines).toContainEqual(
      expect.stringMatching(/^scenes\/kaputt\.json \$\.places\[0\]\.latitudeDegrees: .*\(too_big\)$/),
    );
    expect(errorLines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('serves the configuration text as it is, even when invalid, so the browser can show the issues', async () => {
    const response = await send(server.port, '/config.json');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.headers['cache-control']).toBe('no-cache');
    expect(response.body.toString('utf8')).toBe(BROKEN_CONFIG);
  });

  it('lists every scene with its issues, naming file and JSON path, and leaves out the schema folder', async () => {
    const response = await send(server.port, '/scenes/index.json');
    expect(response.status).toBe(200);
    expect(response.headers['cache-control']).toBe('no-cache');
    const index = jsonOf(response) as SceneIndex;
    expect(index.scenes.map((scene) => scene.file)).toEqual(['innenstadt.json', 'kaputt.json']);
    expect(index.scenes[0]).toEqual({
      file: 'innenstadt.json',
      kind: 'overview',
      id: 'innenstadt',
      issues: [],
    });
    expect(index.scenes[1]).toMatchObject({ file: 'kaputt.json', kind: 'overview', id: 'kaputt' });
    expect(index.scenes[1]?.issues).toEqual([
      expect.objectContaining({
        file: 'scenes/kaputt.json',
        path: '$.places[0].latitudeDegrees',
        code: 'too_big',
      }),
    ]);
  });

  it('serves scene files and the generated schemas', async () => {
    const scene = await send(server.port, '/scenes/innenstadt.json');
    expect(scene.status).toBe(200);
    expect(scene.headers['content-type']).toMatch(/^application\/json/);
    expect(scene.headers['cache-control']).toBe('no-cache');
    expect((jsonOf(scene) as { id: string }).id).toBe('innenstadt');
    expect((await send(server.port, '/scenes/schema/scene.schema.json')).status).toBe(200);
    expect((await send(server.port, '/scenes/missing.json')).status).toBe(404);
  });

  it('serves the offline default when the configuration file is removed', async () => {
    await rm(site.options.configFile);
    const response = await send(server.port, '/config.json');
    expect(response.status).toBe(200);
    expect(jsonOf(response)).toEqual(DEFAULT_TWIN_CONFIG);
    expect((jsonOf(await send(server.port, '/health')) as HealthReport).configIssues).toBe(0);
  });
});

describe('an empty installation', () => {
  it('starts without tiles, scenes or configuration and says so in /health', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const site = await createTestSite();
    await rm(site.options.tilesDir, { recursive: true });
    await rm(site.options.scenesDir, { recursive: true });
    const server = await startTestServer(site.options);
    try {
      const report = jsonOf(await send(server.port, '/health')) as HealthReport;
      expect(report).toMatchObject({ status: 'ok', tilesets: [], configIssues: 0 });
      expect(jsonOf(await send(server.port, '/scenes/index.json'))).toEqual({ scenes: [] });
      expect((await send(server.port, '/tiles/demo/tileset.json')).status).toBe(404);
    } finally {
      await server.close();
      await site.remove();
      vi.restoreAllMocks();
    }
  });
});
