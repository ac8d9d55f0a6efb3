/**
 * Where Münster's real sensors stand, for the formats that do not say (the parking CSV, the bike-counter CSV,
 * SPaT, UBA's CSV, the buoy's JSON). A recordings folder's `catalogue.json` overrides any of these.
 *
 * Sources: the Aasee buoy and the two signals (LSA 04070, 01090) are the city's own coordinates (buoy: Stadt
 * Münster Smart City; signals: the city's signal list as published by codeformuenster/traffic-dynamics,
 * "Datenquelle: Stadt Münster, dl-de/by-2-0"); the UBA stations are UBA's station coordinates. The car parks
 * and bike counters are APPROXIMATE, placed from general knowledge of the streets they are on (checked for
 * gross errors against OpenStreetMap outlines and rounded to about 100 m; not copied from them): trust them
 * only within `positionAccuracyMeters`.
 */
import type { SensorKind, SensorPosition } from '../sensorModel';
import {
  bikeCounterSensorId,
  datahubSensorId,
  parentSensorId,
  parkingSensorId,
  signalIntersectionId,
  ubaSensorId,
} from './sensorIds';

export interface KnownSensorPlace {
  name: string;
  kind: SensorKind;
  position: SensorPosition;
  positionAccuracyMeters: number;
  /** Where the position comes from. */
  positionSource: string;
}

const GENERAL_KNOWLEDGE = 'approximate, from general knowledge of the street';
const CITY_SIGNAL_LIST = 'Stadt Münster signal list (codeformuenster/traffic-dynamics LSA.csv), dl-de/by-2-0';

const place = (
  name: string,
  kind: SensorKind,
  latitudeDegrees: number,
  longitudeDegrees: number,
  heightAboveGroundMeters: number,
  positionAccuracyMeters: number,
  positionSource = GENERAL_KNOWLEDGE,
): KnownSensorPlace => ({
  name,
  kind,
  position: { longitudeDegrees, latitudeDegrees, heightAboveGroundMeters },
  positionAccuracyMeters,
  positionSource,
});

/** A multi-storey car park's display sits on the building; a surface lot's at the ground. */
const carPark = (name: string, latitude: number, longitude: number, accuracy: number) =>
  place(name, 'car-park', latitude, longitude, name.startsWith('PH ') ? 10 : 0, accuracy);

/** The 20 car parks of the Parkleitsystem feed, by the names its CSV header uses. */
export const CAR_PARK_PLACES: readonly KnownSensorPlace[] = [
  carPark('PH Coesfelder Kreuz', 51.965, 7.6005, 300),
  carPark('PH Theater', 51.966, 7.6265, 150),
  carPark('PP Hörsterplatz', 51.9645, 7.632, 150),
  carPark('PH Alter Steinweg', 51.962, 7.632, 150),
  carPark('Busparkplatz', 51.9655, 7.617, 200),
  carPark('PP Schlossplatz Nord', 51.9645, 7.617, 150),
  carPark('PP Schlossplatz Süd', 51.9625, 7.617, 150),
  carPark('PH Aegidii', 51.96, 7.623, 150),
  carPark('PP Georgskommende', 51.9595, 7.6195, 150),
  carPark('PH Münster Arkaden', 51.96, 7.6265, 150),
  carPark('PH Karstadt', 51.9605, 7.6305, 150),
  carPark('PH Stubengasse', 51.96, 7.6295, 150),
  carPark('PH Bremer Platz', 51.958, 7.6375, 150),
  carPark('PH Engelenschanze', 51.956, 7.6315, 150),
  carPark('PH Bahnhofstraße', 51.9555, 7.6335, 150),
  carPark('PH Cineplex', 51.95, 7.636, 200),
  carPark('PH Stadthaus 3', 51.9495, 7.641, 200),
  carPark('PP Hafenmarkt', 51.9525, 7.6365, 400),
  carPark('TG Hafenmarkt', 51.9522, 7.6372, 400),
  carPark('Halle Münsterland P1', 51.9475, 7.641, 300),
];

/** Bike-counter stations (ids as in the city's open data); their direction channels stand at the same place. */
export const BIKE_COUNTER_STATION_PLACES: Readonly<Record<string, KnownSensorPlace>> = {
  '100053305': place('Kanalpromenade, Abschnitt 5', 'bike-counter', 51.9595, 7.662, 1, 500),
  '300037936': place('Kanalpromenade, Abschnitt 6', 'bike-counter', 51.956, 7.6575, 1, 600),
  '300037544': place('Kanalpromenade, Abschnitt 1 (Dingstiege)', 'bike-counter', 51.9805, 7.6765, 1, 300),
  '100035541': place('Neutor', 'bike-counter', 51.969, 7.6175, 1, 200),
  '100031297': place('Promenade (nördl. Salzstraße)', 'bike-counter', 51.961, 7.634, 1, 200),
};

/** Signals by intersection id (= SPaT stationID); the signal heads hang about 3 m up. */
export const SIGNAL_PLACES: Readonly<Record<string, KnownSensorPlace>> = {
  '4070': place('Hörstertor (LSA 04070)', 'traffic-signal', 51.965613, 7.634209, 3, 20, CITY_SIGNAL_LIST),
  '1090': place(
    'Schlossplatz / Münzstraße (LSA 01090)',
    'traffic-signal',
    51.966332,
    7.617064,
    3,
    20,
    CITY_SIGNAL_LIST,
  ),
};

export const UBA_STATION_PLACES: Readonly<Record<string, KnownSensorPlace>> = {
  DENW095: place(
    'UBA Münster-Geist',
    'air-station',
    51.93652,
    7.61159,
    3.5,
    10,
    'Umweltbundesamt station list',
  ),
  DENW260: place(
    'UBA Münster Weseler Straße',
    'air-station',
    51.95327,
    7.61938,
    3.5,
    10,
    'Umweltbundesamt station list',
  ),
};

/** The Aasee water-quality buoy, datahub.digital device 832, on the water surface. */
export const AASEE_BUOY_DEVICE_ID = '832';
export const AASEE_BUOY_PLACE = place(
  'Aasee-Boje (Wasserqualität)',
  'water-buoy',
  51.957148,
  7.614297,
  0,
  25,
  'Stadt Münster Smart City (Aasee buoy)',
);

const PLACES_BY_SENSOR_ID: ReadonlyMap<string, KnownSensorPlace> = new Map([
  ...CAR_PARK_PLACES.map((known) => [parkingSensorId(known.name), known] as const),
  ...Object.entries(BIKE_COUNTER_STATION_PLACES).map(
    ([id, known]) => [bikeCounterSensorId(id), known] as const,
  ),
  ...Object.entries(SIGNAL_PLACES).map(([id, known]) => [signalIntersectionId(id), known] as const),
  ...Object.entries(UBA_STATION_PLACES).map(([id, known]) => [ubaSensorId(id), known] as const),
  [datahubSensorId(AASEE_BUOY_DEVICE_ID), AASEE_BUOY_PLACE] as const,
]);

/** The known place of a sensor, or of its parent (a direction channel, a signal group). */
export function knownSensorPlace(sensorId: string): KnownSensorPlace | undefined {
  const own = PLACES_BY_SENSOR_ID.get(sensorId);
  if (own) return own;
  const parent = parentSensorId(sensorId);
  return parent === undefined ? undefined : knownSensorPlace(parent);
}
