import { describe, expect, it } from 'vitest';
import {
  HubMessageReader,
  parseHubMessage,
  SeriesTable,
  type CompactObservationBatch,
  type HubReaderEvent,
} from './hubMessageReader';
import type { WireObservation } from './hubProtocol';

function observations(now: number, list: WireObservation[]): string {
  return JSON.stringify({ type: 'observations', now, observations: list });
}

/** A reader with a hand-driven clock and the events it handed on. */
function startReader() {
  const events: HubReaderEvent[] = [];
  let clockMs = 1_000_000;
  const reader = new HubMessageReader({ emit: (event) => events.push(event), clock: () => clockMs });
  return {
    reader,
    events,
    advance: (milliseconds: number) => (clockMs += milliseconds),
    batches: () => events.filter((event): event is CompactObservationBatch => event.kind === 'batch'),
  };
}

/** A batch as observations again, through the receiver's series table. */
function decode(table: SeriesTable, batch: CompactObservationBatch): WireObservation[] {
  table.learn(batch);
  return Array.from(batch.series, (number, position) => {
    const value = batch.values[position]!;
    const observation: WireObservation = [
      table.sensorId(number),
      table.phenomenon(number),
      Number.isNaN(value) ? null : value,
      batch.times[position]!,
    ];
    const state = batch.states.get(position);
    return state === undefined ? observation : [...observation, state];
  });
}

describe('parseHubMessage', () => {
  it('names what is wrong with a message that cannot be used', () => {
    expect(parseHubMessage('{"type":"observations","now":1,')).toEqual({
      error: expect.stringMatching(/^not JSON \(.+\): \{"type":"observations"/),
    });
    expect(parseHubMessage('[1,2]')).toEqual({ error: 'not a JSON object' });
    expect(parseHubMessage('{"type":"gossip"}')).toEqual({ error: 'unknown message type "gossip"' });
    expect(parseHubMessage('{"type":"observations","now":"soon","observations":[]}')).toEqual({
      error: 'observations: "now" is not a number (epoch ms)',
    });
    expect(parseHubMessage('{"type":"snapshot","snapshot":{"now":1,"sensors":{},"sources":[]}}')).toEqual({
      error: 'snapshot: "sensors" is not an array',
    });
  });

  it('keeps the good observations of a batch and names the faulty ones by position and field', () => {
    const result = parseHubMessage(
      JSON.stringify({
        type: 'observations',
        now: 5,
        observations: [
          ['a', 'pm10', 12, 1],
          ['b', 'pm10', 'twelve', 1],
          ['c', 'pm10', 3],
          ['d', 'signal_state', null, 2, 'red'],
          ['e', 'pm10', 1, null],
          ['f', 'pm10', 1, 1, 7],
          'g',
        ],
      }),
    );
    expect(result).toEqual({
      message: {
        type: 'observations',
        now: 5,
        observations: [
          ['a', 'pm10', 12, 1],
          ['d', 'signal_state', null, 2, 'red'],
        ],
      },
      problems: [
        'observations[1]: value is neither a number nor null; observations[2]: has 3 fields, not 4 or 5; ' +
          'observations[4]: time is not a number (epoch ms); and 2 more faulty observations',
      ],
    });
  });
});

describe('HubMessageReader', () => {
  it('hands on the newest value per series, numbered compactly, and nothing more until the receiver is ready', () => {
    const { reader, events, batches, advance } = startReader();
    const table = new SeriesTable();
    reader.read(
      observations(50_000, [
        ['a', 'pm10', 10, 2_000],
        ['b', 'signal_state', null, 1_000, 'green'],
      ]),
    );
    expect(batches()).toHaveLength(1);
    expect(decode(table, batches()[0]!)).toEqual([
      ['a', 'pm10', 10, 2_000],
      ['b', 'signal_state', null, 1_000, 'green'],
    ]);

    // The receiver is busy: three messages wait as one value per series; an older one never replaces a newer.
    advance(100);
    reader.read(observations(50_100, [['a', 'pm10', 11, 3_000]]));
    reader.read(
      observations(50_200, [
        ['a', 'pm10', 12, 4_000],
        ['c', 'pm10', 1, 4_000],
      ]),
    );
    reader.read(observations(50_300, [['a', 'pm10', 9, 3_500]]));
    advance(40);
    expect(batches()).toHaveLength(1);
    expect(reader.pendingCount).toBe(2);

    reader.ready();
    const second = batches()[1]!;
    expect(decode(table, second)).toEqual([
      ['a', 'pm10', 12, 4_000],
      ['c', 'pm10', 1, 4_000],
    ]);
    // Only the new series is named again; the hub clock is carried forward by the time the values waited.
    expect(second.newSeries).toEqual([['c', 'pm10']]);
    expect(second.firstNewSeries).toBe(2);
    expect(second.received).toBe(4);
    expect(second.hubNow).toBe(50_340);
    expect(events.map((event) => event.kind)).toEqual(['batch', 'batch']);
  });

  it('passes snapshots, source states and errors on in order, and a snapshot drops the older values waiting', () => {
    const { reader, events } = startReader();
    reader.read(observations(1, [['a', 'pm10', 1, 1]]));
    reader.read(observations(2, [['a', 'pm10', 2, 2]]));
    reader.read('not json');
    reader.read(
      JSON.stringify({
        type: 'snapshot',
        snapshot: { now: 3, sensors: [], latest: [['a', 'pm10', 3, 3]], sources: [] },
      }),
    );
    reader.read(JSON.stringify({ type: 'sources', sources: [{ id: 'replay', state: 'reconnecting' }] }));
    reader.ready();
    expect(events.map((event) => event.kind)).toEqual(['batch', 'malformed', 'snapshot', 'sources']);
    expect(events[1]).toEqual({ kind: 'malformed', error: expect.stringMatching(/^not JSON .*: not json$/) });
  });

  it('a receiver out of step with the numbering says so', () => {
    const { reader, batches } = startReader();
    reader.read(observations(1, [['a', 'pm10', 1, 1]]));
    reader.ready();
    reader.read(observations(2, [['b', 'pm10', 1, 1]]));
    const table = new SeriesTable();
    expect(() => table.learn(batches()[1]!)).toThrow(/new series from 1, 0 are known/);
  });
});
