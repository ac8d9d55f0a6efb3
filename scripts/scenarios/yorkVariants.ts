/**
 * The York quarter (former York barracks, Gremmendorf): three variants laid out on a schematic 50 ha site whose
 * long side runs along Albersloher Weg. Multi-family courtyard blocks in the north, a landscape park across the
 * middle, row and semi-detached houses in the south, as KonvOY describes the plan; the numbers are plausible,
 * not the real plan's.
 */
import type { ScenarioVariant } from '../../src/domain/scenarios/scenarioSchema';
import {
  box,
  createSeededRandom,
  LocalFrame,
  lShape,
  perimeterBlock,
  VariantBuilder,
  type LocalPoint,
} from './quarterLayout';

/** The York place of scenes/muenster.json; the local x axis runs along Albersloher Weg (bearing about 146°). */
export const YORK_FRAME = new LocalFrame([7.656, 51.932], 146);

/** Schematic site outline in the local frame (Albersloher Weg along y = +245). */
export const YORK_OUTLINE: LocalPoint[] = [
  [-520, -235],
  [-300, -245],
  [505, -240],
  [500, 245],
  [-495, 245],
  [-520, 200],
];

const COLUMNS: readonly [number, number][] = [
  [-470, -400],
  [-380, -310],
  [-290, -220],
  [-200, -130],
  [-110, -60],
];
const ROWS: readonly [number, number][] = [
  [-210, -160],
  [-140, -90],
  [-70, -20],
  [20, 70],
  [90, 140],
  [160, 210],
];
/** Row-house strips in the south: y ranges, leaving the boulevard (y = 0) free. */
const ROW_SEGMENTS: readonly [number, number][] = [
  [-230, -190],
  [-180, -140],
  [-130, -90],
  [-80, -40],
  [20, 60],
  [70, 110],
  [120, 160],
  [170, 210],
];
const ROW_COLUMN_STARTS = Array.from({ length: 10 }, (_, index) => 140 + 34 * index);

const plot = (column: number, row: number): [number, number, number, number] => [
  COLUMNS[column]![0],
  ROWS[row]![0],
  COLUMNS[column]![1],
  ROWS[row]![1],
];

/** Plots with a fixed use in every variant. */
const CENTRE_PLOT = plot(3, 5);
const SQUARE_PLOT = plot(4, 5);
const GARAGE_PLOT = plot(4, 4);
const COMMUNITY_PLOT = plot(4, 3);
const SCHOOL_PLOT = plot(2, 2);
const SCHOOLYARD_PLOT = plot(2, 1);
const DAY_CARE_PLOT = plot(0, 3);
const FIXED = new Set(['3,5', '4,5', '4,4', '4,3', '2,2', '2,1', '0,3']);
/** The remaining plots, in the order they get courtyard blocks (near the boulevard and the road first). */
const BLOCK_PLOT_ORDER: [number, number][] = [
  [3, 3],
  [3, 2],
  [2, 3],
  [1, 3],
  [1, 2],
  [3, 4],
  [2, 4],
  [4, 2],
  [0, 2],
  [1, 4],
  [3, 1],
  [1, 1],
  [0, 4],
  [2, 5],
  [1, 5],
  [3, 0],
  [2, 0],
  [4, 1],
  [0, 1],
  [1, 0],
  [0, 5],
  [0, 0],
  [4, 0],
].filter(([column, row]) => !FIXED.has(`${column},${row}`)) as [number, number][];

interface YorkVariantPlan {
  id: string;
  title: { de: string; en: string };
  description: { de: string; en: string };
  seed: number;
  blockCount: number;
  blockStoreys: readonly [number, number];
  blockSubsidisedShare: number;
  towerStoreys: number;
  towerCount: number;
  rowStoreys: number;
  /** Rows left out (replaced by playgrounds): every n-th; 0 keeps all. */
  playgroundEvery: number;
  parking: { garage: number; surface: number; bikes: number; sharing: number };
}

