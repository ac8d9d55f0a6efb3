import { describe, expect, it } from 'vitest';
import { parseSpatXml, timeMark } from './parseSpatXml';
import { announcedPhases, cycleObservations, fixedTimeCycles } from './signalTimeline';
import { writeSpatXml } from './writeSpatXml';

/** moy 360534 = 8 Sep 08:54 UTC (2023); timeStamp 58718 ms → 08:54:58.718. */
const MESSAGE = `<?xml version="1.0"?>
<DATA>
  <ItsPduHeader><messageID>4</messageID><stationID>4070</stationID></ItsPduHeader>
  <SPAT><name>2.3.0</name><intersections>
    <IntersectionState>
      <name>Ms_04070_V5_1_3</name>
      <id><region>49</region><id>4070</id></id>
      <status><IntersectionStatusObject.fixedTimeOperation>0</IntersectionStatusObject.fixedTimeOperation></status>
      <moy>360534</moy><timeStamp>58718</timeStamp>
      <states>
        <MovementState>
          <signalGroup>14</signalGroup>
          <state_time_speed>
            <MovementEvent><eventState>3</eventState><timing><likelyTime>33130</likelyTime></timing>
              <regional><RegionalExtension><regionId>3</regionId><regExtValue/></RegionalExtension></regional></MovementEvent>
            <MovementEvent><eventState>4</eventState><timing><likelyTime>33140</likelyTime></timing></MovementEvent>
            <MovementEvent><eventState>5</eventState><timing><minEndTime>33520</minEndTime><likelyTime>36001</likelyTime></timing></MovementEvent>
          </state_time_speed>
        </MovementState>
        <MovementState>
          <signalGroup>2</signalGroup>
          <state-time-speed><MovementEvent><eventState><protected-Movement-Allowed/></eventState></MovementEvent></state-time-speed>
        </MovementState>
        <MovementState>
          <signalGroup>3</signalGroup>
          <state_time_speed><MovementEvent><eventState>12</eventState></MovementEvent></state_time_speed>
        </MovementState>
        <MovementState>
          <state_time_speed><MovementEvent><eventState>3</eventState></MovementEvent></state_time_speed>
        </MovementState>
      </states>
    </IntersectionState>
  </intersections></SPAT>
</DATA>`;

describe('parseSpatXml', () => {
  const parsed = parseSpatXml(MESSAGE, { file: 'spat.xml', year: 2023 });

  it('turns each signal group into a sensor at the signal', () => {
    expect(parsed.sensors.map((sensor) => [sensor.id, sensor.name, sensor.kind])).toEqual([
      ['spat:4070:14', 'Hörstertor (LSA 04070), Signalgruppe 14', 'traffic-signal'],
      ['spat:4070:2', 'Hörstertor (LSA 04070), Signalgruppe 2', 'traffic-signal'],
    ]);
  });

  it('reports the current phase as the MovementPhaseState code and its colour', () => {
    expect(
      parsed.observations.map((item) => [
        item.sensorId,
        item.value,
        item.state,
        new Date(item.time).toISOString(),
      ]),
    ).toEqual([
      ['spat:4070:14', 3, 'red', '2023-09-08T08:54:58.718Z'],
      ['spat:4070:2', 6, 'green', '2023-09-08T08:54:58.718Z'],
    ]);
  });

  it('skips groups it cannot read, with an issue', () => {
    expect(parsed.issueCounts).toEqual({ 'bad-event-state': 1, 'no-events': 1, 'missing-signal-group': 1 });
    expect(parsed.issues[0]).toMatchObject({ file: 'spat.xml', line: 5, field: 'IntersectionState' });
  });

  it('knows when each announced phase ends', () => {
    const intersection = parsed.intersections[0]!;
    expect(intersection.fixedTime).toBe(false);
    const phases = announcedPhases(intersection, intersection.groups[0]!);
    expect(phases.map((phase) => [phase.eventState, new Date(phase.start).toISOString()])).toEqual([
      [3, '2023-09-08T08:54:58.718Z'],
      [4, '2023-09-08T08:55:13.000Z'],
      [5, '2023-09-08T08:55:14.000Z'],
    ]);
    // 36001 means "unknown": the min end time stands in.
    expect(new Date(intersection.groups[0]!.events[2]!.minEnd!).toISOString()).toBe(
      '2023-09-08T08:55:52.000Z',
    );
  });

  it('reads a time mark before the message as the next hour', () => {
    const message = Date.UTC(2023, 0, 1, 10, 59, 50);
    expect(new Date(timeMark('100', message)!).toISOString()).toBe('2023-01-01T11:00:10.000Z');
    expect(timeMark('36001', message)).toBeUndefined();
  });

  it('keeps what it read before malformed XML', () => {
    const cut = `<root>${MESSAGE.replace('<?xml version="1.0"?>', '')}<DATA><SPAT><intersections><IntersectionState><moy>1</moy></root>`;
    const result = parseSpatXml(cut, { file: 'cut.xml', year: 2023 });
    expect(result.sensors).toHaveLength(2);
    expect(result.issues.at(-1)).toMatchObject({ code: 'malformed-xml', severity: 'error' });
  });
});

describe('fixed-time signals', () => {
  const start = Date.UTC(2026, 7, 2, 22, 59, 30);
  const text = writeSpatXml({
    intersectionId: 4070,
    intersectionName: 'Ms_04070_replay',
    time: start,
    fixedTime: true,
    groups: [
      {
        signalGroup: 14,
        events: [
          { eventState: 3, endOffsetMs: 55_000 },
          { eventState: 4, endOffsetMs: 56_000 },
          { eventState: 6, endOffsetMs: 87_000 },
          { eventState: 8, endOffsetMs: 90_000 },
        ],
      },
    ],
  });

  it('are written as one message whose events span one cycle, and read back as a cycle', () => {
    const parsed = parseSpatXml(text, { file: 'spat_04070.xml', year: 2026 });
    expect(parsed.issues).toEqual([]);
    expect(parsed.intersections[0]!.time).toBe(start);
    const [cycle] = fixedTimeCycles(parsed.intersections[0]!);
    expect(cycle).toEqual({
      sensorId: 'spat:4070:14',
      anchor: start,
      cycleMs: 90_000,
      phases: [
        { offsetMs: 0, eventState: 3 },
        { offsetMs: 55_000, eventState: 4 },
        { offsetMs: 56_000, eventState: 6 },
        { offsetMs: 87_000, eventState: 8 },
      ],
    });
  });

  it('repeat their cycle at any later time', () => {
    const [cycle] = fixedTimeCycles(parseSpatXml(text, { file: 'spat.xml', year: 2026 }).intersections[0]!);
    const from = start + 7 * 86_400_000 + 50_000;
    const changes = cycleObservations(cycle!, from, from + 90_000);
    expect(changes.map((item) => [(item.time - start) % 90_000, item.state])).toEqual([
      [55_000, 'red-amber'],
      [56_000, 'green'],
      [87_000, 'amber'],
      [0, 'red'],
    ]);
  });
});
