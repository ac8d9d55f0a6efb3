/**
 * openSenseMap box descriptions, in the three shapes its API and archive use:
 * - `GET /boxes/:boxId`: one box with `currentLocation` and `sensors[{_id, title, unit, sensorType, lastMeasurement}]`;
 * - `GET /boxes?…`: an array of such boxes (with `minimal=true` they carry no sensors and are skipped);
 * - the archived world snapshot: a GeoJSON FeatureCollection whose features' `properties.sensors.live` maps
 *   sensor titles to their last values, stamped with the box's `lastMeasurementAt`.
 * Each box becomes one sensor `opensensemap:<boxId>` reporting every phenomenon we model; `sensorRefs` tells the
 * /data parser which of our phenomena an openSenseMap sensor id stands for.
 */
import type { PhenomenonId } from '../../phenomena';
import type { SensorPosition } from '../../sensorModel';
import {
  IssueCollector,
  parseDecimal,
  parsedRecording,
  resolveProvenance,
  type ParsedRecording,
  type ProvenanceOptions,
  type RecordedObservation,
  type SensorDraft,
} from '../recordingModel';
import { openSenseMapSensorId } from '../sensorIds';
import { isAcceptedUnit, openSenseMapPhenomenon } from './openSenseMapPhenomena';

/** Which of our sensors and phenomena an openSenseMap sensor id stands for. */
export interface OpenSenseMapSensorRef {
  openSenseMapSensorId: string;
  boxId: string;
  sensorId: string;
  phenomenon: PhenomenonId;
  unit?: string;
}

export interface ParsedOpenSenseMapBoxes extends ParsedRecording {
  sensorRefs: OpenSenseMapSensorRef[];
}

export interface OpenSenseMapBoxOptions extends ProvenanceOptions {
  file: string;
  /** Boxes of other exposures are skipped (default outdoor and unknown: indoor and mobile boxes say little about the city). */
  exposures?: readonly string[];
  /** openSenseMap knows no mounting height; senseBoxes hang on facades and balconies (default 3 m). */
  heightAboveGroundMeters?: number;
  /** How often the boxes report (default 300 s); openSenseMap does not say. */
  intervalSeconds?: number;
}

export const OPEN_SENSE_MAP_PROVENANCE = {
  licence: 'PDDL-1.0 (openSenseMap measurements)',
  attribution: 'Daten: openSenseMap.org (PDDL 1.0)',
} as const;

const OBJECT_ID = /^[0-9a-f]{24}$/i;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads any of the three shapes from text. */
export function parseOpenSenseMapBoxes(
  text: string,
  options: OpenSenseMapBoxOptions,
): ParsedOpenSenseMapBoxes {
  const issues = new IssueCollector(options.file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.error('malformed-json', (error as Error).message);
    return {
      ...parsedRecording('opensensemap-box', issues, { sensors: [], observations: [], rowCount: 0 }),
      sensorRefs: [],
    };
  }
  return readOpenSenseMapBoxes(json, options, issues);
}

/** Reads any of the three shapes from parsed JSON. */
export function readOpenSenseMapBoxes(
  json: unknown,
  options: OpenSenseMapBoxOptions,
  issues = new IssueCollector(options.file),
): ParsedOpenSenseMapBoxes {
  const reader = new BoxReader(options, issues);
  if (isObject(json) && json.type === 'FeatureCollection' && Array.isArray(json.features)) {
    json.features.forEach((feature, index) => reader.readSnapshotFeature(feature, `features[${index}]`));
    return reader.result('opensensemap-boxes', json.features.length);
  }
  if (Array.isArray(json)) {
    json.forEach((box, index) => reader.readBox(box, `[${index}]`));
    return reader.result('opensensemap-boxes', json.length);
  }
  reader.readBox(json, '$');
  return reader.result('opensensemap-box', 1);
}

class BoxReader {
  private readonly sensors: SensorDraft[] = [];
  private readonly observations: RecordedObservation[] = [];
  private readonly sensorRefs: OpenSenseMapSensorRef[] = [];
  private readonly provenance: Required<ProvenanceOptions>;

