import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { parseScene } from '../../domain/scenes/sceneDocument';
import type { StoryboardDocument } from '../../domain/storyboards/storyboardSchema';
import { SlidingWindowLimit } from '../../domain/workshops/postingRateLimit';
import { workshopCommentsGeoJson, workshopResultsCsv } from '../../domain/workshops/workshopExport';
import {
  commentRequestSchema,
  editCommentRequestSchema,
  hideCommentRequestSchema,
  isJoinCode,
  joinRequestSchema,
  openSessionRequestSchema,
  stepRequestSchema,
  voteRequestSchema,
  WORKSHOP_API_PATH,
  type JoinedSession,
  type OpenedSession,
  type WorkshopSnapshot,
} from '../../domain/workshops/workshopProtocol';
import { readSceneIndex, SCENES_URL_FOLDER } from '../sceneIndex';
import { WorkshopLive, type Viewer } from './workshopLive';
import { refuse } from '../jsonRequests';
import { LiveSocketGuard, type LiveSocketLimits } from '../liveSocketGuard';
import { bearerSecret, installWorkshopBodyParsing, readBody } from './workshopRequests';
import type { Participant, WorkshopSession, WorkshopStore } from './workshopStore';

/**
 * Posting limits: a participant's comments, edits and votes; joins and new sessions per address. Live
 * connections per address (a whole class may share one address behind a router) and messages per live
 * connection (browsers only listen); both default to `DEFAULT_WORKSHOP_LIVE_LIMITS`.
 */
export interface WorkshopLimits {
  postsPerMinute: number;
  joinsPerMinute: number;
  sessionsPerMinute: number;
  liveConnectionsPerAddress?: number;
  liveMessagesPerMinute?: number;
}

export const DEFAULT_WORKSHOP_LIVE_LIMITS: LiveSocketLimits = {
  connectionsPerAddress: 60,
  messagesPerMinute: 30,
};

export const DEFAULT_WORKSHOP_LIMITS: WorkshopLimits = {
  postsPerMinute: 12,
  joinsPerMinute: 30,
  sessionsPerMinute: 10,
  liveConnectionsPerAddress: DEFAULT_WORKSHOP_LIVE_LIMITS.connectionsPerAddress,
  liveMessagesPerMinute: DEFAULT_WORKSHOP_LIVE_LIMITS.messagesPerMinute,
};

export interface WorkshopRoutesOptions {
  scenesDir: string;
  /** Undefined when the database could not be opened: the routes answer 503 with `unavailable`. */
  store: WorkshopStore | undefined;
  unavailable: string;
  limits?: WorkshopLimits;
}

type CodeParams = { code: string };
type CommentParams = { code: string; commentId: string };

/**
 * The workshop API under /api/workshops (see docs/workshops.md): a facilitator opens a session and holds its key
 * (advance, moderate, export); participants join with a name and get their own token (comment, vote, change
 * only their own); everyone connected gets live snapshots over a WebSocket.
 */