export const YORK_VARIANT_PLANS: readonly YorkVariantPlan[] = [
  {
    id: 'hoefe-und-park',
    title: { de: 'Höfe und Landschaftspark', en: 'Courtyards and landscape park' },
    description: {
      de: 'Geschosswohnungsbau in Höfen im Norden, Landschaftspark in der Mitte, Reihen- und Doppelhäuser im Süden; eine Quartiersgarage am Yorkshire-Platz.',
      en: 'Courtyard blocks of flats in the north, a landscape park in the middle, row and semi-detached houses in the south; one neighbourhood garage at Yorkshire-Platz.',
    },
    seed: 11,
    blockCount: 15,
    blockStoreys: [4, 4],
    blockSubsidisedShare: 0.4,
    towerStoreys: 0,
    towerCount: 0,
    rowStoreys: 2,
    playgroundEvery: 12,
    parking: { garage: 700, surface: 0, bikes: 2400, sharing: 24 },
  },
  {
    id: 'dicht-mit-hochpunkten',
    title: { de: 'Dichter, mit Hochpunkten', en: 'Denser, with towers' },
    description: {
      de: 'Mehr und höhere Höfe, vier Wohntürme am Park, dreigeschossige Stadthäuser im Süden; weniger Stellplätze, mehr Fahrradplätze.',
      en: 'More and taller courtyard blocks, four residential towers by the park, three-storey town houses in the south; fewer car and more bike spaces.',
    },
    seed: 23,
    blockCount: 15,
    blockStoreys: [5, 5],
    blockSubsidisedShare: 0.4,
    towerStoreys: 14,
    towerCount: 4,
    rowStoreys: 3,
    playgroundEvery: 4,
    parking: { garage: 650, surface: 0, bikes: 4200, sharing: 40 },
  },
  {
    id: 'gartenstadt',
    title: { de: 'Gartenstadt', en: 'Garden city' },
    description: {
      de: 'Niedrige Höfe mit drei Geschossen, viele Grünflächen und Spielplätze, Reihenhäuser mit Gärten; eine zusätzliche offene Stellplatzanlage.',
      en: 'Low three-storey courtyard blocks, many green spaces and playgrounds, row houses with gardens; an additional open car park.',
    },
    seed: 37,
    blockCount: 12,
    blockStoreys: [3, 3],
    blockSubsidisedShare: 0.3,
    towerStoreys: 0,
    towerCount: 0,
    rowStoreys: 2,
    playgroundEvery: 6,
    parking: { garage: 700, surface: 320, bikes: 1800, sharing: 12 },
  },
];