  constructor(
    private readonly options: OpenSenseMapBoxOptions,
    private readonly issues: IssueCollector,
  ) {
    this.provenance = resolveProvenance(OPEN_SENSE_MAP_PROVENANCE, options);
  }

  readBox(box: unknown, field: string): void {
    const head = this.readHead(box, field);
    if (!head) return;
    const sensors = (box as Json).sensors;
    if (!Array.isArray(sensors) || sensors.length === 0) {
      this.issues.info('no-sensors', `box ${head.boxId} lists no sensors (a minimal listing?); skipped`, {
        field,
      });
      return;
    }
    const phenomena = new Map<PhenomenonId, true>();
    const observations: RecordedObservation[] = [];
    const refs: OpenSenseMapSensorRef[] = [];
    sensors.forEach((sensor: unknown, index) => {
      const sensorField = `${field}.sensors[${index}]`;
      if (!isObject(sensor) || typeof sensor.title !== 'string') {
        this.issues.warning('bad-sensor', 'a sensor needs a title', { field: sensorField });
        return;
      }
      const phenomenon = this.phenomenonOf(sensor.title, sensorField, head.boxId, phenomena);
      if (!phenomenon) return;
      const unit = typeof sensor.unit === 'string' ? sensor.unit.trim() : undefined;
      if (unit !== undefined && !isAcceptedUnit(phenomenon, unit)) {
        this.issues.warning(
          'unknown-unit',
          `"${sensor.title}" in ${JSON.stringify(unit)} cannot be converted; skipped`,
          {
            field: sensorField,
          },
        );
        return;
      }
      phenomena.set(phenomenon, true);
      if (typeof sensor._id === 'string')
        refs.push({
          openSenseMapSensorId: sensor._id,
          boxId: head.boxId,
          sensorId: head.sensorId,
          phenomenon,
          unit,
        });
      const last = sensor.lastMeasurement;
      if (isObject(last)) {
        const observation = this.observation(
          head.sensorId,
          phenomenon,
          unit,
          last.value,
          last.createdAt,
          sensorField,
        );
        if (observation) observations.push(observation);
      }
    });
    this.finish(head, [...phenomena.keys()], observations, field);
    if (phenomena.size > 0) this.sensorRefs.push(...refs);
  }

  readSnapshotFeature(feature: unknown, field: string): void {
    if (!isObject(feature) || !isObject(feature.properties) || !isObject(feature.geometry)) {
      this.issues.error('bad-feature', 'a feature needs properties and geometry', { field });
      return;
    }
    const box = { ...feature.properties, currentLocation: feature.geometry };
    const head = this.readHead(box, field);
    if (!head) return;
    const live = isObject(feature.properties.sensors) ? feature.properties.sensors.live : undefined;
    const phenomena = new Map<PhenomenonId, true>();
    const observations: RecordedObservation[] = [];
    for (const [title, value] of Object.entries(isObject(live) ? live : {})) {
      const phenomenon = this.phenomenonOf(title, `${field}.properties.sensors.live`, head.boxId, phenomena);
      if (!phenomenon) continue;
      phenomena.set(phenomenon, true);
      const observation = this.observation(
        head.sensorId,
        phenomenon,
        undefined,
        value,
        feature.properties.lastMeasurementAt,
        `${field}.properties.sensors.live["${title}"]`,
      );
      if (observation) observations.push(observation);
    }
    this.finish(head, [...phenomena.keys()], observations, field);
  }

  result(format: 'opensensemap-box' | 'opensensemap-boxes', rowCount: number): ParsedOpenSenseMapBoxes {
    return {
      ...parsedRecording(format, this.issues, {
        sensors: this.sensors,
        observations: this.observations,
        rowCount,
      }),
      sensorRefs: this.sensorRefs,
    };
  }

  private readHead(box: unknown, field: string) {
    if (!isObject(box) || typeof box._id !== 'string' || !OBJECT_ID.test(box._id)) {
      this.issues.error('bad-box', 'a box needs an _id of 24 hex digits', { field });
      return undefined;
    }
    const boxId = box._id;
    const exposure = typeof box.exposure === 'string' ? box.exposure : 'unknown';
    if (!(this.options.exposures ?? ['outdoor', 'unknown']).includes(exposure)) {
      this.issues.info('skipped-exposure', `box ${boxId} is ${exposure}; skipped`, { field });
      return undefined;
    }
    const position = this.positionOf(box);
    if (!position) {
      this.issues.error('bad-location', `box ${boxId} has no usable currentLocation`, { field });
      return undefined;
    }
    const name = typeof box.name === 'string' && box.name.trim() !== '' ? box.name.trim() : boxId;
    return { boxId, sensorId: openSenseMapSensorId(boxId), name, position };
  }

