/**
 * Who measures what in the default replay. Real facts used: the Aasee buoy's position (Stadt Münster), the car
 * parks' names and capacities (the Parkleitsystem feed's header), the Kanalpromenade counters' ids, channel
 * names and approximate places (Stadt Münster open data, dl-de/by-2-0), LSA 04070's id and position (the city's
 * signal list, dl-de/by-2-0) and the Leezenflow cyclists' signal group 14 there. Invented: the senseBoxes (names
 * and spots), the street lights, and every value.
 */
import type { PhenomenonId } from '../phenomena';
import type { SensorPosition } from '../sensorModel';
import { BIKE_COUNTER_STATION_PLACES, CAR_PARK_PLACES } from '../formats/knownSensorPlaces';
import { seriesRandom } from './generatorTools';

export const SYNTHETIC_ATTRIBUTION = 'Synthetische Beispieldaten (Münster Twin Replay), keine Messwerte';
export const SYNTHETIC_LICENCE = 'CC0-1.0 (synthetic values)';

/** The capacities in the Parkleitsystem feed's header (its last day, 2026-08-07). */
const PARKING_CAPACITIES: Readonly<Record<string, number>> = {
  'PH Coesfelder Kreuz': 1000,
  'PH Theater': 743,
  'PP Hörsterplatz': 202,
  'PH Alter Steinweg': 371,
  Busparkplatz: 63,
  'PP Schlossplatz Nord': 450,
  'PP Schlossplatz Süd': 460,
  'PH Aegidii': 750,
  'PP Georgskommende': 272,
  'PH Münster Arkaden': 166,
  'PH Karstadt': 187,
  'PH Stubengasse': 300,
  'PH Bremer Platz': 287,
  'PH Engelenschanze': 429,
  'PH Bahnhofstraße': 320,
  'PH Cineplex': 590,
  'PH Stadthaus 3': 372,
  'PP Hafenmarkt': 103,
  'TG Hafenmarkt': 350,
  'Halle Münsterland P1': 212,
};

/** How a car park fills: shoppers, commuters, an event hall, a cinema, the university's square. */
export type CarParkProfile =
  'shopping' | 'central-shopping' | 'commuter' | 'event' | 'cinema' | 'square' | 'no-data';

export interface CarParkPlan {
  name: string;
  capacity: number;
  profile: CarParkProfile;
  /** Local hours it is closed (`[from, to)`, wrapping midnight), and whether it closes on Sundays. */
  closed?: { from: number; to: number; sunday?: boolean };
}

const PROFILES: Readonly<Record<string, Omit<CarParkPlan, 'name' | 'capacity'>>> = {
  'PH Coesfelder Kreuz': { profile: 'commuter', closed: { from: 22, to: 6 } },
  'PH Theater': { profile: 'central-shopping' },
  'PP Hörsterplatz': { profile: 'shopping', closed: { from: 21, to: 7 } },
  'PH Alter Steinweg': { profile: 'central-shopping' },
  Busparkplatz: { profile: 'no-data' },
  'PP Schlossplatz Nord': { profile: 'square' },
  'PP Schlossplatz Süd': { profile: 'square', closed: { from: 22, to: 7 } },
  'PH Aegidii': { profile: 'central-shopping' },
  'PP Georgskommende': { profile: 'shopping', closed: { from: 22, to: 7 } },
  'PH Münster Arkaden': { profile: 'central-shopping', closed: { from: 1, to: 7 } },
  'PH Karstadt': { profile: 'central-shopping', closed: { from: 21, to: 8, sunday: true } },
  'PH Stubengasse': { profile: 'central-shopping' },
  'PH Bremer Platz': { profile: 'commuter' },
  'PH Engelenschanze': { profile: 'shopping' },
  'PH Bahnhofstraße': { profile: 'shopping' },
  'PH Cineplex': { profile: 'cinema' },
  'PH Stadthaus 3': { profile: 'commuter', closed: { from: 21, to: 6 } },
  'PP Hafenmarkt': { profile: 'shopping', closed: { from: 22, to: 7 } },
  'TG Hafenmarkt': { profile: 'shopping' },
  'Halle Münsterland P1': { profile: 'event' },
};

