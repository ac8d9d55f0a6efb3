/**
 * The default recordings the replay plays when no real source is configured: one seeded week in the real
 * sources' own formats, so the same readers serve a user's real recordings. Pure: returns the files' text.
 *
 *   catalogue.json                                   every sensor, with position, licence, "synthetic" attribution
 *   aasee-buoy/datahub-device-832.json               the buoy, 15 min (datahub.digital parsed-packets shape)
 *   opensensemap/<box>.json, <box>/<sensor>.csv      12 senseBoxes (GET /boxes/:id) and their /data, 5 min
 *   parking/<YYYY-MM-DD>.csv                         20 car parks, 5 min (parking-decks-muenster)
 *   bike-counters/<station>_<YYYY-MM-DD>_week.csv    3 Kanalpromenade counters, 15 min (od-ms)
 *   street-lights/kanalpromenade.csv                 10 lights, changes + 15-min heartbeat (the twin's own CSV)
 *   traffic-lights/spat_04070_<YYYY-MM-DD>.xml       Hörstertor cyclists' signal: ONE fixed-time SPaT message
 *                                                    whose events span one 90 s cycle; the replay repeats it
 *                                                    on the fly instead of storing a week of phase changes
 */
import { writeBikeCounterCsv } from '../formats/bikeCounters/writeBikeCounterCsv';
import { writeDatahubBuoyJson } from '../formats/datahub/datahubBuoyJson';
import { AASEE_BUOY_DEVICE_ID, SIGNAL_PLACES } from '../formats/knownSensorPlaces';
import { writeObservationsCsv } from '../formats/observationsCsv';
import {
  writeOpenSenseMapBox,
  writeOpenSenseMapDataCsv,
  writeOpenSenseMapDataJson,
} from '../formats/openSenseMap/writeOpenSenseMap';
import { writeParkingCsv } from '../formats/parking/writeParkingCsv';
import { writeSensorCatalogue } from '../formats/sensorCatalogue';
import { writeSpatXml } from '../formats/spat/writeSpatXml';
import { generateBikeCounterSeries } from './bikeCounterSeries';
import { generateBuoySeries } from './buoySeries';
import {
  HOERSTERTOR,
  LIGHTS_COUNTER_STATION,
  SENSE_BOX_PHENOMENA,
  SENSE_BOX_PLANS,
  senseBoxIds,
  SYNTHETIC_ATTRIBUTION,
} from './defaultSensorPlan';
import { defaultSensorDescriptions } from './defaultSensorCatalogue';
import { recordedWeek } from './generatorTools';
import { generateParkingDays } from './parkingSeries';
import { generateSenseBoxSeries } from './senseBoxSeries';
import { generateStreetLightObservations } from './streetLightSeries';
import { createSyntheticWeather } from './syntheticWeather';

/** The seed of the default recordings (the year of the Aasee fish die-off); change it and every value changes. */
export const DEFAULT_REPLAY_SEED = 2018;
/** A late-summer week: warm water, short nights; the Monday of the recorded week. */
export const DEFAULT_RECORDED_WEEK = '2026-08-03';
/** Bump when the generator changes what it writes, so `npm start` writes the recordings again. */
export const DEFAULT_RECORDINGS_VERSION = 1;

/** The Hörstertor cycle: red, red-amber, green, amber (MovementPhaseState codes) and their seconds. */
export const HOERSTERTOR_CYCLE: readonly { eventState: number; seconds: number }[] = [
  { eventState: 3, seconds: 55 },
  { eventState: 4, seconds: 1 },
  { eventState: 6, seconds: 31 },
  { eventState: 8, seconds: 3 },
];

export interface RecordingsOptions {
  seed?: number;
  /** Any day of the week to record (`YYYY-MM-DD`); the week runs Monday to Sunday. */
  week?: string;
  /**
   * openSenseMap's /data as CSV (`format=csv`, the default: a week of 60 series is 3.8 MB) or as the API's default
   * JSON (10 MB with the location it carries); the replay reads both.
   */
  openSenseMapData?: 'json' | 'csv';
}

export interface GeneratedRecordings {
  files: { path: string; text: string }[];
  seed: number;
  week: { monday: string; start: number; end: number };
}

