import { existsSync } from 'node:fs';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_SAVED_VARIANT_BYTES,
  savedVariantPath,
  savedVariantsPath,
  type SavedVariant,
  type SavedVariantList,
  type SaveVariantRefusal,
} from '../../domain/scenarios/savedVariants';
import type { ScenarioDocument } from '../../domain/scenarios/scenarioSchema';
import { createTestSite, startTestServer, type TestServer, type TestSite } from '../serverTestSupport';

const YORK_FILE = join(process.cwd(), 'scenes', 'york.json');

let site: TestSite;
let server: TestServer | undefined;
let york: ScenarioDocument;

beforeEach(async () => {
  site = await createTestSite();
  await copyFile(YORK_FILE, join(site.options.scenesDir, 'york.json'));
  york = JSON.parse(await readFile(YORK_FILE, 'utf8')) as ScenarioDocument;
  site.options.savedVariantsDatabase = join(site.root, 'data', 'saved-variants.sqlite');
  server = await startTestServer(site.options);
});

afterEach(async () => {
  await server?.close();
  await site.remove();
});

function url(path: string): string {
  return `http://127.0.0.1:${server!.port}${path}`;
}

function post(path: string, body: unknown, contentType = 'application/json'): Promise<Response> {
  return fetch(url(path), {
    method: 'POST',
    headers: { 'content-type': contentType },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** York's first variant with its first massing two storeys higher. */
function editedVariant() {
  const variant = structuredClone(york.variants[0]!);
  variant.massings[0]!.storeys += 2;
  return variant;
}

function send(method: 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response> {
  return fetch(url(path), {
    method,
    ...(body === undefined
      ? {}
      : {
          headers: { 'content-type': 'application/json' },
          body: typeof body === 'string' ? body : JSON.stringify(body),
        }),
  });
}

/** The status of a response whose body is read, so the connection is free again and the server can close. */
async function statusOf(response: Promise<Response>): Promise<number> {
  const done = await response;
  await done.arrayBuffer();
  return done.status;
}

async function savedIds(): Promise<string[]> {
  const list = (await (await fetch(url(savedVariantsPath('york')))).json()) as SavedVariantList;
  return list.variants.map((entry) => `${entry.variant.id}: ${entry.variant.title.de}`);
}

describe('saving a workshop variant', () => {
  it('keeps the saved variant across a server restart and never touches the scene file', async () => {
    const sceneBefore = await readFile(join(site.options.scenesDir, 'york.json'), 'utf8');
    const empty = (await (await fetch(url(savedVariantsPath('york')))).json()) as SavedVariantList;
    expect(empty.variants).toEqual([]);
    // Reading creates nothing: a fresh installation gets the file with its first saved variant.
    expect(existsSync(site.options.savedVariantsDatabase!)).toBe(false);

    const edited = editedVariant();
    const response = await post(savedVariantsPath('york'), {
      title: 'Workshop 1',
      basedOnVariantId: edited.id,
      variant: edited,
    });
    expect(response.status).toBe(201);
    const saved = (await response.json()) as SavedVariant;
    expect(saved.variant.id).toBe('workshop-1');
    expect(saved.variant.title.de).toBe('Workshop 1');

    await server!.close();
    server = await startTestServer(site.options);
    const list = (await (await fetch(url(savedVariantsPath('york')))).json()) as SavedVariantList;
    expect(list.variants.map((entry) => entry.variant.id)).toEqual(['workshop-1']);
    expect(list.variants[0]!.variant.massings[0]!.storeys).toBe(edited.massings[0]!.storeys);
    expect(list.variants[0]!.basedOnVariantId).toBe(edited.id);
    expect(await readFile(join(site.options.scenesDir, 'york.json'), 'utf8')).toBe(sceneBefore);
  });

  it('refuses a broken variant naming the field, and saves nothing', async () => {
    const variant = editedVariant();
    variant.massings[1]!.storeys = 0;
    const response = await post(savedVariantsPath('york'), { title: 'Kaputt', variant });
    expect(response.status).toBe(400);
    const body = (await response.json()) as SaveVariantRefusal;
    expect(body.issues.map((issue) => issue.path)).toContain('$.variant.massings[1].storeys');
    expect(body.message).toContain('$.variant.massings[1].storeys');

    const noName = (await (
      await post(savedVariantsPath('york'), { title: ' ', variant: editedVariant() })
    ).json()) as SaveVariantRefusal;
    expect(noName.issues[0]!.path).toBe('$.title');

    const list = (await (await fetch(url(savedVariantsPath('york')))).json()) as SavedVariantList;
    expect(list.variants).toEqual([]);
  });

  it('explains malformed JSON, a wrong content type, an oversized body, a taken name and an unknown quarter', async () => {
    const malformed = await post(savedVariantsPath('york'), '{"title": "x", ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as SaveVariantRefusal).issues[0]!.code).toBe('invalid_json');

    expect((await post(savedVariantsPath('york'), 'title=x', 'text/plain')).status).toBe(415);

    const huge = JSON.stringify({
      title: 'Groß',
      variant: editedVariant(),
      padding: 'x'.repeat(MAX_SAVED_VARIANT_BYTES),
    });
    expect((await post(savedVariantsPath('york'), huge)).status).toBe(413);
    // Below the limit, a big body is read and checked (Fastify's own 1 MiB default does not apply here).
    const big = await post(savedVariantsPath('york'), {
      title: 'Groß',
      variant: { ...editedVariant(), padding: 'x'.repeat(2 * 2 ** 20) },
    });
    expect(big.status).toBe(400);
    expect(((await big.json()) as SaveVariantRefusal).issues[0]!.code).toBe('unrecognized_keys');

    const takenName = york.variants[0]!.title.de;
    const taken = await post(savedVariantsPath('york'), { title: takenName, variant: editedVariant() });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as SaveVariantRefusal).issues[0]!.path).toBe('$.title');

    expect(
      (await post(savedVariantsPath('nirgendwo'), { title: 'x', variant: editedVariant() })).status,
    ).toBe(404);
    expect((await fetch(url(savedVariantsPath('nirgendwo')))).status).toBe(404);
  });

  it('answers 503 with the reason when the server has no database for saved variants', async () => {
    await server!.close();
    delete site.options.savedVariantsDatabase;
    server = await startTestServer(site.options);
    const response = await fetch(url(savedVariantsPath('york')));
    expect(response.status).toBe(503);
    expect(((await response.json()) as { reason: string }).reason).toContain('SAVED_VARIANTS_DB');
  });
});

describe('renaming and deleting a saved variant', () => {
  async function saveTwo() {
    for (const title of ['Workshop 1', 'Workshop 2']) {
      expect(await statusOf(post(savedVariantsPath('york'), { title, variant: editedVariant() }))).toBe(201);
    }
  }

  it('renames keeping the id, deletes one, and both survive a restart; the other is untouched', async () => {
    await saveTwo();
    const renamed = await send('PATCH', savedVariantPath('york', 'workshop-1'), { title: '  Runde Süd ' });
    expect(renamed.status).toBe(200);
    const body = (await renamed.json()) as SavedVariant;
    expect(body.variant).toMatchObject({ id: 'workshop-1', title: { de: 'Runde Süd', en: 'Runde Süd' } });
    expect(body.variant.massings[0]!.storeys).toBe(editedVariant().massings[0]!.storeys);

    expect(await statusOf(send('DELETE', savedVariantPath('york', 'workshop-2')))).toBe(204);
    await server!.close();
    server = await startTestServer(site.options);
    expect(await savedIds()).toEqual(['workshop-1: Runde Süd']);
    // The freed name can be saved again.
    expect(
      await statusOf(post(savedVariantsPath('york'), { title: 'Workshop 2', variant: editedVariant() })),
    ).toBe(201);
  });

  it('refuses a bad name, a taken name, a scene-file variant and unknown ones, changing nothing', async () => {
    await saveTwo();
    const sceneBefore = await readFile(join(site.options.scenesDir, 'york.json'), 'utf8');
    const before = await savedIds();

    const empty = await send('PATCH', savedVariantPath('york', 'workshop-1'), { title: ' ' });
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as SaveVariantRefusal).issues[0]).toMatchObject({
      path: '$.title',
      message: 'the new variant needs a name',
    });
    const extra = await send('PATCH', savedVariantPath('york', 'workshop-1'), { title: 'x', id: 'y' });
    expect(((await extra.json()) as SaveVariantRefusal).issues[0]!.code).toBe('unrecognized_keys');
    const malformed = await send('PATCH', savedVariantPath('york', 'workshop-1'), '{"title": ');
    expect(((await malformed.json()) as SaveVariantRefusal).issues[0]!.code).toBe('invalid_json');

    const taken = await send('PATCH', savedVariantPath('york', 'workshop-1'), { title: 'WORKSHOP 2' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as SaveVariantRefusal).message).toContain('workshop-2');
    // Its own name again (other case) is no conflict.
    expect(
      await statusOf(send('PATCH', savedVariantPath('york', 'workshop-1'), { title: 'Workshop 1' })),
    ).toBe(200);

    const builtIn = york.variants[0]!.id;
    for (const refused of [
      await send('PATCH', savedVariantPath('york', builtIn), { title: 'Anders' }),
      await send('DELETE', savedVariantPath('york', builtIn)),
    ]) {
      expect(refused.status).toBe(403);
      const refusal = (await refused.json()) as SaveVariantRefusal;
      expect(refusal.issues[0]!.code).toBe('built_in_variant');
      expect(refusal.message).toContain(builtIn);
    }

    expect(await statusOf(send('DELETE', savedVariantPath('york', 'gibt-es-nicht')))).toBe(404);
    expect(await statusOf(send('PATCH', savedVariantPath('york', 'gibt-es-nicht'), { title: 'x' }))).toBe(
      404,
    );
    expect(await statusOf(send('DELETE', savedVariantPath('nirgendwo', 'workshop-1')))).toBe(404);

    expect(await savedIds()).toEqual(before);
    expect(await readFile(join(site.options.scenesDir, 'york.json'), 'utf8')).toBe(sceneBefore);
  });
});
