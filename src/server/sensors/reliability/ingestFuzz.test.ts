// Thousands of malformed messages, straight into the hub and through the real MQTT adapter: the hub never throws,
// counts each by its reason, logs without flooding, and still takes, stores and publishes the valid ones.
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawObservation } from '../../../domain/sensors/sensorModel';
import { sourceConfigSchema, type MqttSourceConfig } from '../../../domain/sensors/hub/hubConfig';
import type { Observation } from '../../../domain/sensors/sensorModel';
import type { ObservationPublisher } from '../observationPublisher';
import { ObservationStore } from '../observationStore';
import { SensorHub } from '../sensorHub';
import { MqttJsonSource } from '../sources/mqttJsonSource';
import {
  countVerdicts,
  FUZZ_SENSORS,
  observationCases,
  payloadCases,
  type Verdict,
} from '../testSupport/fuzzCases';
import {
  collectingLog,
  createTempFolder,
  TestSource,
  waitUntil,
  type CollectingLog,
} from '../testSupport/hubTestSupport';
import { connectTestClient, startTestBroker, type TestBroker } from '../testSupport/testBroker';

let folder: { path: string; remove(): Promise<void> };
let log: CollectingLog;
let hub: SensorHub | undefined;

beforeEach(async () => {
  folder = await createTempFolder();
  log = collectingLog();
});

afterEach(async () => {
  await hub?.stop();
  hub = undefined;
  await folder.remove();
});

const databaseFile = (): string => join(folder.path, 'sensors.sqlite');

function handled(running: SensorHub): number {
  const { accepted, rejected } = running.stats();
  return accepted + Object.values(rejected).reduce((sum, count) => sum + (count ?? 0), 0);
}

/** What the stats must say for these verdicts. */
function expectedStats(verdicts: Partial<Record<Verdict, number>>): {
  accepted: number;
  rejected: Record<string, number>;
} {
  const { accepted = 0, ...rejected } = verdicts;
  return { accepted, rejected: rejected as Record<string, number> };
}

/** Reopens the database file the stopped hub wrote: what a restart would find. */
function reopenedCount(): number {
  const store = new ObservationStore(databaseFile());
  try {
    return store.count();
  } finally {
    store.close();
  }
}

describe('ingest fuzz, straight into the hub', () => {
  it('survives 20,000 messages, counting each by reason and keeping every valid one', async () => {
    const now = Date.now();
    const cases = observationCases(20_000, 5, now);
    const verdicts = countVerdicts(cases);
    // Every reason a checked observation can fail for (all but the three about the message itself), and accepted.
    expect(Object.keys(verdicts)).toHaveLength(13);
    const source = new TestSource('fuzz', FUZZ_SENSORS);
    const published: Observation[] = [];
    const publisher: ObservationPublisher = {
      url: 'mqtt://test',
      publish: (o) => published.push(o),
      close: async () => {},
    };
    hub = new SensorHub({
      sources: [source],
      store: new ObservationStore(databaseFile()),
      publisher,
      log,
      firstRejectionsPerReason: 3,
    });
    await hub.start();

    for (const { raw } of cases) expect(() => source.emit(raw as RawObservation)).not.toThrow();

    expect(hub.stats()).toMatchObject(expectedStats(verdicts));
    expect(published).toHaveLength(verdicts.accepted ?? 0);
    expect(hub.stats().storedObservations).toBe(verdicts.accepted);
    // First three lines per reason, then silence until the periodic summary.
    const reasons = Object.keys(verdicts).length - 1;
    expect(log.lines.warn.length).toBeLessThanOrEqual(reasons * 3);
    await hub.stop();
    hub = undefined;
    expect(reopenedCount()).toBe(verdicts.accepted);
  }, 60_000);
});

describe('ingest fuzz, through the real MQTT adapter', () => {
  let broker: TestBroker;
  let publisher: MqttClient;

  beforeEach(async () => {
    broker = await startTestBroker();
    publisher = await connectTestClient(broker.url);
  });

  afterEach(async () => {
    await publisher.endAsync(true);
    await broker.stop();
  });

  it('survives 3,000 payloads of broken JSON, wrong shapes, huge sizes and bad values; valid ones flow on', async () => {
    const maxPayloadBytes = 65_536;
    const now = Date.now();
    const cases = payloadCases(3_000, 11, now, maxPayloadBytes);
    const verdicts = countVerdicts(cases);
    // Every rejection reason there is, and accepted.
    expect(Object.keys(verdicts)).toHaveLength(15);
    const config = sourceConfigSchema.parse({
      type: 'mqtt',
      id: 'fuzz',
      url: broker.url,
      topics: 'fuzz/#',
      maxPayloadBytes,
      sensors: FUZZ_SENSORS,
      licence: 'CC0-1.0',
      attribution: 'Fuzz',
      reconnect: { initialDelaySeconds: 0.02, maxDelaySeconds: 0.2 },
    }) as MqttSourceConfig;
    const running = new SensorHub({
      sources: [new MqttJsonSource(config)],
      store: new ObservationStore(databaseFile()),
      log,
    });
    hub = running;
    await running.start();
    await waitUntil(() => running.sourceStatuses()[0]?.state === 'connected', 'the adapter is connected');

    for (const [index, { payload }] of cases.entries())
      await publisher.publishAsync(`fuzz/${index % 7}`, payload);
    await waitUntil(() => handled(running) === cases.length, 'every payload is handled', 60_000);

    expect(running.stats()).toMatchObject(expectedStats(verdicts));
    expect(running.sourceStatuses()[0]?.state).toBe('connected');
    // Still open for business after the storm.
    await publisher.publishAsync(
      'fuzz/after',
      JSON.stringify({ sensorId: 'fuzz-2', phenomenon: 'pm10', value: 9, time: Date.now() - 1_000 }),
    );
    await waitUntil(
      () => running.stats().accepted === (verdicts.accepted ?? 0) + 1,
      'the last valid one is taken',
    );
    await running.stop();
    hub = undefined;
    expect(reopenedCount()).toBe((verdicts.accepted ?? 0) + 1);
  }, 120_000);
});