/** The 20 car parks in the feed's column order. */
export const CAR_PARK_PLANS: readonly CarParkPlan[] = CAR_PARK_PLACES.map((place) => ({
  name: place.name,
  capacity: PARKING_CAPACITIES[place.name]!,
  ...PROFILES[place.name]!,
}));

export interface SenseBoxPlan {
  name: string;
  latitude: number;
  longitude: number;
  heightMeters: number;
  /** Warmer than the surroundings (inner city) or cooler (open land), K. */
  heatIslandKelvin: number;
  /** How much road traffic reaches it, 0…1. */
  trafficExposure: number;
}

/** A dozen invented senseBoxes on plausible spots: balconies, school roofs, gardens, all over the city. */
export const SENSE_BOX_PLANS: readonly SenseBoxPlan[] = [
  {
    name: 'senseBox Kreuzviertel Balkon',
    latitude: 51.9701,
    longitude: 7.6185,
    heightMeters: 7,
    heatIslandKelvin: 0.8,
    trafficExposure: 0.5,
  },
  {
    name: 'senseBox Innenstadt Dachterrasse',
    latitude: 51.9598,
    longitude: 7.6291,
    heightMeters: 12,
    heatIslandKelvin: 1.4,
    trafficExposure: 0.7,
  },
  {
    name: 'senseBox Mauritz Garten',
    latitude: 51.9642,
    longitude: 7.6498,
    heightMeters: 2,
    heatIslandKelvin: 0.4,
    trafficExposure: 0.3,
  },
  {
    name: 'senseBox Hafen Kreativkai',
    latitude: 51.9508,
    longitude: 7.6425,
    heightMeters: 4,
    heatIslandKelvin: 0.9,
    trafficExposure: 0.6,
  },
  {
    name: 'senseBox Aaseestadt Schulhof',
    latitude: 51.9518,
    longitude: 7.6012,
    heightMeters: 3,
    heatIslandKelvin: 0.1,
    trafficExposure: 0.3,
  },
  {
    name: 'senseBox Geist Vorgarten',
    latitude: 51.9425,
    longitude: 7.6148,
    heightMeters: 2,
    heatIslandKelvin: 0.2,
    trafficExposure: 0.4,
  },
  {
    name: 'senseBox Gievenbeck Schuldach',
    latitude: 51.9633,
    longitude: 7.5802,
    heightMeters: 9,
    heatIslandKelvin: -0.3,
    trafficExposure: 0.2,
  },
  {
    name: 'senseBox Kinderhaus Balkon',
    latitude: 51.9995,
    longitude: 7.6102,
    heightMeters: 6,
    heatIslandKelvin: -0.2,
    trafficExposure: 0.4,
  },
  {
    name: 'senseBox Coerde Kleingarten',
    latitude: 51.9893,
    longitude: 7.6618,
    heightMeters: 2,
    heatIslandKelvin: -0.6,
    trafficExposure: 0.1,
  },
  {
    name: 'senseBox Hiltrup Marktplatz',
    latitude: 51.9033,
    longitude: 7.6365,
    heightMeters: 4,
    heatIslandKelvin: 0.2,
    trafficExposure: 0.6,
  },
  {
    name: 'senseBox Wolbeck Ortsrand',
    latitude: 51.9176,
    longitude: 7.7285,
    heightMeters: 3,
    heatIslandKelvin: -0.8,
    trafficExposure: 0.2,
  },
  {
    name: 'senseBox Roxel Feldrand',
    latitude: 51.9532,
    longitude: 7.5318,
    heightMeters: 2,
    heatIslandKelvin: -1,
    trafficExposure: 0.1,
  },
];

export const SENSE_BOX_PHENOMENA: readonly PhenomenonId[] = [
  'air_temperature',
  'relative_humidity',
  'air_pressure',
  'pm10',
  'pm2_5',
];

