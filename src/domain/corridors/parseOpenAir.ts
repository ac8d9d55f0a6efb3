import type { ValidationIssue } from '../validation/issues';
import {
  densifyArc,
  NAUTICAL_MILE_METERS,
  polarAround,
  sweepBetween,
  DEFAULT_MAX_CHORD_ERROR_METERS,
} from './arcDensification';
import type { LonLat } from './corridorScene';
import type { ZoneLimit } from './heightLimits';
import {
  parseBearingDegrees,
  parseNauticalMiles,
  parseOpenAirAltitude,
  parseOpenAirCoordinate,
  type Parsed,
} from './openAirValues';

/** One airspace block of an OpenAir file, its arcs and circles densified into a ring. */
export interface OpenAirAirspace {
  /** `AC`: the class or type, e.g. `CTR`, `D`, `R`, `Q` (danger area), `TMZ`. */
  airspaceClass: string;
  /** `AN` */
  name: string;
  /** `AL`, with the text as its label. */
  lowerLimit: ZoneLimit;
  /** `AH`, with the text as its label. */
  upperLimit: ZoneLimit;
  /** Outer ring in WGS84 [longitude, latitude], without a closing point. */
  ring: LonLat[];
  /** The file and the line of the block's `AC` record. */
  file: string;
  line: number;
}

/** A problem in an OpenAir file; `path` reads `line <n>` so formatIssue prints `file line 12: …`. */
export interface OpenAirIssue extends ValidationIssue {
  line: number;
  /** The name of the airspace the line belongs to, when it has one. */
  airspaceName?: string;
}

export interface OpenAirParseResult {
  airspaces: OpenAirAirspace[];
  issues: OpenAirIssue[];
}

export interface OpenAirOptions {
  /** Largest gap between a densified arc or circle and the true curve, metres (default 5). */
  maxChordErrorMeters?: number;
}

/** Records that carry labels, frequencies, pens and other display matters: read past without complaint. */
const IGNORED_RECORDS = new Set(['AT', 'AY', 'AF', 'AG', 'AX', 'AA', 'SP', 'SB', 'TO', 'TC']);

interface Block {
  line: number;
  airspaceClass: string;
  name?: string;
  lowerLimit?: ZoneLimit;
  upperLimit?: ZoneLimit;
  points: LonLat[];
  centre?: LonLat;
  clockwise: boolean;
  failed: boolean;
}

/**
 * Parses OpenAir airspace text (the format of most airspace files for gliding and drone apps; see
 * http://www.winpilot.com/UsersGuide/UserAirspace.asp): `AC` class, `AN` name, `AL`/`AH` limits, `DP` points,
 * `V X=` centre and `V D=` direction, `DA`/`DB` arcs, `DC` circles, `*` comments. A block with an error is left
 * out and every error is reported with the file and line; the other blocks are still read.
 */
export function parseOpenAir(text: string, file: string, options: OpenAirOptions = {}): OpenAirParseResult {
  const maxChordErrorMeters = options.maxChordErrorMeters ?? DEFAULT_MAX_CHORD_ERROR_METERS;
  const airspaces: OpenAirAirspace[] = [];
  const issues: OpenAirIssue[] = [];
  let block: Block | undefined;
  let firstIssueOfBlock = 0;

  const report = (line: number, code: string, message: string) => {
    issues.push({ code, file, path: `line ${line}`, line, message });
    if (block) block.failed = true;
  };
  const finish = () => {
    if (block) {
      const airspace = finishBlock(block, file, report);
      if (airspace) airspaces.push(airspace);
      // Name the airspace in its issues, now that its AN record has been read wherever it stood.
      const label = block.name ? `airspace "${block.name}"` : 'an airspace';
      for (const issue of issues.slice(firstIssueOfBlock)) {
        if (block.name) issue.airspaceName = block.name;
        issue.message = `${label} (AC at line ${block.line}) left out: ${issue.message}`;
      }
    }
    block = undefined;
    firstIssueOfBlock = issues.length;
  };

  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  lines.forEach((rawLine, index) => {
    const line = index + 1;
    const trimmed = rawLine.trim();
    if (trimmed === '' || trimmed.startsWith('*')) return;
    const match = /^([A-Za-z]{1,2})(?:\s+(.*))?$/.exec(trimmed);
    const record = match?.[1]?.toUpperCase();
    // Everything after a `*` is a comment, except in a name.
    const rest = match?.[2] ?? '';
    const value = record === 'AN' ? rest.trim() : rest.replace(/\*.*$/, '').trim();
    if (record === 'AC') {
      finish();
      block = { line, airspaceClass: value, points: [], clockwise: true, failed: false };
      if (value === '') report(line, 'openair_missing_field', 'AC needs an airspace class');
      return;
    }
    if (record && IGNORED_RECORDS.has(record)) return;
    if (!block) {
      report(line, 'openair_outside_block', `"${trimmed}" comes before any AC record and is ignored`);
      return;
    }
    readRecord(block, record, value, trimmed, { line, maxChordErrorMeters, report });
  });
  finish();
  return { airspaces, issues };
}

