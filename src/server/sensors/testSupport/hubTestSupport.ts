// Shared by the sensor hub's tests: a source the test drives by hand, a log that collects lines, sensors, temporary
// folders and a wait that polls a condition (never a fixed sleep).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PhenomenonId } from '../../../domain/sensors/phenomena';
import type { RawObservation, SensorDescription, SensorKind } from '../../../domain/sensors/sensorModel';
import type { SensorSource, SourceContext } from '../../../domain/sensors/sensorSource';
import type { HubLog } from '../sensorHubService';

/** A sensor as the tests need it: at the Aasee, reporting the given phenomena every minute. */
export function testSensor(
  id: string,
  phenomena: readonly PhenomenonId[] = ['water_temperature'],
  overrides: Partial<SensorDescription> = {},
): SensorDescription {
  return {
    id,
    name: `Test ${id}`,
    kind: 'water-buoy' as SensorKind,
    position: { longitudeDegrees: 7.6105, latitudeDegrees: 51.9566, heightAboveGroundMeters: 0 },
    phenomena: phenomena.map((phenomenon) => ({ phenomenon, intervalSeconds: 60 })),
    source: 'test',
    licence: 'CC0-1.0',
    attribution: 'Test data',
    ...overrides,
  };
}

/** A source the test drives: `emit` hands raw observations to the hub as an adapter would. */
export class TestSource implements SensorSource {
  context: SourceContext | undefined;
  started = false;
  stopped = false;
  clock: (() => number) | undefined;

  constructor(
    readonly id: string,
    private catalogue: SensorDescription[],
    readonly type: string = 'test',
  ) {}

  sensors(): readonly SensorDescription[] {
    return this.catalogue;
  }

  now(): number {
    return this.clock ? this.clock() : Date.now();
  }

  async start(context: SourceContext): Promise<void> {
    this.context = context;
    this.started = true;
    context.setStatus('connected');
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.context?.setStatus('stopped');
  }

  emit(raw: RawObservation): void {
    if (!this.context) throw new Error('the source has not been started');
    this.context.emit(raw);
  }

  setSensors(sensors: SensorDescription[]): void {
    this.catalogue = sensors;
    this.context?.sensorsChanged();
  }
}

/** A log that keeps its lines for the test to read. */
export interface CollectingLog extends HubLog {
  lines: { info: string[]; warn: string[] };
}

export function collectingLog(): CollectingLog {
  const lines = { info: [] as string[], warn: [] as string[] };
  return { lines, info: (line) => void lines.info.push(line), warn: (line) => void lines.warn.push(line) };
}

/** A temporary folder and how to remove it. */
export async function createTempFolder(prefix = 'muenster-twin-sensors-'): Promise<{
  path: string;
  remove(): Promise<void>;
}> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/**
 * Resolves once `condition` holds (checked every 10 ms and whenever the event loop is free), or rejects after
 * `timeoutMs` with `what` in the message. Tests wait for effects this way instead of sleeping a fixed time.
 */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** An ISO time `secondsAgo` before now. */
export function isoSecondsAgo(secondsAgo: number, now = Date.now()): string {
  return new Date(now - secondsAgo * 1000).toISOString();
}
