// A local HTTP server in the shape of the openSenseMap API (https://docs.opensensemap.org): `GET /boxes?bbox=…`
// (boxes inside the bounding box, with their sensors' lastMeasurement) and `GET /boxes/:boxId`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestBoxSensor {
  _id: string;
  title: string;
  unit: string;
  sensorType: string;
  lastMeasurement?: { value: string; createdAt: string };
}

export interface TestBox {
  _id: string;
  name: string;
  exposure: 'outdoor' | 'indoor' | 'mobile';
  currentLocation: { type: 'Point'; coordinates: [number, number]; timestamp: string };
  sensors: TestBoxSensor[];
}

/** A hand-made senseBox: temperature, humidity and PM10, as openSenseMap lists them. */
export function testBox(id: string, name: string, coordinates: [number, number]): TestBox {
  const sensor = (suffix: string, title: string, unit: string, sensorType: string): TestBoxSensor => ({
    _id: `${id.slice(0, 20)}${suffix}`,
    title,
    unit,
    sensorType,
  });
  return {
    _id: id,
    name,
    exposure: 'outdoor',
    currentLocation: { type: 'Point', coordinates, timestamp: '2024-01-01T00:00:00.000Z' },
    sensors: [
      sensor('0001', 'Temperatur', '°C', 'HDC1080'),
      sensor('0002', 'rel. Luftfeuchte', '%', 'HDC1080'),
      sensor('0003', 'PM10', 'µg/m³', 'SDS 011'),
      sensor('0004', 'Eingangsspannung', 'V', 'VCC'),
    ],
  };
}

/** Sets a box sensor's lastMeasurement, as a new upload would. */
export function measure(box: TestBox, title: string, value: string, createdAt: string): void {
  const sensor = box.sensors.find((entry) => entry.title === title);
  if (!sensor) throw new Error(`box ${box._id} has no sensor ${title}`);
  sensor.lastMeasurement = { value, createdAt };
}

export interface OpenSenseMapTestServer {
  readonly url: string;
  readonly requests: string[];
  boxes: TestBox[];
  /** Answer every request with this status instead (e.g. 503), or undefined for normal answers. */
  failWith: number | undefined;
  stop(): Promise<void>;
  restart(): Promise<void>;
}

export async function startOpenSenseMapTestServer(boxes: TestBox[]): Promise<OpenSenseMapTestServer> {
  const requests: string[] = [];
  let server: Server | undefined;
  let port = 0;
  const state: { boxes: TestBox[]; failWith: number | undefined } = { boxes, failWith: undefined };

  const handle = (incoming: IncomingMessage, response: ServerResponse): void => {
    requests.push(incoming.url ?? '');
    if (state.failWith !== undefined) return sendJson(response, state.failWith, { code: 'Unavailable' });
    const request = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    if (request.pathname === '/boxes') {
      const bbox = (request.searchParams.get('bbox') ?? '').split(',').map(Number);
      if (bbox.length !== 4 || bbox.some((value) => !Number.isFinite(value)))
        return sendJson(response, 422, { code: 'UnprocessableEntity', message: 'invalid bbox' });
      const [west, south, east, north] = bbox as [number, number, number, number];
      const inside = state.boxes.filter(
        ({
          currentLocation: {
            coordinates: [x, y],
          },
        }) => {
          return x >= west && x <= east && y >= south && y <= north;
        },
      );
      const full = request.searchParams.get('full') === 'true';
      return sendJson(
        response,
        200,
        full
          ? inside
          : inside.map((box) => ({
              ...box,
              sensors: box.sensors.map(({ lastMeasurement: _, ...rest }) => rest),
            })),
      );
    }
    const match = /^\/boxes\/([0-9a-f]{24})$/.exec(request.pathname);
    const box = match && state.boxes.find((entry) => entry._id === match[1]);
    if (!box) return sendJson(response, 404, { code: 'NotFound', message: 'Box not found' });
    return sendJson(response, 200, box);
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
    url: `http://127.0.0.1:${port}`,
    requests,
    get boxes() {
      return state.boxes;
    },
    set boxes(value: TestBox[]) {
      state.boxes = value;
    },
    get failWith() {
      return state.failWith;
    },
    set failWith(value: number | undefined) {
      state.failWith = value;
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
