import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { storyboardFixture } from '../../domain/storyboards/storyboardTestSupport';
import type {
  JoinedSession,
  OpenedSession,
  WorkshopComment,
  WorkshopLiveMessage,
  WorkshopRefusal,
  WorkshopSnapshot,
} from '../../domain/workshops/workshopProtocol';
import { LIVE_SOCKET_CLOSE } from '../liveSocketGuard';
import { eventually, openLimitTestSocket } from '../liveSocketTestSupport';
import { createTestSite, startTestServer, type TestServer, type TestSite } from '../serverTestSupport';

let site: TestSite;
let server: TestServer | undefined;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  site = await createTestSite();
  await writeFile(join(site.options.scenesDir, 'story.json'), JSON.stringify(storyboardFixture()));
  site.options.workshopsDatabase = join(site.root, 'data', 'workshops.sqlite');
  server = await startTestServer(site.options);
});

afterEach(async () => {
  sockets.forEach((socket) => socket.terminate());
  sockets.length = 0;
  await server?.close();
  await site.remove();
});

const url = (path: string) => `http://127.0.0.1:${server!.port}${path}`;

function call(method: string, path: string, body?: unknown, secret?: string): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (secret) headers.authorization = `Bearer ${secret}`;
  return fetch(url(path), {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

async function openSession(): Promise<OpenedSession> {
  const response = await call('POST', '/api/workshops', { storyboardId: 'test-story' });
  expect(response.status).toBe(201);
  return (await response.json()) as OpenedSession;
}

async function joinAs(code: string, displayName: string): Promise<JoinedSession> {
  const response = await call('POST', `/api/workshops/${code}/participants`, { displayName });
  expect(response.status).toBe(201);
  return (await response.json()) as JoinedSession;
}

const position = { longitudeDegrees: 7.656, latitudeDegrees: 51.932, heightMeters: 60 };

async function comment(code: string, token: string, text: string): Promise<Response> {
  return call('POST', `/api/workshops/${code}/comments`, { stepIndex: 1, text, position }, token);
}

async function snapshot(code: string, secret: string): Promise<WorkshopSnapshot> {
  return (await (
    await call('GET', `/api/workshops/${code}/snapshot`, undefined, secret)
  ).json()) as WorkshopSnapshot;
}

/** A live connection that collects its snapshots; `next(predicate)` waits for one that matches. */
function connect(code: string, secret: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${server!.port}/api/workshops/${code}/live?token=${secret}`);
  sockets.push(socket);
  const received: WorkshopSnapshot[] = [];
  const waiters: {
    predicate: (snapshot: WorkshopSnapshot) => boolean;
    resolve: (s: WorkshopSnapshot) => void;
  }[] = [];
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString('utf8')) as WorkshopLiveMessage;
    received.push(message.snapshot);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(message.snapshot)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(message.snapshot);
      }
    }
  });
  const closed = new Promise<number>((resolve) => socket.on('close', (closeCode) => resolve(closeCode)));
  return {
    closed,
    next(predicate: (snapshot: WorkshopSnapshot) => boolean): Promise<WorkshopSnapshot> {
      const seen = received.find(predicate);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ predicate, resolve }));
    },
  };
}

describe('workshop sessions', () => {
  it('the facilitator sees a participant follow, comment and vote live; all of it survives a restart and is exported', async () => {
    const { code, facilitatorKey } = await openSession();
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    const facilitatorLive = connect(code, facilitatorKey);
    const anna = await joinAs(code.toLowerCase(), 'Anna');
    const annaLive = connect(code, anna.participantToken);

    expect((await call('POST', `/api/workshops/${code}/step`, { stepIndex: 1 }, facilitatorKey)).status).toBe(
      200,
    );
    await annaLive.next((state) => state.stepIndex === 1);

    const posted = (await (
      await comment(code, anna.participantToken, 'Mehr Bäume am Platz')
    ).json()) as WorkshopComment;
    expect(posted).toMatchObject({
      displayName: 'Anna',
      stepIndex: 1,
      text: 'Mehr Bäume am Platz',
      position,
    });
    const voted = await call(
      'PUT',
      `/api/workshops/${code}/votes`,
      { stepIndex: 2, optionId: 'b' },
      anna.participantToken,
    );
    expect(voted.status).toBe(200);
    const seen = await facilitatorLive.next((state) => state.votes.length > 0 && state.comments.length > 0);
    expect(seen.participantCount).toBe(1);
    expect(seen.comments.map((item) => item.text)).toEqual(['Mehr Bäume am Platz']);
    expect(seen.votes).toEqual([{ stepIndex: 2, counts: { b: 1 } }]);

    await server!.close();
    server = await startTestServer(site.options);
    const after = await snapshot(code, facilitatorKey);
    expect(after).toMatchObject({
      stepIndex: 1,
      participantCount: 1,
      votes: [{ stepIndex: 2, counts: { b: 1 } }],
    });
    expect(after.comments.map((item) => item.id)).toEqual([posted.id]);
    // The participant's token still works after the restart: they can go on where they were.
    expect((await snapshot(code, anna.participantToken)).ownVotes).toEqual({ 2: 'b' });

    const csv = await call('GET', `/api/workshops/${code}/export.csv`, undefined, facilitatorKey);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const csvText = await csv.text();
    expect(csvText).toContain('"Mehr Bäume am Platz"');
    expect(csvText).toMatch(/"vote","3","third","[^"]+","Anna","","b"/);
    const geoJson = (await (
      await call('GET', `/api/workshops/${code}/export.geojson`, undefined, facilitatorKey)
    ).json()) as {
      features: { geometry: { coordinates: number[] }; properties: { text: string } }[];
    };
    expect(geoJson.features[0]?.geometry.coordinates).toEqual([7.656, 51.932, 60]);
    expect(geoJson.features[0]?.properties.text).toBe('Mehr Bäume am Platz');
  });

  it('only the facilitator advances, moderates and exports; a participant changes only their own comment', async () => {
    const { code, facilitatorKey } = await openSession();
    const anna = await joinAs(code, 'Anna');
    const ben = await joinAs(code, 'Ben');
    const annaComment = (await (
      await comment(code, anna.participantToken, 'Annas Kommentar')
    ).json()) as WorkshopComment;

    expect(
      (await call('POST', `/api/workshops/${code}/step`, { stepIndex: 2 }, anna.participantToken)).status,
    ).toBe(403);
    expect((await call('POST', `/api/workshops/${code}/step`, { stepIndex: 2 })).status).toBe(403);
    const path = `/api/workshops/${code}/comments/${annaComment.id}`;
    const byBen = await call('PATCH', path, { text: 'überschrieben' }, ben.participantToken);
    expect(byBen.status).toBe(403);
    expect(((await byBen.json()) as WorkshopRefusal).issues[0]?.code).toBe('not_own_comment');
    expect((await call('POST', `${path}/hidden`, { hidden: true }, ben.participantToken)).status).toBe(403);
    expect(
      (await call('GET', `/api/workshops/${code}/export.csv`, undefined, anna.participantToken)).status,
    ).toBe(403);
    const own = await call('PATCH', path, { text: 'Annas neuer Text' }, anna.participantToken);
    expect(((await own.json()) as WorkshopComment).text).toBe('Annas neuer Text');

    // A token of another session is no token here.
    const other = await openSession();
    expect((await comment(other.code, anna.participantToken, 'falsche Sitzung')).status).toBe(403);
    expect(
      (await call('POST', `/api/workshops/${code}/step`, { stepIndex: 2 }, other.facilitatorKey)).status,
    ).toBe(403);

    expect((await call('POST', `${path}/hidden`, { hidden: true }, facilitatorKey)).status).toBe(200);
    expect((await snapshot(code, ben.participantToken)).comments).toEqual([]);
    expect((await snapshot(code, facilitatorKey)).comments.map((item) => [item.text, item.hidden])).toEqual([
      ['Annas neuer Text', true],
    ]);
    const live = connect(code, 'not-a-real-token-at-all');
    expect(await live.closed).toBe(4403);
  });

  it('stores markup as plain text and neutralises spreadsheet formulas in the CSV', async () => {
    const { code, facilitatorKey } = await openSession();
    const anna = await joinAs(code, '=HYPERLINK("x")');
    const markup = '<img src=x onerror=alert(1)>';
    const response = await comment(code, anna.participantToken, markup);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(((await response.json()) as WorkshopComment).text).toBe(markup);
    const csvText = await (
      await call('GET', `/api/workshops/${code}/export.csv`, undefined, facilitatorKey)
    ).text();
    expect(csvText).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvText).toContain(`"${markup}"`);
  });

  it('refuses bad input with 400 naming each field, and too large a body with 413', async () => {
    const { code } = await openSession();
    const refusal = async (response: Response) => {
      expect(response.status).toBe(400);
      return ((await response.json()) as WorkshopRefusal).issues.map((issue) => issue.path);
    };
    expect(await refusal(await call('POST', '/api/workshops', { storyboardId: 'nowhere' }))).toEqual([
      '$.storyboardId',
    ]);
    expect(
      await refusal(
        await call('POST', `/api/workshops/${code}/participants`, { displayName: 'x'.repeat(41) }),
      ),
    ).toEqual(['$.displayName']);
    expect(
      await refusal(await call('POST', `/api/workshops/${code}/participants`, { displayName: '  ' })),
    ).toEqual(['$.displayName']);
    expect(
      await refusal(await call('POST', `/api/workshops/${code}/participants`, '{"displayName":')),
    ).toEqual(['$']);
    const anna = await joinAs(code, 'Anna');
    const badComment = await call(
      'POST',
      `/api/workshops/${code}/comments`,
      { stepIndex: 1, text: '', position: { ...position, latitudeDegrees: 95 } },
      anna.participantToken,
    );
    expect((await refusal(badComment)).sort()).toEqual(['$.position.latitudeDegrees', '$.text']);
    expect(await refusal(await comment(code, anna.participantToken, 'x'.repeat(1001)))).toEqual(['$.text']);
    const vote = (body: unknown) => call('PUT', `/api/workshops/${code}/votes`, body, anna.participantToken);
    expect(await refusal(await vote({ stepIndex: 2, optionId: 'c' }))).toEqual(['$.optionId']);
    expect(await refusal(await vote({ stepIndex: 0, optionId: 'a' }))).toEqual(['$.stepIndex']);
    expect(await refusal(await vote({ stepIndex: 7, optionId: 'a' }))).toEqual(['$.stepIndex']);
    const huge = await call('POST', `/api/workshops/${code}/participants`, { displayName: 'x'.repeat(5000) });
    expect(huge.status).toBe(413);
    expect((await call('GET', '/api/workshops/ZZZZZZ')).status).toBe(404);
  });
});

describe('posting limits', () => {
  it('a participant posting too fast gets 429 with Retry-After; others can still post', async () => {
    await server!.close();
    server = await startTestServer({
      ...site.options,
      workshopLimits: { postsPerMinute: 3, joinsPerMinute: 30, sessionsPerMinute: 10 },
    });
    const { code } = await openSession();
    const anna = await joinAs(code, 'Anna');
    const ben = await joinAs(code, 'Ben');
    for (let index = 0; index < 3; index += 1) {
      expect((await comment(code, anna.participantToken, `Nr. ${index}`)).status).toBe(201);
    }
    const limited = await comment(code, anna.participantToken, 'zu schnell');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await comment(code, ben.participantToken, 'Ben darf')).status).toBe(201);
  });
});

describe('live connection limits', () => {
  const restartWith = async (liveConnectionsPerAddress: number, liveMessagesPerMinute: number) => {
    await server!.close();
    server = await startTestServer({
      ...site.options,
      workshopLimits: {
        postsPerMinute: 12,
        joinsPerMinute: 30,
        sessionsPerMinute: 10,
        liveConnectionsPerAddress,
        liveMessagesPerMinute,
      },
    });
  };
  const live = (code: string, secret: string) => {
    const opened = openLimitTestSocket(
      `ws://127.0.0.1:${server!.port}/api/workshops/${code}/live?token=${encodeURIComponent(secret)}`,
    );
    sockets.push(opened.socket);
    return opened;
  };

  it('an address holding too many live connections is refused with 4429 until one closes', async () => {
    await restartWith(2, 30);
    const { code, facilitatorKey } = await openSession();
    const first = live(code, facilitatorKey);
    const second = live(code, facilitatorKey);
    expect(await first.firstMessage).toContain('"snapshot"');
    expect(await second.firstMessage).toContain('"snapshot"');
    const third = live(code, facilitatorKey);
    expect(await third.closed).toEqual(LIVE_SOCKET_CLOSE.tooManyConnections);
    first.socket.close();
    await first.closed;
    await eventually(async () => {
      const next = live(code, facilitatorKey);
      const message = await next.firstMessage;
      if (message === undefined) return false;
      expect(message).toContain('"snapshot"');
      return true;
    }, 'a seat is free again');
  });

  it('closes a live connection that sends too many messages with 1008; the others stay', async () => {
    await restartWith(10, 5);
    const { code, facilitatorKey } = await openSession();
    const anna = await joinAs(code, 'Anna');
    const chatty = live(code, anna.participantToken);
    const facilitator = connect(code, facilitatorKey);
    await chatty.firstMessage;
    for (let index = 0; index < 6; index += 1) chatty.socket.send('hallo');
    expect(await chatty.closed).toEqual(LIVE_SOCKET_CLOSE.tooManyMessages);
    expect((await call('POST', `/api/workshops/${code}/step`, { stepIndex: 2 }, facilitatorKey)).status).toBe(
      200,
    );
    expect((await facilitator.next((state) => state.stepIndex === 2)).stepIndex).toBe(2);
  });
});
