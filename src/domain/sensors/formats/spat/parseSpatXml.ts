/**
 * Signal phases from ETSI ITS SPaT messages rendered as XML, as the Leezenflow green-wave display receives them:
 *
 *   <DATA><ItsPduHeader>…<stationID>4070</stationID></ItsPduHeader>
 *     <SPAT><intersections><IntersectionState>
 *       <name>Ms_04070_V5_1_3</name><id><region>49</region><id>4070</id></id>
 *       <status><IntersectionStatusObject.fixedTimeOperation>0</…>…</status>
 *       <moy>360534</moy><timeStamp>58718</timeStamp>
 *       <states><MovementState><signalGroup>4</signalGroup><state_time_speed>
 *         <MovementEvent><eventState>3</eventState><timing><likelyTime>33110</likelyTime>…</timing></MovementEvent>
 *
 * A file may hold any number of messages (a recording wraps them in one root). Element names are matched without
 * regard to case or `-`/`_` (`state-time-speed` is the ASN.1 name), and `eventState` may be a number or XER's
 * enumerated element (`<pre-Movement/>`). Times: `moy` is the minute of the (UTC) year, which SPaT does not name,
 * so the caller gives it; `timeStamp` the millisecond in that minute; each TimeMark the tenth of a second in the
 * current or next hour (SAE J2735 / ETSI TS 103 301).
 */
import { SaxesParser } from 'saxes';
import { SIGNAL_PHASE_STATES } from '../../phenomena';
import { SIGNAL_PLACES } from '../knownSensorPlaces';
import {
  IssueCollector,
  parsedRecording,
  resolveProvenance,
  type ParsedRecording,
  type ProvenanceOptions,
  type RecordedObservation,
  type SensorDraft,
} from '../recordingModel';
import { signalGroupSensorId } from '../sensorIds';

/** One MovementEvent: the phase, and when it is expected to end (epoch ms; undefined when unknown). */
export interface SpatMovementEvent {
  eventState: number;
  likelyEnd?: number;
  minEnd?: number;
  maxEnd?: number;
}

export interface SpatIntersectionState {
  intersectionId: string;
  name?: string;
  /** Epoch ms of the message (moy + timeStamp). */
  time: number;
  /** `IntersectionStatusObject.fixedTimeOperation`: the events describe a cycle that repeats unchanged. */
  fixedTime: boolean;
  groups: { signalGroup: string; events: SpatMovementEvent[] }[];
  line: number;
}

export interface ParsedSpat extends ParsedRecording {
  intersections: SpatIntersectionState[];
}

export interface SpatOptions extends ProvenanceOptions {
  file: string;
  /** The UTC year the messages were sent in (SPaT counts minutes from the start of an unnamed year). */
  year: number;
  /** How often a signal group reports (default 60 s); the replay uses the cycle length for fixed-time signals. */
  intervalSeconds?: number;
}

export const SPAT_PROVENANCE = {
  licence: 'terms of the SPaT provider (Stadt Münster C-ITS / Leezenflow); not verified',
  attribution: 'Signaldaten: Stadt Münster (C-ITS SPaT)',
} as const;

/** XER names of MovementPhaseState. */
const PHASE_NAMES: Readonly<Record<string, number>> = {
  unavailable: 0,
  dark: 1,
  'stop-then-proceed': 2,
  'stop-and-remain': 3,
  'pre-movement': 4,
  'permissive-movement-allowed': 5,
  'protected-movement-allowed': 6,
  'permissive-clearance': 7,
  'protected-clearance': 8,
  'caution-conflicting-traffic': 9,
};

const HOUR_MS = 3_600_000;
/** Bit 5 of the IntersectionStatusObject BIT STRING. */
const FIXED_TIME_BIT = 5;

const normalise = (name: string) => name.toLowerCase().replace(/-/g, '_');

const PHASE_NAMES_NORMALISED: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(PHASE_NAMES).map(([name, code]) => [normalise(name), code]),
);

interface Draft {
  line: number;
  texts: Map<string, string>;
  fixedTimeBit?: string;
  groups: { signalGroup?: string; events: Map<string, string>[] }[];
}

