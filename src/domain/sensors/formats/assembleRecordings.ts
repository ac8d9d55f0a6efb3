/** Turning what the files say into complete sensors and signal observations (see readRecordings). */
import { SIGNAL_PHASE_STATES } from '../phenomena';
import { sensorDescriptionSchema, type SensorDescription } from '../sensorModel';
import { knownSensorPlace } from './knownSensorPlaces';
import type { IssueCollector, RecordedObservation, SensorDraft } from './recordingModel';
import { signalGroupSensorId } from './sensorIds';
import type { SpatIntersectionState } from './spat/parseSpatXml';
import { announcedPhases, fixedTimeCycles, type SignalCycle } from './spat/signalTimeline';

/** Joins what several files say about one sensor: every phenomenon (the longest interval), the latest capacity. */
export function mergeDraft(drafts: Map<string, SensorDraft>, draft: SensorDraft): void {
  const existing = drafts.get(draft.id);
  if (!existing) {
    drafts.set(draft.id, { ...draft, phenomena: [...draft.phenomena] });
    return;
  }
  for (const entry of draft.phenomena) {
    const same = existing.phenomena.find((other) => other.phenomenon === entry.phenomenon);
    if (!same) existing.phenomena.push(entry);
    else same.intervalSeconds = Math.max(same.intervalSeconds, entry.intervalSeconds);
  }
  if (draft.capacity !== undefined) existing.capacity = draft.capacity;
  if (!existing.position && draft.position) existing.position = draft.position;
}

/** Catalogue entries as they are; drafts placed by their own position or a known place, else left out. */
export function completeSensors(
  catalogue: ReadonlyMap<string, SensorDescription>,
  drafts: ReadonlyMap<string, SensorDraft>,
  issues: IssueCollector,
): SensorDescription[] {
  const sensors = new Map(catalogue);
  for (const draft of drafts.values()) {
    if (sensors.has(draft.id)) continue;
    const known = draft.position ? undefined : knownSensorPlace(draft.id);
    const position = draft.position ?? known?.position;
    if (!position) {
      issues.error(
        'no-position',
        `where ${draft.id} (${draft.name}) stands is unknown; add it to catalogue.json`,
      );
      continue;
    }
    const candidate = {
      ...draft,
      position,
      ...(known && draft.positionAccuracyMeters === undefined
        ? { positionAccuracyMeters: known.positionAccuracyMeters }
        : {}),
    };
    const result = sensorDescriptionSchema.safeParse(candidate);
    if (result.success) sensors.set(draft.id, result.data);
    else issues.error('bad-sensor', `${draft.id}: ${result.error.issues[0]!.message}`);
  }
  return [...sensors.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** Fixed-time signals become cycles; other messages their announced phases until the group's next message. */
export function signalObservations(intersections: readonly SpatIntersectionState[]): {
  cycles: SignalCycle[];
  observations: RecordedObservation[];
} {
  const cycles = intersections.flatMap(fixedTimeCycles);
  const cycleSensors = new Set(cycles.map((cycle) => cycle.sensorId));
  const messages = new Map<
    string,
    { intersection: SpatIntersectionState; group: SpatIntersectionState['groups'][number] }[]
  >();
  for (const intersection of intersections)
    for (const group of intersection.groups) {
      const sensorId = signalGroupSensorId(intersection.intersectionId, group.signalGroup);
      if (cycleSensors.has(sensorId)) continue;
      messages.set(sensorId, [...(messages.get(sensorId) ?? []), { intersection, group }]);
    }
  const observations: RecordedObservation[] = [];
  for (const [sensorId, list] of messages) {
    list.sort((a, b) => a.intersection.time - b.intersection.time);
    list.forEach(({ intersection, group }, index) => {
      const next = list[index + 1]?.intersection.time ?? Number.POSITIVE_INFINITY;
      for (const phase of announcedPhases(intersection, group))
        if (phase.start < next)
          observations.push({
            sensorId,
            phenomenon: 'signal_state',
            unit: 'state',
            value: phase.eventState,
            state: SIGNAL_PHASE_STATES[phase.eventState],
            time: phase.start,
          });
    });
  }
  return { cycles, observations };
}
