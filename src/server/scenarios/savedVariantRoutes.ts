import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodType } from 'zod';
import {
  MAX_SAVED_VARIANT_BYTES,
  renameVariantRequestSchema,
  SCENARIO_API_PATH,
  saveVariantRequestSchema,
  variantIdFromTitle,
  type SavedVariant,
  type SavedVariantList,
} from '../../domain/scenarios/savedVariants';
import type { ScenarioDocument, ScenarioVariant } from '../../domain/scenarios/scenarioSchema';
import { parseScene } from '../../domain/scenes/sceneDocument';
import { formatJsonPath } from '../../domain/validation/issues';
import { installJsonBodyParsing, refuse, type RefusalIssue } from '../jsonRequests';
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
type VariantParams = Params & { variantId: string };

/**
 * `GET` and `POST /api/scenarios/:scenarioId/variants`: the quarter's saved variants, and saving an edited variant
 * as a new one (validated by the schema, refused with the JSON path of each problem, never touching `scenes/`).
 * `PATCH` and `DELETE …/variants/:variantId` rename (body `{ title }`, the id stays) and delete a saved variant;
 * the variants of the scene file are refused (403).
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
      const parsed = parseBody(request, saveVariantRequestSchema);
      if ('issues' in parsed) return refuse(reply, 400, 'Bad Request', parsed.issues);
      const { title, basedOnVariantId, variant } = parsed.value;
      // Everything from here on is synchronous, so two saves at once cannot take the same id or name.
      const saved = store.list(scenario.id);
      const existing = [...scenario.variants, ...saved.map((entry) => entry.variant)];
      const taken = titleTaken(existing, title);
      if (taken) return refuse(reply, 409, 'Conflict', [taken]);
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

    const variantPath = `${path}/:variantId`;
    scope.patch<{ Params: VariantParams; Body: string }>(variantPath, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await findSavedVariant(options, request.params, reply);
      if (!('store' in found)) return found.reply;
      const parsed = parseBody(request, renameVariantRequestSchema);
      if ('issues' in parsed) return refuse(reply, 400, 'Bad Request', parsed.issues);
      const { title } = parsed.value;
      const others = [
        ...found.scenario.variants,
        ...found.store
          .list(found.scenario.id)
          .map((entry) => entry.variant)
          .filter((variant) => variant.id !== request.params.variantId),
      ];
      const taken = titleTaken(others, title);
      if (taken) return refuse(reply, 409, 'Conflict', [taken]);
      return reply.send(found.store.rename(found.scenario.id, request.params.variantId, title));
    });

    scope.delete<{ Params: VariantParams }>(variantPath, async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const found = await findSavedVariant(options, request.params, reply);
      if (!('store' in found)) return found.reply;
      found.store.remove(found.scenario.id, request.params.variantId);
      return reply.code(204).send();
    });
  });
}

/** The request body read as JSON and checked by `schema`; else the issues, each with the JSON path of its field. */
function parseBody<T>(
  request: FastifyRequest,
  schema: ZodType<T>,
): { value: T } | { issues: RefusalIssue[] } {
  let json: unknown;
  try {
    json = JSON.parse(typeof request.body === 'string' ? request.body : '');
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { issues: [{ code: 'invalid_json', path: '$', message }] };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { value: parsed.data };
  return {
    issues: parsed.error.issues.map((issue) => ({
      code: issue.code,
      path: formatJsonPath(issue.path),
      message: issue.message,
    })),
  };
}

/** The refusal when another variant of the quarter has this name already (names compared without case). */
function titleTaken(variants: readonly ScenarioVariant[], title: string): RefusalIssue | undefined {
  const sameName = variants.find((candidate) =>
    [candidate.title.de, candidate.title.en].some(
      (name) => name?.trim().toLowerCase() === title.toLowerCase(),
    ),
  );
  return sameName
    ? {
        code: 'duplicate_title',
        path: '$.title',
        message: `the quarter already has a variant named "${title}" (${sameName.id}); choose another name`,
      }
    : undefined;
}

/**
 * The saved variant a rename or delete names, with its quarter and the store; else the reply already sent: 503
 * without a database, 404 for an unknown quarter or variant, 403 for a variant of the scene file.
 */
async function findSavedVariant(
  options: SavedVariantRoutesOptions,
  params: VariantParams,
  reply: FastifyReply,
): Promise<{ store: SavedVariantStore; scenario: ScenarioDocument } | { reply: FastifyReply }> {
  const opened = openStore(options, true);
  if ('reason' in opened) return { reply: unavailable(reply, opened.reason) };
  const scenario = await readScenarioDocument(options.scenesDir, params.scenarioId);
  if (!scenario) return { reply: notFound(reply, params.scenarioId) };
  if (scenario.variants.some((variant) => variant.id === params.variantId)) {
    return {
      reply: refuse(reply, 403, 'Forbidden', [
        {
          code: 'built_in_variant',
          path: '$',
          message: `"${params.variantId}" is a variant of the quarter's scene file; only variants saved in a workshop can be renamed or deleted`,
        },
      ]),
    };
  }
  const store = opened.store;
  if (!store?.list(scenario.id).some((entry) => entry.variant.id === params.variantId)) {
    return {
      reply: reply.code(404).send({
        error: 'Not Found',
        message: `no saved variant "${params.variantId}" in the planning quarter "${scenario.id}"`,
      }),
    };
  }
  return { store, scenario };
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