/** openSenseMap-style ids (24 hex digits), stable for a seed. */
export function senseBoxIds(seed: number): { boxId: string; sensorIds: string[] }[] {
  const random = seriesRandom(seed, 2);
  const hex = (length: number) => Array.from({ length }, () => random.integer(0, 15).toString(16)).join('');
  return SENSE_BOX_PLANS.map(() => ({
    boxId: `5f${hex(22)}`,
    sensorIds: SENSE_BOX_PHENOMENA.map(() => `5f${hex(22)}`),
  }));
}

export interface BikeStationPlan {
  stationId: string;
  name: string;
  /** Into town first, then out of town. */
  channels: readonly [
    inbound: { channelId: string; name: string },
    outbound: { channelId: string; name: string },
  ];
  /** Cyclists on an ordinary weekday. */
  weekdayTotal: number;
}

/** The three Kanalpromenade stations (the city's ids and channel names). */
export const BIKE_STATION_PLANS: readonly BikeStationPlan[] = [
  {
    stationId: '100053305',
    name: 'Kanalpromenade, Abschnitt 5',
    channels: [
      { channelId: '102053305', name: 'Kanalpromenade, Abschnitt 5 Fahrräder Richtung Zentrum' },
      { channelId: '101053305', name: 'Kanalpromenade, Abschnitt 5 Fahrräder Richtung Osttor' },
    ],
    weekdayTotal: 2300,
  },
  {
    stationId: '300037936',
    name: 'Kanalpromenade, Abschnitt 6',
    channels: [
      { channelId: '353413873', name: 'Kanalpromenade, Abschnitt 6 Fahrräder Richtung Münster' },
      { channelId: '353413874', name: 'Kanalpromenade, Abschnitt 6 Fahrräder Richtung Weg von Münster' },
    ],
    weekdayTotal: 1300,
  },
  {
    stationId: '300037544',
    name: 'Kanalpromenade, Abschnitt 1 (Dingstiege)',
    channels: [
      { channelId: '353410966', name: 'Kanalpromenade, Abschnitt 1 (Dingstiege) Fahrräder IN' },
      { channelId: '353410967', name: 'Kanalpromenade, Abschnitt 1 (Dingstiege) Fahrräder OUT' },
    ],
    weekdayTotal: 2600,
  },
];

/** The station whose counted cyclists switch the street lights. */
export const LIGHTS_COUNTER_STATION = '100053305';
export const STREET_LIGHT_COUNT = 10;
export const STREET_LIGHT_SPACING_METERS = 35;

/** Poles along the canal path through the Abschnitt 5 counter, heading north-north-east (approximate). */
export function streetLightPositions(): SensorPosition[] {
  const counter = BIKE_COUNTER_STATION_PLACES[LIGHTS_COUNTER_STATION]!.position;
  const bearing = (25 * Math.PI) / 180;
  const metersPerDegreeLatitude = 111_320;
  const metersPerDegreeLongitude =
    metersPerDegreeLatitude * Math.cos((counter.latitudeDegrees * Math.PI) / 180);
  return Array.from({ length: STREET_LIGHT_COUNT }, (_, index) => {
    const along = (index - (STREET_LIGHT_COUNT - 1) / 2) * STREET_LIGHT_SPACING_METERS;
    return {
      longitudeDegrees: round6(
        counter.longitudeDegrees + (along * Math.sin(bearing)) / metersPerDegreeLongitude,
      ),
      latitudeDegrees: round6(
        counter.latitudeDegrees + (along * Math.cos(bearing)) / metersPerDegreeLatitude,
      ),
      heightAboveGroundMeters: 5,
    };
  });
}

export const streetLightSensorId = (index: number) =>
  `street-light:kanalpromenade-${String(index + 1).padStart(2, '0')}`;

/** The Hörstertor signal: LSA 04070, the cyclists' signal group 14 (as Leezenflow uses it). */
export const HOERSTERTOR = { intersectionId: 4070, signalGroup: 14 } as const;

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;