interface RecordContext {
  line: number;
  maxChordErrorMeters: number;
  report(line: number, code: string, message: string): void;
}

function readRecord(
  block: Block,
  record: string | undefined,
  value: string,
  lineText: string,
  { line, maxChordErrorMeters, report }: RecordContext,
): void {
  const use = <T>(parsed: Parsed<T>, code: string, what: string): T | undefined => {
    if (parsed.error !== undefined) report(line, code, `${what}: ${parsed.error}`);
    return parsed.value;
  };
  switch (record) {
    case 'AN':
      block.name = value;
      return;
    case 'AL':
      block.lowerLimit = use(parseOpenAirAltitude(value), 'openair_bad_altitude', 'lower limit (AL)');
      return;
    case 'AH':
      block.upperLimit = use(parseOpenAirAltitude(value), 'openair_bad_altitude', 'upper limit (AH)');
      return;
    case 'DP': {
      const point = use(parseOpenAirCoordinate(value), 'openair_bad_coordinate', 'point (DP)');
      if (point) block.points.push(point);
      return;
    }
    case 'V':
      readVariable(block, value, line, report);
      return;
    case 'DA':
    case 'DB':
    case 'DC': {
      if (!block.centre) {
        report(line, 'openair_no_centre', `${record} needs a centre: put a "V X=" record before it`);
        return;
      }
      const arc =
        record === 'DC'
          ? circlePoints(block.centre, value, maxChordErrorMeters)
          : record === 'DA'
            ? angleArcPoints(block.centre, block.clockwise, value, maxChordErrorMeters)
            : pointArcPoints(block.centre, block.clockwise, value, maxChordErrorMeters);
      const points = use(arc, 'openair_bad_arc', record);
      if (points) block.points.push(...points);
      return;
    }
    case 'DY':
      report(line, 'openair_unsupported_record', 'airways (DY) are not supported');
      return;
    default:
      report(line, 'openair_unknown_record', `"${lineText}" is not an OpenAir record`);
  }
}

function readVariable(block: Block, value: string, line: number, report: RecordContext['report']): void {
  const match = /^([A-Za-z])\s*=\s*(.*)$/.exec(value);
  const name = match?.[1]?.toUpperCase();
  const setting = match?.[2]?.trim() ?? '';
  if (name === 'X') {
    const centre = parseOpenAirCoordinate(setting);
    if (centre.error !== undefined) report(line, 'openair_bad_coordinate', `centre (V X=): ${centre.error}`);
    else block.centre = centre.value;
  } else if (name === 'D') {
    if (setting !== '+' && setting !== '-')
      report(line, 'openair_bad_arc', `direction (V D=) must be + or -`);
    else block.clockwise = setting === '+';
  } else if (name !== 'W' && name !== 'Z') {
    report(line, 'openair_unknown_record', `"V ${value}" is not a variable OpenAir knows (X, D, W, Z)`);
  }
}