export async function registerWorkshopRoutes(
  app: FastifyInstance,
  options: WorkshopRoutesOptions,
): Promise<void> {
  const limits = options.limits ?? DEFAULT_WORKSHOP_LIMITS;
  const postLimit = new SlidingWindowLimit(limits.postsPerMinute, 60_000);
  const joinLimit = new SlidingWindowLimit(limits.joinsPerMinute, 60_000);
  const sessionLimit = new SlidingWindowLimit(limits.sessionsPerMinute, 60_000);
  const liveGuard = new LiveSocketGuard({
    connectionsPerAddress:
      limits.liveConnectionsPerAddress ?? DEFAULT_WORKSHOP_LIVE_LIMITS.connectionsPerAddress,
    messagesPerMinute: limits.liveMessagesPerMinute ?? DEFAULT_WORKSHOP_LIVE_LIMITS.messagesPerMinute,
  });
  const store = options.store;
  const live = new WorkshopLive((code, viewer) => store && snapshotOf(store, code, viewer));
  app.addHook('onClose', async () => live.closeAll());

  await app.register(async (scope) => {
    installWorkshopBodyParsing(scope);
    scope.addHook('onRequest', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
      if (!store) return reply.code(503).send({ error: 'Service Unavailable', reason: options.unavailable });
    });

    /** The session named in the path, or undefined with the 404 sent. */
    const sessionOf = (request: FastifyRequest<{ Params: CodeParams }>, reply: FastifyReply) => {
      const code = request.params.code.toUpperCase();
      const session = isJoinCode(code) ? store!.session(code) : undefined;
      if (!session)
        refuse(reply, 404, 'Not Found', [
          { code: 'no_session', path: 'code', message: `no workshop "${request.params.code}"` },
        ]);
      return session;
    };
    const requireFacilitator = (request: FastifyRequest, reply: FastifyReply, session: WorkshopSession) => {
      const key = bearerSecret(request);
      if (key && store!.isFacilitator(session.code, key)) return true;
      refuse(reply, 403, 'Forbidden', [
        { code: 'not_facilitator', path: 'authorization', message: 'only the facilitator key may do this' },
      ]);
      return false;
    };
    const requireParticipant = (request: FastifyRequest, reply: FastifyReply, session: WorkshopSession) => {
      const token = bearerSecret(request);
      const participant = token ? store!.participantByToken(session.code, token) : undefined;
      if (!participant) {
        refuse(reply, 403, 'Forbidden', [
          {
            code: 'not_participant',
            path: 'authorization',
            message: 'join the workshop first; send your participant token',
          },
        ]);
        return undefined;
      }
      const allowed = postLimit.take(participant.id);
      if (!allowed.allowed) {
        reply.header('retry-after', String(allowed.retryAfterSeconds));
        refuse(reply, 429, 'Too Many Requests', [
          {
            code: 'rate_limited',
            path: '$',
            message: `too many posts; try again in ${allowed.retryAfterSeconds} s`,
          },
        ]);
        return undefined;
      }
      return participant;
    };
    const limitByAddress = (limit: SlidingWindowLimit, request: FastifyRequest, reply: FastifyReply) => {
      const allowed = limit.take(request.ip);
      if (allowed.allowed) return true;
      reply.header('retry-after', String(allowed.retryAfterSeconds));
      refuse(reply, 429, 'Too Many Requests', [
        {
          code: 'rate_limited',
          path: '$',
          message: `too many requests; try again in ${allowed.retryAfterSeconds} s`,
        },
      ]);
      return false;
    };
    const stepInRange = (reply: FastifyReply, session: WorkshopSession, stepIndex: number) => {
      if (stepIndex < session.storyboard.steps.length) return true;
      refuse(reply, 400, 'Bad Request', [
        {
          code: 'too_big',
          path: '$.stepIndex',
          message: `the storyboard has ${session.storyboard.steps.length} steps (0 to ${session.storyboard.steps.length - 1})`,
        },
      ]);
      return false;
    };

    scope.post(WORKSHOP_API_PATH, async (request, reply) => {
      if (!limitByAddress(sessionLimit, request, reply)) return reply;
      const body = readBody(request, reply, openSessionRequestSchema);
      if (!body) return reply;
      const storyboard = await readStoryboard(options.scenesDir, body.storyboardId);
      if (!storyboard) {
        return refuse(reply, 400, 'Bad Request', [
          {
            code: 'unknown_storyboard',
            path: '$.storyboardId',
            message: `no valid storyboard "${body.storyboardId}" in the scenes folder`,
          },
        ]);
      }
      const { code, facilitatorKey } = store!.openSession(storyboard);
      const opened: OpenedSession = { code, storyboardId: storyboard.id, facilitatorKey };
      return reply.code(201).header('location', `${WORKSHOP_API_PATH}/${code}`).send(opened);
    });

    scope.get<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session) return reply;
      return reply.send({
        code: session.code,
        storyboardId: session.storyboard.id,
        title: session.storyboard.title,
        stepIndex: session.stepIndex,
      });
    });

    scope.post<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/participants`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session || !limitByAddress(joinLimit, request, reply)) return reply;
      const body = readBody(request, reply, joinRequestSchema);
      if (!body) return reply;
      const { participant, token } = store!.join(session.code, body.displayName);
      live.changed(session.code);
      const joined: JoinedSession = {
        code: session.code,
        participantId: participant.id,
        participantToken: token,
        displayName: participant.displayName,
      };
      return reply.code(201).send(joined);
    });

    scope.get<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/snapshot`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session) return reply;
      const viewer = viewerOf(store!, session.code, bearerSecret(request));
      if (!viewer)
        return refuse(reply, 403, 'Forbidden', [
          {
            code: 'not_in_session',
            path: 'authorization',
            message: 'send the facilitator key or your participant token',
          },
        ]);
      return reply.send(snapshotOf(store!, session.code, viewer));
    });

    scope.post<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/step`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session || !requireFacilitator(request, reply, session)) return reply;
      const body = readBody(request, reply, stepRequestSchema);
      if (!body || !stepInRange(reply, session, body.stepIndex)) return reply;
      store!.setStep(session.code, body.stepIndex);
      live.changed(session.code);
      return reply.send({ stepIndex: body.stepIndex });
    });

    scope.post<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/comments`, async (request, reply) => {
      const session = sessionOf(request, reply);
      const participant = session && requireParticipant(request, reply, session);
      if (!session || !participant) return reply;
      const body = readBody(request, reply, commentRequestSchema);
      if (!body || !stepInRange(reply, session, body.stepIndex)) return reply;
      const comment = store!.addComment(participant, body.stepIndex, body.text, body.position);
      live.changed(session.code);
      return reply.code(201).send(comment);
    });

    scope.patch<{ Params: CommentParams }>(
      `${WORKSHOP_API_PATH}/:code/comments/:commentId`,
      async (request, reply) => {
        const session = sessionOf(request, reply);
        const participant = session && requireParticipant(request, reply, session);
        if (!session || !participant) return reply;
        if (!ownComment(reply, store!, session, participant, request.params.commentId)) return reply;
        const body = readBody(request, reply, editCommentRequestSchema);
        if (!body) return reply;
        store!.editComment(session.code, request.params.commentId, body.text);
        live.changed(session.code);
        return reply.send(store!.comment(session.code, request.params.commentId));
      },
    );

    scope.post<{ Params: CommentParams }>(
      `${WORKSHOP_API_PATH}/:code/comments/:commentId/hidden`,
      async (request, reply) => {
        const session = sessionOf(request, reply);
        if (!session || !requireFacilitator(request, reply, session)) return reply;
        if (!store!.comment(session.code, request.params.commentId)) {
          return refuse(reply, 404, 'Not Found', [
            {
              code: 'no_comment',
              path: 'commentId',
              message: `no comment "${request.params.commentId}" in this workshop`,
            },
          ]);
        }
        const body = readBody(request, reply, hideCommentRequestSchema);
        if (!body) return reply;
        store!.setCommentHidden(session.code, request.params.commentId, body.hidden);
        live.changed(session.code);
        return reply.send(store!.comment(session.code, request.params.commentId));
      },
    );

    scope.put<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/votes`, async (request, reply) => {
      const session = sessionOf(request, reply);
      const participant = session && requireParticipant(request, reply, session);
      if (!session || !participant) return reply;
      const body = readBody(request, reply, voteRequestSchema);
      if (!body || !stepInRange(reply, session, body.stepIndex)) return reply;
      const question = session.storyboard.steps[body.stepIndex]?.question;
      if (question?.kind !== 'vote') {
        return refuse(reply, 400, 'Bad Request', [
          { code: 'no_vote', path: '$.stepIndex', message: `step ${body.stepIndex + 1} asks no vote` },
        ]);
      }
      if (!question.options.some((option) => option.id === body.optionId)) {
        const known = question.options.map((option) => option.id).join(', ');
        return refuse(reply, 400, 'Bad Request', [
          {
            code: 'unknown_option',
            path: '$.optionId',
            message: `step ${body.stepIndex + 1} offers ${known}`,
          },
        ]);
      }
      store!.vote(participant, body.stepIndex, body.optionId);
      live.changed(session.code);
      return reply.send({ stepIndex: body.stepIndex, optionId: body.optionId });
    });

    scope.get<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/export.csv`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session || !requireFacilitator(request, reply, session)) return reply;
      const stepIdOf = stepIdReader(session);
      const csv = workshopResultsCsv(
        store!.comments(session.code, true),
        store!.votes(session.code, stepIdOf),
        stepIdOf,
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="workshop-${session.code}.csv"`)
        .send(csv);
    });

    scope.get<{ Params: CodeParams }>(`${WORKSHOP_API_PATH}/:code/export.geojson`, async (request, reply) => {
      const session = sessionOf(request, reply);
      if (!session || !requireFacilitator(request, reply, session)) return reply;
      const geoJson = workshopCommentsGeoJson(store!.comments(session.code, true), stepIdReader(session));
      return reply
        .type('application/geo+json; charset=utf-8')
        .header('content-disposition', `attachment; filename="workshop-${session.code}.geojson"`)
        .send(JSON.stringify(geoJson));
    });

    scope.get<{ Params: CodeParams; Querystring: { token?: string } }>(
      `${WORKSHOP_API_PATH}/:code/live`,
      { websocket: true },
      (socket: WebSocket, request) => {
        // Counted before anything else, so a flood of connections with made-up codes is capped too.
        if (!liveGuard.admit(socket, request.ip)) return;
        const code = request.params.code.toUpperCase();
        const session = isJoinCode(code) ? store?.session(code) : undefined;
        const viewer = session && store && viewerOf(store, code, request.query.token);
        // 4403: the browser shows "not in this workshop" instead of reconnecting forever.
        if (!viewer) {
          socket.close(4403, 'not in this workshop');
          return;
        }
        const dispose = live.connect(code, socket, viewer);
        socket.on('close', dispose);
        socket.on('error', dispose);
      },
    );
  });
}

function stepIdReader(session: WorkshopSession): (stepIndex: number) => string {
  return (stepIndex) => session.storyboard.steps[stepIndex]?.id ?? String(stepIndex + 1);
}

function ownComment(
  reply: FastifyReply,
  store: WorkshopStore,
  session: WorkshopSession,
  participant: Participant,
  commentId: string,
): boolean {
  const comment = store.comment(session.code, commentId);
  if (!comment) {
    refuse(reply, 404, 'Not Found', [
      { code: 'no_comment', path: 'commentId', message: `no comment "${commentId}" in this workshop` },
    ]);
    return false;
  }
  if (comment.participantId !== participant.id) {
    refuse(reply, 403, 'Forbidden', [
      { code: 'not_own_comment', path: 'commentId', message: 'you can change only your own comments' },
    ]);
    return false;
  }
  return true;
}

/** The facilitator (by key) or a participant (by token) of the session; undefined for anyone else. */
function viewerOf(store: WorkshopStore, code: string, secret: string | undefined): Viewer | undefined {
  if (!secret) return undefined;
  if (store.isFacilitator(code, secret)) return { role: 'facilitator' };
  const participant = store.participantByToken(code, secret);
  return participant && { role: 'participant', participantId: participant.id };
}

function snapshotOf(store: WorkshopStore, code: string, viewer: Viewer): WorkshopSnapshot | undefined {
  const session = store.session(code);
  if (!session) return undefined;
  const facilitator = viewer.role === 'facilitator';
  return {
    code,
    storyboardId: session.storyboard.id,
    stepIndex: session.stepIndex,
    participantCount: store.participantCount(code),
    comments: store.comments(code, facilitator),
    votes: store.voteTallies(code),
    ownVotes: viewer.role === 'participant' ? store.ownVotes(code, viewer.participantId) : {},
    role: viewer.role,
  };
}

/** The valid storyboard of that id in the scenes folder; undefined when there is none. */
async function readStoryboard(
  scenesDir: string,
  storyboardId: string,
): Promise<StoryboardDocument | undefined> {
  const { scenes } = await readSceneIndex(scenesDir);
  const entry = scenes.find(
    (scene) => scene.kind === 'storyboard' && scene.id === storyboardId && scene.issues.length === 0,
  );
  if (!entry) return undefined;
  const { value } = parseScene(
    await readFile(join(scenesDir, entry.file), 'utf8'),
    `${SCENES_URL_FOLDER}/${entry.file}`,
  );
  return value?.kind === 'storyboard' ? value : undefined;
}
