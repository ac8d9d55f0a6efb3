/**
 * What SPaT messages say about the time after them: each MovementEvent's phase lasts until its (likely) end,
 * then the next one begins. A fixed-time signal (`fixedTimeOperation`) repeats its announced events as a cycle,
 * so a week of phase changes is computed on demand instead of being stored.
 */
import { SIGNAL_PHASE_STATES } from '../../phenomena';
import type { RecordedObservation } from '../recordingModel';
import { signalGroupSensorId } from '../sensorIds';
import type { SpatIntersectionState } from './parseSpatXml';

export interface SignalPhase {
  start: number;
  eventState: number;
}

/** The phase changes one message announces for a group: the current phase at the message time, then each next. */
export function announcedPhases(
  intersection: SpatIntersectionState,
  group: SpatIntersectionState['groups'][number],
): SignalPhase[] {
  const phases: SignalPhase[] = [];
  let start = intersection.time;
  for (const event of group.events) {
    phases.push({ start, eventState: event.eventState });
    const end = event.likelyEnd ?? event.minEnd ?? event.maxEnd;
    if (end === undefined || end <= start) break;
    start = end;
  }
  return phases;
}

/** A signal group's repeating cycle: phases by offset from `anchor`, repeated every `cycleMs`. */
export interface SignalCycle {
  sensorId: string;
  anchor: number;
  cycleMs: number;
  phases: { offsetMs: number; eventState: number }[];
}

/** The cycles of a fixed-time message: its events, from the message time to the last one's end, repeat. */
export function fixedTimeCycles(intersection: SpatIntersectionState): SignalCycle[] {
  if (!intersection.fixedTime) return [];
  const cycles: SignalCycle[] = [];
  for (const group of intersection.groups) {
    const phases: SignalCycle['phases'] = [];
    let start = intersection.time;
    let complete = true;
    for (const event of group.events) {
      const end = event.likelyEnd ?? event.minEnd ?? event.maxEnd;
      if (end === undefined || end <= start) {
        complete = false;
        break;
      }
      phases.push({ offsetMs: start - intersection.time, eventState: event.eventState });
      start = end;
    }
    const cycleMs = start - intersection.time;
    if (complete && phases.length > 1 && cycleMs >= 1000)
      cycles.push({
        sensorId: signalGroupSensorId(intersection.intersectionId, group.signalGroup),
        anchor: intersection.time,
        cycleMs,
        phases,
      });
  }
  return cycles;
}

/** Every phase change of a cycle with `from < time <= to`, as observations in time order. */
export function cycleObservations(cycle: SignalCycle, from: number, to: number): RecordedObservation[] {
  const observations: RecordedObservation[] = [];
  if (to <= from) return observations;
  let cycleStart = cycle.anchor + Math.floor((from - cycle.anchor) / cycle.cycleMs) * cycle.cycleMs;
  for (; cycleStart <= to; cycleStart += cycle.cycleMs) {
    for (const phase of cycle.phases) {
      const time = cycleStart + phase.offsetMs;
      if (time > from && time <= to)
        observations.push({
          sensorId: cycle.sensorId,
          phenomenon: 'signal_state',
          unit: 'state',
          value: phase.eventState,
          state: SIGNAL_PHASE_STATES[phase.eventState],
          time,
        });
    }
  }
  return observations;
}