export function generateDefaultRecordings(options: RecordingsOptions = {}): GeneratedRecordings {
  const seed = options.seed ?? DEFAULT_REPLAY_SEED;
  const week = recordedWeek(options.week ?? DEFAULT_RECORDED_WEEK);
  const weather = createSyntheticWeather(week, seed);
  const cycleSeconds = HOERSTERTOR_CYCLE.reduce((sum, phase) => sum + phase.seconds, 0);
  const files: GeneratedRecordings['files'] = [];

  files.push({
    path: 'catalogue.json',
    text: writeSensorCatalogue({
      note: `${SYNTHETIC_ATTRIBUTION}. Eine Woche ab ${week.monday}, Seed ${seed}; Formate wie die echten Quellen.`,
      generator: {
        name: 'muenster-twin default recordings',
        version: DEFAULT_RECORDINGS_VERSION,
        seed,
        week: week.monday,
      },
      sensors: defaultSensorDescriptions(seed, cycleSeconds),
    }),
  });

  const buoy = generateBuoySeries(week, weather, seed);
  files.push({
    path: `aasee-buoy/datahub-device-${AASEE_BUOY_DEVICE_ID}.json`,
    text: writeDatahubBuoyJson({
      deviceId: AASEE_BUOY_DEVICE_ID,
      series: buoy,
      metadata: { synthetic: true, seed },
    }),
  });

  const boxes = generateSenseBoxSeries(week, weather, seed);
  senseBoxIds(seed).forEach(({ boxId, sensorIds }, index) => {
    const plan = SENSE_BOX_PLANS[index]!;
    const series = boxes[index]!;
    files.push({
      path: `opensensemap/${boxId}.json`,
      text: writeOpenSenseMapBox({
        boxId,
        name: plan.name,
        exposure: 'outdoor',
        longitudeDegrees: plan.longitude,
        latitudeDegrees: plan.latitude,
        createdAt: week.start - 400 * 86_400_000,
        sensors: SENSE_BOX_PHENOMENA.map((phenomenon, sensorIndex) => ({
          sensorId: sensorIds[sensorIndex]!,
          phenomenon,
          lastMeasurement: series[phenomenon].at(-1),
        })),
      }),
    });
    SENSE_BOX_PHENOMENA.forEach((phenomenon, sensorIndex) => {
      const measurements = series[phenomenon];
      const csv = options.openSenseMapData !== 'json';
      files.push({
        path: `opensensemap/${boxId}/${sensorIds[sensorIndex]}.${csv ? 'csv' : 'json'}`,
        text: csv
          ? writeOpenSenseMapDataCsv(measurements)
          : writeOpenSenseMapDataJson(measurements, [plan.longitude, plan.latitude]),
      });
    });
  });

  for (const { day, content } of generateParkingDays(week, seed))
    files.push({ path: `parking/${day}.csv`, text: writeParkingCsv(content) });

  const counters = generateBikeCounterSeries(week, weather, seed);
  for (const counter of counters)
    files.push({
      path: `bike-counters/${counter.plan.stationId}_${week.monday}_week.csv`,
      text: writeBikeCounterCsv({
        channels: [{ channelId: counter.plan.stationId, name: counter.plan.name }, ...counter.plan.channels],
        rows: counter.rows,
      }),
    });

  const lightsCounter = counters.find((counter) => counter.plan.stationId === LIGHTS_COUNTER_STATION)!;
  files.push({
    path: 'street-lights/kanalpromenade.csv',
    text: writeObservationsCsv(generateStreetLightObservations(week, lightsCounter, seed)),
  });

  let offset = 0;
  files.push({
    path: `traffic-lights/spat_0${HOERSTERTOR.intersectionId}_${week.monday}.xml`,
    text: writeSpatXml({
      intersectionId: HOERSTERTOR.intersectionId,
      intersectionName: `Ms_0${HOERSTERTOR.intersectionId}_replay (${SIGNAL_PLACES[String(HOERSTERTOR.intersectionId)]!.name})`,
      time: week.start,
      fixedTime: true,
      groups: [
        {
          signalGroup: HOERSTERTOR.signalGroup,
          events: HOERSTERTOR_CYCLE.map((phase) => ({
            eventState: phase.eventState,
            endOffsetMs: (offset += phase.seconds * 1000),
          })),
        },
      ],
    }),
  });

  files.push({ path: 'README.md', text: readme(seed, week.monday) });
  return { files, seed, week };
}

function readme(seed: number, monday: string): string {
  return [
    '# Synthetic sensor recordings (Münster Twin replay)',
    '',
    `Written by \`scripts/sensors/writeDefaultRecordings.ts\` (seed ${seed}, the week from Monday ${monday}).`,
    "Every value is invented; the sensors' names, ids, capacities and some positions are real (see catalogue.json).",
    'Each file is in the format of the real source, so real recordings can be put in a folder like this one:',
    '',
    '- `parking/`: the Parkleitsystem CSV as codeformuenster/parking-decks-muenster records it',
    "- `bike-counters/`: the counters' 15-minute CSV as od-ms/radverkehr-zaehlstellen publishes it",
    '- `opensensemap/`: `GET /boxes/:id` and `GET /boxes/:id/data/:sensorId?format=csv`',
    '- `aasee-buoy/`: datahub.digital parsed-packets JSON',
    '- `traffic-lights/`: one fixed-time SPaT message (XML) whose events span one cycle; the replay repeats it',
    "- `street-lights/`: the twin's own `time,sensorId,phenomenon,value,state` CSV",
    '- `catalogue.json`: every sensor with position, licence and attribution; it wins over what the files say',
    '',
  ].join('\n');
}
