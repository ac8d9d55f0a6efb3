/** The catalogue of the default replay: every sensor with its place, licence and a "synthetic" attribution. */
import type { SensorDescription } from '../sensorModel';
import {
  AASEE_BUOY_DEVICE_ID,
  AASEE_BUOY_PLACE,
  BIKE_COUNTER_STATION_PLACES,
  CAR_PARK_PLACES,
  SIGNAL_PLACES,
} from '../formats/knownSensorPlaces';
import {
  bikeCounterSensorId,
  datahubSensorId,
  openSenseMapSensorId,
  parkingSensorId,
  signalGroupSensorId,
} from '../formats/sensorIds';
import {
  BIKE_STATION_PLANS,
  CAR_PARK_PLANS,
  HOERSTERTOR,
  SENSE_BOX_PHENOMENA,
  SENSE_BOX_PLANS,
  senseBoxIds,
  streetLightPositions,
  streetLightSensorId,
  SYNTHETIC_ATTRIBUTION,
  SYNTHETIC_LICENCE,
} from './defaultSensorPlan';

/** Every sensor of the default replay, as the catalogue lists it. */
export function defaultSensorDescriptions(seed: number, cycleSeconds: number): SensorDescription[] {
  const common = { source: 'replay' } as const;
  const sensors: SensorDescription[] = [];
  sensors.push({
    ...common,
    id: datahubSensorId(AASEE_BUOY_DEVICE_ID),
    name: AASEE_BUOY_PLACE.name,
    kind: 'water-buoy',
    position: AASEE_BUOY_PLACE.position,
    positionAccuracyMeters: AASEE_BUOY_PLACE.positionAccuracyMeters,
    phenomena: (['water_temperature', 'dissolved_oxygen', 'ph'] as const).map((phenomenon) => ({
      phenomenon,
      intervalSeconds: 900,
    })),
    licence: `${SYNTHETIC_LICENCE}; position: Stadt Münster`,
    attribution: `${SYNTHETIC_ATTRIBUTION}. Standort der Boje: Stadt Münster (Smart City)`,
  });
  senseBoxIds(seed).forEach(({ boxId }, index) => {
    const plan = SENSE_BOX_PLANS[index]!;
    sensors.push({
      ...common,
      id: openSenseMapSensorId(boxId),
      name: plan.name,
      kind: 'sensebox',
      position: {
        longitudeDegrees: plan.longitude,
        latitudeDegrees: plan.latitude,
        heightAboveGroundMeters: plan.heightMeters,
      },
      phenomena: SENSE_BOX_PHENOMENA.map((phenomenon) => ({ phenomenon, intervalSeconds: 300 })),
      licence: `${SYNTHETIC_LICENCE}; invented station`,
      attribution: `${SYNTHETIC_ATTRIBUTION}. Erfundene senseBox im openSenseMap-Format`,
    });
  });
  for (const plan of CAR_PARK_PLANS) {
    const place = CAR_PARK_PLACES.find((candidate) => candidate.name === plan.name)!;
    sensors.push({
      ...common,
      id: parkingSensorId(plan.name),
      name: plan.name,
      kind: 'car-park',
      position: place.position,
      positionAccuracyMeters: place.positionAccuracyMeters,
      phenomena: [{ phenomenon: 'parking_free', intervalSeconds: 300 }],
      capacity: plan.capacity,
      licence: `${SYNTHETIC_LICENCE}; names and capacities: Stadt Münster Parkleitsystem`,
      attribution: `${SYNTHETIC_ATTRIBUTION}. Namen und Kapazitäten: Stadt Münster (Parkleitsystem); Lage ungefähr`,
    });
  }
  for (const station of BIKE_STATION_PLANS) {
    const place = BIKE_COUNTER_STATION_PLACES[station.stationId]!;
    const channels = [{ channelId: station.stationId, name: station.name }, ...station.channels];
    for (const channel of channels)
      sensors.push({
        ...common,
        id: bikeCounterSensorId(station.stationId, channel.channelId),
        name: channel.name,
        kind: 'bike-counter',
        position: place.position,
        positionAccuracyMeters: place.positionAccuracyMeters,
        phenomena: [{ phenomenon: 'bike_count', intervalSeconds: 900 }],
        licence: `${SYNTHETIC_LICENCE}; counter ids and names: Stadt Münster, dl-de/by-2-0`,
        attribution: `${SYNTHETIC_ATTRIBUTION}. Zählstellen: Datenquelle Stadt Münster, dl-de/by-2-0; Lage ungefähr`,
      });
  }
  streetLightPositions().forEach((position, index) =>
    sensors.push({
      ...common,
      id: streetLightSensorId(index),
      name: `Leuchte Kanalpromenade ${String(index + 1).padStart(2, '0')}`,
      kind: 'street-light',
      position,
      positionAccuracyMeters: 500,
      phenomena: [{ phenomenon: 'light_level', intervalSeconds: 900 }],
      licence: `${SYNTHETIC_LICENCE}; invented lights`,
      attribution: `${SYNTHETIC_ATTRIBUTION}. Erfundene adaptive Leuchten, geschaltet von den gezählten Radfahrenden`,
    }),
  );
  const signal = SIGNAL_PLACES[String(HOERSTERTOR.intersectionId)]!;
  sensors.push({
    ...common,
    id: signalGroupSensorId(HOERSTERTOR.intersectionId, HOERSTERTOR.signalGroup),
    name: `${signal.name}, Signalgruppe ${HOERSTERTOR.signalGroup} (Radverkehr)`,
    kind: 'traffic-signal',
    position: signal.position,
    positionAccuracyMeters: signal.positionAccuracyMeters,
    phenomena: [{ phenomenon: 'signal_state', intervalSeconds: cycleSeconds }],
    licence: `${SYNTHETIC_LICENCE}; signal id and position: Stadt Münster, dl-de/by-2-0`,
    attribution: `${SYNTHETIC_ATTRIBUTION}. Fester Umlauf; Lichtsignalanlage: Datenquelle Stadt Münster, dl-de/by-2-0`,
  });
  return sensors;
}
