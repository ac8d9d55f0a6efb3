/**
 * The Oxford quarter (former Oxford barracks, Gievenbeck): three variants on a schematic 26 ha site between
 * Roxeler Straße (south), Gievenbecker Reihe (east) and Dieckmannstraße (north-west). Residential courtyards
 * ("Wohnhöfe"), a park in the north and a green boulevard into the centre, as KonvOY describes the plan; the
 * numbers are plausible, not the real plan's.
 */
import type { ScenarioVariant } from '../../src/domain/scenarios/scenarioSchema';
import {
  box,
  createSeededRandom,
  LocalFrame,
  perimeterBlock,
  VariantBuilder,
  type LocalPoint,
} from './quarterLayout';

/** The Oxford place of scenes/muenster.json; local x points east. */
export const OXFORD_FRAME = new LocalFrame([7.5714, 51.9672], 90);

/** Schematic site outline: Roxeler Straße along y = −275, Gievenbecker Reihe along x = +240, the cut corner north-west. */
export const OXFORD_OUTLINE: LocalPoint[] = [
  [-240, -275],
  [240, -275],
  [240, 275],
  [-100, 275],
  [-240, 150],
];

const COLUMNS: readonly [number, number][] = [
  [-225, -135],
  [-115, -25],
  [25, 115],
  [135, 225],
];
const ROWS: readonly [number, number][] = [
  [-225, -150],
  [-130, -55],
  [-35, 40],
  [60, 135],
];
const plot = (column: number, row: number): [number, number, number, number] => [
  COLUMNS[column]![0],
  ROWS[row]![0],
  COLUMNS[column]![1],
  ROWS[row]![1],
];

const SCHOOL_PLOT = plot(2, 0);
const SCHOOLYARD_PLOT = plot(3, 0);
const DAY_CARE_PLOT = plot(1, 0);
const COMMUNITY_PLOT = plot(2, 2);
const FIXED = new Set(['2,0', '3,0', '1,0', '2,2']);
/** The plots in the order they get residential courtyards. */
const COURT_PLOT_ORDER = (
  [
    [1, 1],
    [2, 1],
    [1, 2],
    [0, 1],
    [3, 1],
    [0, 2],
    [3, 2],
    [1, 3],
    [2, 3],
    [0, 0],
    [3, 3],
    [0, 3],
  ] as [number, number][]
).filter(([column, row]) => !FIXED.has(`${column},${row}`));

interface OxfordVariantPlan {
  id: string;
  title: { de: string; en: string };
  description: { de: string; en: string };
  seed: number;
  courtCount: number;
  courtStoreys: readonly [number, number];
  courtSubsidisedShare: number;
  /** Open courts (U-shaped, open to the south) instead of closed ones. */
  openCourts: boolean;
  towerCount: number;
  towerStoreys: number;
  parking: { garage: number; bikes: number; sharing: number };
}