function circlePoints(centre: LonLat, value: string, maxChordErrorMeters: number): Parsed<LonLat[]> {
  const radius = parseNauticalMiles(value);
  if (radius.error !== undefined) return radius;
  const points = densifyArc({
    centre,
    startBearingDegrees: 0,
    sweepDegrees: 360,
    startRadiusMeters: radius.value * NAUTICAL_MILE_METERS,
    maxChordErrorMeters,
  });
  return { value: points.slice(0, -1) };
}

/** `DA radius, start angle, end angle`: radius in NM, angles in degrees from north. */
function angleArcPoints(
  centre: LonLat,
  clockwise: boolean,
  value: string,
  maxChordErrorMeters: number,
): Parsed<LonLat[]> {
  const parts = value.split(',');
  if (parts.length !== 3) return { error: `"${value}" is not "radius, start angle, end angle"` };
  const radius = parseNauticalMiles(parts[0]!);
  const start = parseBearingDegrees(parts[1]!);
  const end = parseBearingDegrees(parts[2]!);
  for (const parsed of [radius, start, end]) if (parsed.error !== undefined) return { error: parsed.error };
  return {
    value: densifyArc({
      centre,
      startBearingDegrees: start.value!,
      sweepDegrees: sweepBetween(start.value!, end.value!, clockwise),
      startRadiusMeters: radius.value! * NAUTICAL_MILE_METERS,
      maxChordErrorMeters,
    }),
  };
}

/** `DB start, end`: an arc around the centre from one point to another; the radius follows both ends. */
function pointArcPoints(
  centre: LonLat,
  clockwise: boolean,
  value: string,
  maxChordErrorMeters: number,
): Parsed<LonLat[]> {
  const match = /^(.+?[EW])\s*,\s*(.+)$/i.exec(value);
  if (!match) return { error: `"${value}" is not "start coordinate, end coordinate"` };
  const start = parseOpenAirCoordinate(match[1]!);
  const end = parseOpenAirCoordinate(match[2]!);
  if (start.error !== undefined) return { error: `start: ${start.error}` };
  if (end.error !== undefined) return { error: `end: ${end.error}` };
  const from = polarAround(centre, start.value);
  const to = polarAround(centre, end.value);
  if (from.distanceMeters === 0 || to.distanceMeters === 0)
    return { error: 'an end of the arc is its centre' };
  const points = densifyArc({
    centre,
    startBearingDegrees: from.bearingDegrees,
    sweepDegrees: sweepBetween(from.bearingDegrees, to.bearingDegrees, clockwise),
    startRadiusMeters: from.distanceMeters,
    endRadiusMeters: to.distanceMeters,
    maxChordErrorMeters,
  });
  // The ends exactly as written, so the arc joins the points before and after it.
  points[0] = start.value;
  points[points.length - 1] = end.value;
  return { value: points };
}

function samePoint(a: LonLat, b: LonLat): boolean {
  return Math.abs(a[0] - b[0]) < 1e-9 && Math.abs(a[1] - b[1]) < 1e-9;
}

function finishBlock(
  block: Block,
  file: string,
  report: RecordContext['report'],
): OpenAirAirspace | undefined {
  const missing = [
    block.name === undefined || block.name === '' ? 'AN (name)' : undefined,
    block.lowerLimit === undefined ? 'AL (lower limit)' : undefined,
    block.upperLimit === undefined ? 'AH (upper limit)' : undefined,
  ].filter((field) => field !== undefined);
  if (!block.failed && missing.length > 0)
    report(block.line, 'openair_missing_field', `the airspace has no ${missing.join(', ')}`);
  const ring: LonLat[] = [];
  for (const point of block.points) if (!ring.at(-1) || !samePoint(ring.at(-1)!, point)) ring.push(point);
  if (ring.length > 1 && samePoint(ring[0]!, ring.at(-1)!)) ring.pop();
  if (!block.failed && ring.length < 3)
    report(
      block.line,
      'openair_too_few_points',
      `the airspace outline has ${ring.length} distinct points, needs 3`,
    );
  if (block.failed) return undefined;
  return {
    airspaceClass: block.airspaceClass,
    name: block.name!,
    lowerLimit: block.lowerLimit!,
    upperLimit: block.upperLimit!,
    ring,
    file,
    line: block.line,
  };
}