export function parseSpatXml(text: string, options: SpatOptions): ParsedSpat {
  const issues = new IssueCollector(options.file);
  const intersections: SpatIntersectionState[] = [];
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let textBuffer = '';
  let draft: Draft | undefined;
  let event: Map<string, string> | undefined;

  parser.on('opentag', (tag) => {
    const name = normalise(tag.name);
    path.push(name);
    textBuffer = '';
    if (name === 'intersectionstate') draft = { line: parser.line, texts: new Map(), groups: [] };
    else if (draft && name === 'movementstate') draft.groups.push({ events: [] });
    else if (draft && name === 'movementevent') event = new Map();
    else if (event && path.at(-2) === 'eventstate' && name in PHASE_NAMES_NORMALISED)
      event.set('eventstate', String(PHASE_NAMES_NORMALISED[name]));
  });
  parser.on('text', (chunk) => (textBuffer += chunk));
  parser.on('closetag', () => {
    const name = path.pop()!;
    const value = textBuffer.trim();
    textBuffer = '';
    if (!draft) return;
    const parent = path.at(-1);
    if (event) {
      if (name === 'movementevent') {
        draft.groups.at(-1)?.events.push(event);
        event = undefined;
      } else if (value !== '' && (name === 'eventstate' || parent === 'timing')) event.set(name, value);
      return;
    }
    if (name === 'signalgroup' && parent === 'movementstate') {
      const group = draft.groups.at(-1);
      if (group) group.signalGroup = value;
    } else if (name === 'id' && parent === 'id') draft.texts.set('id', value);
    else if ((name === 'moy' || name === 'timestamp' || name === 'name') && parent === 'intersectionstate')
      draft.texts.set(name, value);
    else if (name === 'intersectionstatusobject.fixedtimeoperation') draft.fixedTimeBit = value;
    else if (name === 'status' && parent === 'intersectionstate' && /^[01]{8,}$/.test(value))
      draft.fixedTimeBit = value[FIXED_TIME_BIT];
    else if (name === 'intersectionstate') {
      const state = finishIntersection(draft, options.year, issues);
      if (state) intersections.push(state);
      draft = undefined;
    }
  });
  try {
    parser.write(text).close();
  } catch (error) {
    issues.error('malformed-xml', `malformed XML: ${(error as Error).message}; reading stopped`, {
      line: parser.line,
    });
  }

  const provenance = resolveProvenance(SPAT_PROVENANCE, options);
  const observations: RecordedObservation[] = [];
  const sensors = new Map<string, SensorDraft>();
  for (const intersection of intersections) {
    for (const group of intersection.groups) {
      const sensorId = signalGroupSensorId(intersection.intersectionId, group.signalGroup);
      const current = group.events[0]!;
      observations.push({
        sensorId,
        phenomenon: 'signal_state',
        unit: 'state',
        value: current.eventState,
        state: SIGNAL_PHASE_STATES[current.eventState],
        time: intersection.time,
      });
      if (!sensors.has(sensorId))
        sensors.set(sensorId, {
          id: sensorId,
          name: `${intersectionLabel(intersection)}, Signalgruppe ${group.signalGroup}`,
          kind: 'traffic-signal',
          phenomena: [{ phenomenon: 'signal_state', intervalSeconds: options.intervalSeconds ?? 60 }],
          ...provenance,
        });
    }
  }
  return {
    ...parsedRecording('spat-xml', issues, {
      sensors: [...sensors.values()],
      observations,
      rowCount: intersections.length,
    }),
    intersections,
  };
}

function intersectionLabel(intersection: SpatIntersectionState): string {
  const known = SIGNAL_PLACES[String(Number(intersection.intersectionId))];
  if (known) return known.name;
  return `LSA ${intersection.intersectionId}${intersection.name ? ` (${intersection.name})` : ''}`;
}

function finishIntersection(
  draft: Draft,
  year: number,
  issues: IssueCollector,
): SpatIntersectionState | undefined {
  const where = { line: draft.line, field: 'IntersectionState' };
  const intersectionId = draft.texts.get('id');
  const moy = Number(draft.texts.get('moy'));
  const milliseconds = Number(draft.texts.get('timestamp') ?? 0);
  if (!intersectionId || !/^\d+$/.test(intersectionId)) {
    issues.error('missing-id', 'an IntersectionState without id/id is skipped', where);
    return undefined;
  }
  if (
    !Number.isInteger(moy) ||
    moy < 0 ||
    moy > 527_040 ||
    !Number.isInteger(milliseconds) ||
    milliseconds > 60_999
  ) {
    issues.error(
      'missing-time',
      `intersection ${intersectionId}: moy/timeStamp missing or out of range; skipped`,
      where,
    );
    return undefined;
  }
  const time = Date.UTC(year, 0, 1) + moy * 60_000 + milliseconds;
  const groups: SpatIntersectionState['groups'] = [];
  for (const group of draft.groups) {
    const signalGroup = group.signalGroup;
    if (!signalGroup || !/^\d+$/.test(signalGroup)) {
      issues.warning(
        'missing-signal-group',
        `intersection ${intersectionId}: a MovementState without signalGroup`,
        where,
      );
      continue;
    }
    const events: SpatMovementEvent[] = [];
    for (const raw of group.events) {
      const eventState = Number(raw.get('eventstate'));
      if (!Number.isInteger(eventState) || !(eventState in SIGNAL_PHASE_STATES)) {
        issues.warning(
          'bad-event-state',
          `signal group ${signalGroup}: eventState ${JSON.stringify(raw.get('eventstate'))}`,
          where,
        );
        continue;
      }
      events.push({
        eventState,
        likelyEnd: timeMark(raw.get('likelytime'), time),
        minEnd: timeMark(raw.get('minendtime'), time),
        maxEnd: timeMark(raw.get('maxendtime'), time),
      });
    }
    if (events.length === 0) {
      issues.warning('no-events', `signal group ${signalGroup} has no usable MovementEvent; skipped`, where);
      continue;
    }
    groups.push({ signalGroup, events });
  }
  return {
    intersectionId,
    ...(draft.texts.get('name') ? { name: draft.texts.get('name') } : {}),
    time,
    fixedTime: draft.fixedTimeBit === '1',
    groups,
    line: draft.line,
  };
}

/** A TimeMark (tenths of a second in the current or next hour; 36001 = unknown) → epoch ms. */
export function timeMark(text: string | undefined, messageTime: number): number | undefined {
  const mark = Number(text);
  if (text === undefined || !Number.isInteger(mark) || mark < 0 || mark > 36_000) return undefined;
  const inThisHour = Math.floor(messageTime / HOUR_MS) * HOUR_MS + mark * 100;
  // A mark well before the message belongs to the next hour; a few seconds before means "ends now".
  return inThisHour < messageTime - 30_000 ? inThisHour + HOUR_MS : inThisHour;
}