export const OXFORD_VARIANT_PLANS: readonly OxfordVariantPlan[] = [
  {
    id: 'wohnhoefe',
    title: { de: 'Wohnhöfe am grünen Boulevard', en: 'Residential courtyards on the green boulevard' },
    description: {
      de: 'Neun Wohnhöfe mit vier Geschossen um begrünte Innenhöfe, Park im Norden, Grundschule und Kita; Mobilstation an der Roxeler Straße.',
      en: 'Nine four-storey residential courtyards around green inner yards, a park in the north, primary school and day-care; mobility hub on Roxeler Straße.',
    },
    seed: 5,
    courtCount: 9,
    courtStoreys: [4, 4],
    courtSubsidisedShare: 0.35,
    openCourts: false,
    towerCount: 0,
    towerStoreys: 0,
    parking: { garage: 480, bikes: 2600, sharing: 20 },
  },
  {
    id: 'hoefe-und-hochpunkte',
    title: { de: 'Höfe mit Hochpunkten', en: 'Courtyards with towers' },
    description: {
      de: 'Zehn Höfe mit vier bis fünf Geschossen und zwei Wohntürme am Parkrand; dichter, mit weniger Stellplätzen je Wohnung.',
      en: 'Ten courtyards of four to five storeys and two residential towers at the edge of the park; denser, with fewer car spaces per home.',
    },
    seed: 9,
    courtCount: 10,
    courtStoreys: [4, 5],
    courtSubsidisedShare: 0.3,
    openCourts: false,
    towerCount: 2,
    towerStoreys: 12,
    parking: { garage: 520, bikes: 3400, sharing: 32 },
  },
  {
    id: 'offene-hoefe',
    title: { de: 'Offene Höfe, kleinteilig', en: 'Open courtyards, small-scale' },
    description: {
      de: 'Elf nach Süden offene Höfe mit drei bis vier Geschossen; mehr Licht in den Höfen, weniger Wohnungen.',
      en: 'Eleven courtyards of three to four storeys, open to the south; more light in the yards, fewer homes.',
    },
    seed: 13,
    courtCount: 11,
    courtStoreys: [3, 4],
    courtSubsidisedShare: 0.3,
    openCourts: true,
    towerCount: 0,
    towerStoreys: 0,
    parking: { garage: 480, bikes: 1800, sharing: 12 },
  },
];

