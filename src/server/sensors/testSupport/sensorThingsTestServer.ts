// A small OGC SensorThings API 1.1 endpoint (node:http) shaped like FROST-Server: Things with Locations and
// Datastreams (ObservedProperty, unitOfMeasurement, newest Observation expanded), Observations of a Datastream
// filtered by `phenomenonTime gt …`, and server-driven paging with `@iot.nextLink`. Enough for the adapter's tests;
// it ignores the parts of the query it does not need.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestObservation {
  phenomenonTime: string;
  result: unknown;
  parameters?: Record<string, unknown>;
}

export interface TestDatastream {
  id: number | string;
  name: string;
  observedProperty: { name: string; definition?: string };
  unit: { name?: string; symbol: string; definition?: string };
  properties?: Record<string, unknown>;
  observations: TestObservation[];
}

export interface TestThing {
  id: number | string;
  name: string;
  coordinates: [longitude: number, latitude: number];
  properties?: Record<string, unknown>;
  datastreams: TestDatastream[];
}

export interface SensorThingsTestServer {
  /** The service root as a client configures it, e.g. `http://127.0.0.1:1234/FROST-Server/v1.1`. */
  readonly url: string;
  readonly port: number;
  /** Every request path with its query, in order. */
  readonly requests: string[];
  things: TestThing[];
  /** Adds an observation to a Datastream (as a sensor posting it would). */
  addObservation(datastreamId: number | string, observation: TestObservation): void;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

/** The MQTT topic FROST-Server publishes a Datastream's new Observations on. */
export function observationsTopic(datastreamId: number | string): string {
  return `v1.1/Datastreams(${typeof datastreamId === 'number' ? datastreamId : `'${datastreamId}'`})/Observations`;
}

const ROOT = '/FROST-Server/v1.1';

/** Starts the endpoint on a free port; it hands out at most `maxPageSize` entities per page, so paging happens. */
export async function startSensorThingsTestServer(
  things: TestThing[],
  options: { maxPageSize?: number } = {},
): Promise<SensorThingsTestServer> {
  const maxPageSize = options.maxPageSize ?? 2;
  const requests: string[] = [];
  let server: Server | undefined;
  let port = 0;
  const state = {
    things,
  };

  const origin = (): string => `http://127.0.0.1:${port}`;

  const page = (request: URL, items: unknown[], response: ServerResponse): void => {
    const top = Math.min(Number(request.searchParams.get('$top') ?? maxPageSize), maxPageSize);
    const skip = Number(request.searchParams.get('$skip') ?? 0);
    const body: Record<string, unknown> = { value: items.slice(skip, skip + top) };
    if (skip + top < items.length) {
      const next = new URL(request.href);
      next.searchParams.set('$skip', String(skip + top));
      body['@iot.nextLink'] = next.href;
    }
    sendJson(response, 200, body);
  };

  const expandThing = (thing: TestThing): unknown => ({
    '@iot.id': thing.id,
    '@iot.selfLink': `${origin()}${ROOT}/Things(${thing.id})`,
    name: thing.name,
    description: thing.name,
    properties: thing.properties ?? {},
    Locations: [
      {
        '@iot.id': thing.id,
        name: thing.name,
        encodingType: 'application/geo+json',
        location: { type: 'Point', coordinates: thing.coordinates },
      },
    ],
    Datastreams: thing.datastreams.map((datastream) => ({
      '@iot.id': datastream.id,
      name: datastream.name,
      unitOfMeasurement: datastream.unit,
      observationType: 'http://www.opengis.net/def/observationType/OGC-OM/2.0/OM_Measurement',
      properties: datastream.properties ?? {},
      ObservedProperty: { '@iot.id': datastream.id, ...datastream.observedProperty },
      Observations: datastream.observations.slice(-1),
    })),
  });

  const handle = (incoming: IncomingMessage, response: ServerResponse): void => {
    requests.push(incoming.url ?? '');
    const request = new URL(incoming.url ?? '/', origin());
    if (request.pathname === `${ROOT}/Things`) return page(request, state.things.map(expandThing), response);
    const match = /^\/FROST-Server\/v1\.1\/Datastreams\((\d+|'[^']*')\)\/Observations$/.exec(
      decodeURIComponent(request.pathname),
    );
    if (!match?.[1]) return sendJson(response, 404, { code: 404, type: 'error', message: 'Not Found' });
    const id = match[1].startsWith("'") ? match[1].slice(1, -1) : Number(match[1]);
    const datastream = state.things.flatMap((thing) => thing.datastreams).find((entry) => entry.id === id);
    if (!datastream) return sendJson(response, 404, { code: 404, type: 'error', message: 'Not Found' });
    const after = /phenomenonTime gt (\S+)/.exec(request.searchParams.get('$filter') ?? '')?.[1];
    const observations = datastream.observations
      .filter(
        (observation) => after === undefined || Date.parse(observation.phenomenonTime) > Date.parse(after),
      )
      .sort((a, b) => Date.parse(a.phenomenonTime) - Date.parse(b.phenomenonTime));
    return page(request, observations, response);
  };

  const listen = async (): Promise<void> => {
    const created = createServer(handle);
    await new Promise<void>((resolve, reject) => {
      created.once('error', reject);
      created.listen(port, '127.0.0.1', () => resolve());
    });
    port = (created.address() as AddressInfo).port;
    server = created;
  };
  await listen();

  return {
    get url() {
      return `${origin()}${ROOT}`;
    },
    port,
    requests,
    get things() {
      return state.things;
    },
    set things(value: TestThing[]) {
      state.things = value;
    },
    addObservation(datastreamId, observation) {
      const datastream = state.things
        .flatMap((thing) => thing.datastreams)
        .find((entry) => entry.id === datastreamId);
      if (!datastream) throw new Error(`no Datastream ${datastreamId}`);
      datastream.observations.push(observation);
    },
    async stop() {
      const closing = server;
      server = undefined;
      if (!closing) return;
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async restart() {
      if (!server) await listen();
    },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}