  private positionOf(box: Json): SensorPosition | undefined {
    const location = isObject(box.currentLocation)
      ? box.currentLocation
      : Array.isArray(box.loc) && isObject(box.loc[0]) && isObject(box.loc[0].geometry)
        ? box.loc[0].geometry
        : undefined;
    const coordinates = location?.coordinates;
    if (!Array.isArray(coordinates)) return undefined;
    const [longitude, latitude] = coordinates as unknown[];
    if (typeof longitude !== 'number' || typeof latitude !== 'number') return undefined;
    if (Math.abs(longitude) > 180 || Math.abs(latitude) > 90) return undefined;
    return {
      longitudeDegrees: longitude,
      latitudeDegrees: latitude,
      heightAboveGroundMeters: this.options.heightAboveGroundMeters ?? 3,
    };
  }

  private phenomenonOf(
    title: string,
    field: string,
    boxId: string,
    taken: ReadonlyMap<PhenomenonId, true>,
  ): PhenomenonId | undefined {
    const phenomenon = openSenseMapPhenomenon(title);
    if (!phenomenon) {
      this.issues.info('unmapped-sensor', `"${title}" is not a phenomenon we show`, { field });
      return undefined;
    }
    if (taken.has(phenomenon)) {
      this.issues.info(
        'duplicate-phenomenon',
        `box ${boxId} has a second ${phenomenon} sensor "${title}"; skipped`,
        {
          field,
        },
      );
      return undefined;
    }
    return phenomenon;
  }

  private observation(
    sensorId: string,
    phenomenon: PhenomenonId,
    unit: string | undefined,
    rawValue: unknown,
    rawTime: unknown,
    field: string,
  ): RecordedObservation | undefined {
    const value =
      typeof rawValue === 'number'
        ? rawValue
        : typeof rawValue === 'string'
          ? parseDecimal(rawValue)
          : undefined;
    const time = typeof rawTime === 'string' ? parseIsoTime(rawTime) : undefined;
    if (value === undefined || time === undefined) {
      this.issues.warning(
        'bad-measurement',
        `last measurement ${JSON.stringify(rawValue)} at ${JSON.stringify(rawTime)} skipped`,
        {
          field,
        },
      );
      return undefined;
    }
    // The snapshot names no units; a "pressure" of 101306 is in pascal, as many boxes report it.
    const assumed = unit ?? (phenomenon === 'air_pressure' && value > 2000 ? 'Pa' : undefined);
    return { sensorId, phenomenon, ...(assumed === undefined ? {} : { unit: assumed }), value, time };
  }

  private finish(
    head: { sensorId: string; name: string; position: SensorPosition; boxId: string },
    phenomena: PhenomenonId[],
    observations: RecordedObservation[],
    field: string,
  ): void {
    if (phenomena.length === 0) {
      this.issues.info('nothing-to-show', `box ${head.boxId} measures nothing we show; skipped`, { field });
      return;
    }
    const intervalSeconds = this.options.intervalSeconds ?? 300;
    this.sensors.push({
      id: head.sensorId,
      name: head.name,
      kind: 'sensebox',
      position: head.position,
      phenomena: phenomena.map((phenomenon) => ({ phenomenon, intervalSeconds })),
      source: this.provenance.source,
      licence: this.provenance.licence,
      attribution: `${this.provenance.attribution}, senseBox „${head.name}“`,
    });
    this.observations.push(...observations);
  }
}

/** ISO 8601 with a date and time (openSenseMap writes `2023-09-29T08:06:13.254Z`). */
export function parseIsoTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim()))
    return undefined;
  const time = Date.parse(text.trim().replace(' ', 'T'));
  return Number.isFinite(time) ? time : undefined;
}