/** Lays out one York variant. */
export function buildYorkVariant(plan: YorkVariantPlan): ScenarioVariant {
  const random = createSeededRandom(plan.seed);
  const v = new VariantBuilder(YORK_FRAME);
  const [minStoreys, maxStoreys] = plan.blockStoreys;

  // Stadtteilzentrum at Yorkshire-Platz: shops below, homes above.
  const [cx0, cy0, cx1, cy1] = CENTRE_PLOT;
  v.massing('centre', perimeterBlock(cx0, cy0, cx1, cy1, 14), {
    name: { de: 'Stadtteilzentrum', en: 'District centre' },
    storeys: Math.max(4, minStoreys),
    uses: { housing: 0.7, commerce: 0.3 },
    subsidisedHousingShare: plan.blockSubsidisedShare,
    greenRoof: true,
  });
  v.openSpace('courtyard', 'courtyard', 'green', [box(cx0 + 14, cy0 + 14, cx1 - 14, cy1 - 14)]);
  v.openSpace('square', 'square', 'paved', [box(...SQUARE_PLOT)], {
    de: 'Yorkshire-Platz',
    en: 'Yorkshire-Platz',
  });

  // Neighbourhood garage with the mobility hub.
  const [gx0, gy0, gx1, gy1] = GARAGE_PLOT;
  const garage = v.massing('garage', [box(gx0, gy0 + 5, gx1, gy1 - 5)], {
    name: { de: 'Quartiersgarage', en: 'Neighbourhood garage' },
    storeys: 5,
    storeyHeightMeters: 2.9,
    uses: { mobility: 0.9, commerce: 0.1 },
    greenRoof: true,
  });
  v.mobilityHub([(gx0 + gx1) / 2, (gy0 + gy1) / 2], {
    name: { de: 'Mobilstation Yorkshire-Platz', en: 'Mobility hub Yorkshire-Platz' },
    parkingSpaces: plan.parking.garage,
    bikeSpaces: plan.parking.bikes,
    sharingVehicles: plan.parking.sharing,
    massingId: garage.id,
  });

  // Community centre in a kept barrack building, school with its yard and sports field, day-care with garden.
  const [mx0, my0, mx1, my1] = COMMUNITY_PLOT;
  v.massing('community', [box(mx0 + 5, my0 + 12, mx1 - 5, my1 - 12)], {
    name: { de: 'Bürgerhaus', en: 'Community centre' },
    storeys: 2,
    storeyHeightMeters: 3.6,
    uses: { community: 1 },
    roofType: 'hip',
  });
  v.openSpace('green', 'garden', 'green', [box(mx0, my0, mx1, my0 + 12)]);
  const [sx0, sy0, sx1, sy1] = SCHOOL_PLOT;
  v.massing('school', [lShape(sx0, sy0, sx1, sy1, 16)], {
    name: { de: 'Grundschule', en: 'Primary school' },
    storeys: 3,
    storeyHeightMeters: 3.8,
    uses: { school: 1 },
    greenRoof: true,
  });
  v.sealedArea('yard', 'square', box(sx0 + 16, sy0 + 16, sx1, sy1));
  v.openSpace('sports', 'sports', 'green', [box(...SCHOOLYARD_PLOT)], {
    de: 'Sportfeld',
    en: 'Sports field',
  });
  const [dx0, dy0, dx1, dy1] = DAY_CARE_PLOT;
  v.massing('daycare', [box(dx0 + 5, dy0 + 5, dx0 + 40, dy0 + 25)], {
    name: { de: 'Kita Nord', en: 'Day-care north' },
    storeys: 2,
    storeyHeightMeters: 3.5,
    uses: { dayCare: 1 },
    greenRoof: true,
  });
  v.openSpace('garden', 'garden', 'green', [box(dx0, dy0 + 25, dx1, dy1)]);

  // Courtyard blocks; the plots left over become pocket parks and playgrounds.
  BLOCK_PLOT_ORDER.forEach(([column, row], index) => {
    const [x0, y0, x1, y1] = plot(column, row);
    if (index >= plan.blockCount) {
      v.openSpace(index % 2 ? 'park' : 'playground', index % 2 ? 'park' : 'playground', 'green', [
        box(x0, y0, x1, y1),
      ]);
      return;
    }
    const onBoulevard = row === 2 || row === 3;
    const storeys = minStoreys + Math.floor(random() * (maxStoreys - minStoreys + 1));
    v.massing('block', perimeterBlock(x0, y0, x1, y1, 12), {
      storeys,
      uses: onBoulevard ? { housing: 0.85, commerce: 0.15 } : { housing: 1 },
      subsidisedHousingShare: plan.blockSubsidisedShare,
      greenRoof: random() < 0.6,
    });
    v.openSpace('courtyard', 'courtyard', 'green', [box(x0 + 12, y0 + 12, x1 - 12, y1 - 12)]);
  });

  // Landscape park across the middle, cut by the boulevard; towers at its western edge in the dense variant.
  const parkWest = plan.towerCount > 0 ? 0 : -40;
  v.openSpace('park', 'park', 'green', [box(parkWest, 8, 120, 240)], {
    de: 'Landschaftspark',
    en: 'Landscape park',
  });
  v.openSpace('park', 'park', 'green', [box(parkWest, -238, 120, -8)], {
    de: 'Landschaftspark',
    en: 'Landscape park',
  });
  [-150, -60, 60, 150].slice(0, plan.towerCount).forEach((y) => {
    v.massing('tower', [box(-36, y - 11, -14, y + 11)], {
      storeys: plan.towerStoreys,
      uses: { housing: 0.9, commerce: 0.1 },
      subsidisedHousingShare: 0.2,
      greenRoof: true,
    });
  });

  // Row and semi-detached houses with gardens in the south; a second day-care and playgrounds among them.
  let rowIndex = 0;
  ROW_COLUMN_STARTS.forEach((x0, columnIndex) => {
    ROW_SEGMENTS.forEach(([y0, y1], segmentIndex) => {
      rowIndex++;
      if (columnIndex === 4 && segmentIndex === 2) {
        v.massing('daycare', [box(x0, y0 + 5, x0 + 18, y1 - 5)], {
          name: { de: 'Kita Süd', en: 'Day-care south' },
          storeys: 2,
          storeyHeightMeters: 3.5,
          uses: { dayCare: 1 },
          roofType: 'monopitch',
        });
        v.openSpace('garden', 'garden', 'green', [box(x0 + 18, y0, x0 + 24, y1)]);
        return;
      }
      if (plan.playgroundEvery > 0 && rowIndex % plan.playgroundEvery === 0) {
        v.openSpace('playground', 'playground', 'green', [box(x0, y0, x0 + 24, y1)]);
        return;
      }
      const semiDetached = segmentIndex % 3 === 1;
      const rings = semiDetached
        ? [box(x0, y0 + 4, x0 + 10, y0 + 18), box(x0, y1 - 18, x0 + 10, y1 - 4)]
        : [box(x0, y0, x0 + 10, y1)];
      for (const ring of rings) {
        v.massing(semiDetached ? 'semi' : 'row', [ring], {
          storeys: plan.rowStoreys,
          storeyHeightMeters: 3,
          uses: { housing: 1 },
          subsidisedHousingShare: 0.1,
          roofType: 'gable',
        });
      }
      v.openSpace('garden', 'garden', 'green', [box(x0 + 10, y0, x0 + 24, y1)]);
    });
  });
  if (plan.parking.surface > 0) {
    v.sealedArea('parking', 'parking', box(478, -230, 498, 210));
    v.mobilityHub([488, -10], {
      name: { de: 'Stellplatzanlage Süd', en: 'Car park south' },
      parkingSpaces: plan.parking.surface,
      bikeSpaces: 120,
    });
  }

  // Street sketch: the boulevard, the entrance from Albersloher Weg, streets between the blocks, lanes in the south.
  v.street(
    'street',
    [
      [-495, 0],
      [495, 0],
    ],
    16,
    'Boulevard',
  );
  v.street(
    'street',
    [
      [-120, 244],
      [-120, -234],
    ],
    12,
    'Quartiersstraße',
  );
  for (const x of [-390, -300, -210])
    v.street(
      'residential',
      [
        [x, 238],
        [x, -232],
      ],
      9,
    );
  for (const y of [-150, -80, 80, 150])
    v.street(
      'residential',
      [
        [-490, y],
        [-132, y],
      ],
      9,
    );
  for (const x0 of ROW_COLUMN_STARTS)
    v.street(
      'path',
      [
        [x0 + 28, 236],
        [x0 + 28, 8],
      ],
      5,
    );
  for (const x0 of ROW_COLUMN_STARTS)
    v.street(
      'path',
      [
        [x0 + 28, -8],
        [x0 + 28, -236],
      ],
      5,
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