/** A court open to the south: a U of three wings `depth` deep. */
function openCourt(x0: number, y0: number, x1: number, y1: number, depth: number): LocalPoint[] {
  return [
    [x0, y0],
    [x0 + depth, y0],
    [x0 + depth, y1 - depth],
    [x1 - depth, y1 - depth],
    [x1 - depth, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
  ];
}

/** Lays out one Oxford variant. */
export function buildOxfordVariant(plan: OxfordVariantPlan): ScenarioVariant {
  const random = createSeededRandom(plan.seed);
  const v = new VariantBuilder(OXFORD_FRAME);
  const [minStoreys, maxStoreys] = plan.courtStoreys;

  // Primary school with yard and sports field, day-care, community centre in the clock-tower building.
  const [sx0, sy0, sx1, sy1] = SCHOOL_PLOT;
  v.massing('school', [box(sx0, sy0 + 40, sx1, sy1)], {
    name: { de: 'Grundschule', en: 'Primary school' },
    storeys: 3,
    storeyHeightMeters: 3.8,
    uses: { school: 1 },
    greenRoof: true,
  });
  v.sealedArea('yard', 'square', box(sx0, sy0, sx1, sy0 + 40));
  v.openSpace('sports', 'sports', 'green', [box(...SCHOOLYARD_PLOT)], {
    de: 'Sportfeld',
    en: 'Sports field',
  });
  const [dx0, dy0, dx1, dy1] = DAY_CARE_PLOT;
  v.massing('daycare', [box(dx0 + 10, dy0 + 40, dx1 - 10, dy1)], {
    name: { de: 'Kita', en: 'Day-care' },
    storeys: 2,
    storeyHeightMeters: 3.5,
    uses: { dayCare: 0.7, housing: 0.3 },
    greenRoof: true,
  });
  v.openSpace('garden', 'garden', 'green', [box(dx0, dy0, dx1, dy0 + 40)]);
  const [mx0, my0, mx1, my1] = COMMUNITY_PLOT;
  v.massing('community', [box(mx0 + 20, my0 + 20, mx1 - 20, my1 - 15)], {
    name: { de: 'Bürgerhaus im Uhrenturmgebäude', en: 'Community centre in the clock-tower building' },
    storeys: 3,
    storeyHeightMeters: 3.6,
    uses: { community: 0.6, commerce: 0.4 },
    roofType: 'hip',
  });
  v.openSpace('square', 'square', 'paved', [box(mx0, my0, mx1, my0 + 20)], {
    de: 'Quartiersplatz',
    en: 'Neighbourhood square',
  });

  // Residential courtyards; plots left over become green courts and playgrounds.
  COURT_PLOT_ORDER.forEach(([column, row], index) => {
    const [x0, y0, x1, y1] = plot(column, row);
    if (index >= plan.courtCount) {
      v.openSpace('playground', 'playground', 'green', [box(x0, y0, x1, y1)]);
      return;
    }
    const storeys = minStoreys + Math.floor(random() * (maxStoreys - minStoreys + 1));
    const rings = plan.openCourts ? [openCourt(x0, y0, x1, y1, 12)] : perimeterBlock(x0, y0, x1, y1, 13);
    v.massing('court', rings, {
      storeys,
      uses: row === 1 ? { housing: 0.9, commerce: 0.1 } : { housing: 1 },
      subsidisedHousingShare: plan.courtSubsidisedShare,
      greenRoof: random() < 0.7,
    });
    const inner = plan.openCourts
      ? box(x0 + 12, y0, x1 - 12, y1 - 12)
      : box(x0 + 13, y0 + 13, x1 - 13, y1 - 13);
    v.openSpace('courtyard', 'courtyard', 'green', [inner]);
  });

  // Park in the north (the outline's cut corner follows Dieckmannstraße) and the green boulevard.
  const towers = [-120, 120].slice(0, plan.towerCount).map((x) => box(x - 11, 148, x + 11, 170));
  const parkOutline: LocalPoint[] = [
    [-225, 145],
    [225, 145],
    [225, 268],
    [-97, 268],
    [-225, 153],
  ];
  // The towers stand in the park: their footprints are holes in it.
  v.openSpace('park', 'park', 'green', [parkOutline, ...towers], { de: 'Park', en: 'Park' });
  v.openSpace('boulevard', 'park', 'green', [box(-15, -227, 15, 140)], {
    de: 'Grüner Boulevard',
    en: 'Green boulevard',
  });
  towers.forEach((tower) => {
    v.massing('tower', [tower], {
      storeys: plan.towerStoreys,
      uses: { housing: 0.9, commerce: 0.1 },
      subsidisedHousingShare: 0.2,
      greenRoof: true,
    });
  });

  // Mobility hub on Roxeler Straße (a parking deck) and the entrance square at the gatehouse.
  const deck = v.massing('deck', [box(40, -272, 130, -236)], {
    name: { de: 'Mobilstation Roxeler Straße', en: 'Mobility hub Roxeler Straße' },
    storeys: 4,
    storeyHeightMeters: 2.9,
    uses: { mobility: 0.9, commerce: 0.1 },
    greenRoof: true,
  });
  v.mobilityHub([85, -254], {
    name: { de: 'Mobilstation Roxeler Straße', en: 'Mobility hub Roxeler Straße' },
    parkingSpaces: plan.parking.garage,
    bikeSpaces: plan.parking.bikes,
    sharingVehicles: plan.parking.sharing,
    massingId: deck.id,
  });
  v.openSpace('square', 'square', 'paved', [box(-35, -272, 30, -236)], {
    de: 'Platz am Torhaus',
    en: 'Gatehouse square',
  });

  // Street sketch: lanes between the courts (they stop at the green boulevard), the entrance from Roxeler Straße.
  v.street(
    'residential',
    [
      [-125, -272],
      [-125, 142],
    ],
    8,
  );
  v.street(
    'residential',
    [
      [125, -232],
      [125, 142],
    ],
    8,
  );
  for (const y of [-140, -45, 50]) {
    v.street(
      'residential',
      [
        [-235, y],
        [-17, y],
      ],
      7,
    );
    v.street(
      'residential',
      [
        [17, y],
        [235, y],
      ],
      7,
    );
  }
  v.street(
    'street',
    [
      [-235, -232],
      [235, -232],
    ],
    9,
    'Erschließung Süd',
  );

  return {
    id: plan.id,
    title: plan.title,
    description: plan.description,
    massings: v.massings,
    openSpaces: v.openSpaces,
    sealedAreas: v.sealedAreas,
    mobilityHubs: v.mobilityHubs,
    streets: v.streets,
  };
}
