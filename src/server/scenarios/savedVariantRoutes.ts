import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';
import {
  MAX_SAVED_VARIANT_BYTES,
  SCENARIO_API_PATH,
  saveVariantRequestSchema,
  variantIdFromTitle,
  type SavedVariant,
  type SavedVariantList,
} from '../../domain/scenarios/savedVariants';
import type { ScenarioDocument } from '../../domain/scenarios/scenarioSchema';
import { parseScene } from '../../domain/scenes/sceneDocument';
import { formatJsonPath } from '../../domain/validation/issues';
import { installJsonBodyParsing, refuse } from '../jsonRequests';
import { readSceneIndex, SCENES_URL_FOLDER } from '../sceneIndex';
import { SavedVariantStore } from './savedVariantStore';

export interface SavedVariantRoutesOptions {
  scenesDir: string;
  /**
   * The database: `existing` only when its file exists already (reading creates nothing), else it is created.
   * Undefined or a thrown error: the routes answer 503 with the reason.
   */
  openStore: ((existing: boolean) => SavedVariantStore | undefined) | undefined;
  unavailable: string;
}

type Params = { scenarioId: string };

/**
 * `GET` and `POST /api/scenarios/:scenarioId/variants`: the quarter's saved variants, and saving an edited variant
 * as a new one (validated by the schema, refused with the JSON path of each problem, never touching `scenes/`).
 */
export async function registerSavedVariantRoutes(
  app: FastifyInstance,
  options: SavedVariantRoutesOptions,
): Promise<void> {
  await app.register(async (scope) => {
    installJsonBodyParsing(scope, MAX_SAVED_VARIANT_BYTES, 'a saved variant');

    const path = `${SCENARIO_API_PATH}/:scenarioId/variants`;
    scope.get<{ Params: Params }>(path, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const opened = openStore(options, true);
      if ('reason' in opened) return unavailable(reply, opened.reason);
      const scenario = await readScenarioDocument(options.scenesDir, request.params.scenarioId);
      if (!scenario) return notFound(reply, request.params.scenarioId);
      const body: SavedVariantList = {
        scenarioId: scenario.id,
        variants: opened.store?.list(scenario.id) ?? [],
      };
      return reply.send(body);
    });

    scope.post<{ Params: Params; Body: string }>(path, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const opened = openStore(options, false);
      if ('reason' in opened) return unavailable(reply, opened.reason);
      const store = opened.store!;
      const scenario = await readScenarioDocument(options.scenesDir, request.params.scenarioId);
      if (!scenario) return notFound(reply, request.params.scenarioId);
      let json: unknown;
      try {
        json = JSON.parse(typeof request.body === 'string' ? request.body : '');
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        return refuse(reply, 400, 'Bad Request', [{ code: 'invalid_json', path: '$', message }]);
      }
      const parsed = saveVariantRequestSchema.safeParse(json);
      if (!parsed.success) {
        return refuse(
          reply,
          400,
          'Bad Request',
          parsed.error.issues.map((issue) => ({
            code: issue.code,
            path: formatJsonPath(issue.path),
            message: issue.message,
          })),
        );
      }
      const { title, basedOnVariantId, variant } = parsed.data;
      // Everything from here on is synchronous, so two saves at once cannot take the same id or name.
      const saved = store.list(scenario.id);
      const existing = [...scenario.variants, ...saved.map((entry) => entry.variant)];
      const sameName = existing.find((candidate) =>
        [candidate.title.de, candidate.title.en].some(
          (name) => name?.trim().toLowerCase() === title.toLowerCase(),
        ),
      );
      if (sameName) {
        return refuse(reply, 409, 'Conflict', [
          {
            code: 'duplicate_title',
            path: '$.title',
            message: `the quarter already has a variant named "${title}" (${sameName.id}); choose another name`,
          },
        ]);
      }
      const id = variantIdFromTitle(title, new Set(existing.map((candidate) => candidate.id)));
      const entry: SavedVariant = {
        scenarioId: scenario.id,
        variant: { ...variant, id, title: { de: title, en: title } },
        savedAt: new Date().toISOString(),
      };
      if (basedOnVariantId !== undefined) entry.basedOnVariantId = basedOnVariantId;
      store.add(entry);
      return reply
        .code(201)
        .header('location', `${path.replace(':scenarioId', scenario.id)}/${id}`)
        .send(entry);
    });
  });
}

/** The store, undefined when reading and nothing was saved yet, or why it is unavailable. */
function openStore(
  options: SavedVariantRoutesOptions,
  existing: boolean,
): { store: SavedVariantStore | undefined } | { reason: string } {
  if (!options.openStore) return { reason: options.unavailable };
  try {
    const store = options.openStore(existing);
    return existing || store ? { store } : { reason: options.unavailable };
  } catch (error) {
    console.error(`Gespeicherte Varianten nicht verfügbar: ${String(error)}`);
    return { reason: 'the database of saved variants cannot be opened (see the server log)' };
  }
}

/** The valid scenario document of that id in the scenes folder; undefined when there is none. */
async function readScenarioDocument(
  scenesDir: string,
  scenarioId: string,
): Promise<ScenarioDocument | undefined> {
  const { scenes } = await readSceneIndex(scenesDir);
  const entry = scenes.find(
    (scene) => scene.kind === 'scenario' && scene.id === scenarioId && scene.issues.length === 0,
  );
  if (!entry) return undefined;
  const file = `${SCENES_URL_FOLDER}/${entry.file}`;
  const { value } = parseScene(await readFile(join(scenesDir, entry.file), 'utf8'), file);
  return value?.kind === 'scenario' ? value : undefined;
}

function notFound(reply: FastifyReply, scenarioId: string): FastifyReply {
  return reply
    .code(404)
    .send({ error: 'Not Found', message: `no planning quarter "${scenarioId}" in the scenes folder` });
}

function unavailable(reply: FastifyReply, reason: string): FastifyReply {
  return reply.code(503).send({ error: 'Service Unavailable', reason });
}

/**
 * The saved-variants routes for the server, with the database opened on first use (a fresh installation gets no
 * file until something is saved) and closed with the server. A database that cannot be opened is reported on
 * stderr and the routes answer 503 with the reason; the rest of the twin runs on.
 */
export async function installSavedVariants(
  app: FastifyInstance,
  scenesDir: string,
  databaseFile: string | undefined,
): Promise<void> {
  let store: SavedVariantStore | undefined;
  app.addHook('onClose', async () => store?.close());
  const openStore =
    databaseFile === undefined
      ? undefined
      : (existing: boolean): SavedVariantStore | undefined => {
          if (!store && (!existing || existsSync(databaseFile))) store = new SavedVariantStore(databaseFile);
          return store;
        };
  await registerSavedVariantRoutes(app, {
    scenesDir,
    openStore,
    unavailable: 'no database for saved variants is configured (SAVED_VARIANTS_DB)',
  });
}
