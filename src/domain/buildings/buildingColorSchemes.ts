/**
 * How the buildings layer colours buildings by an attribute, and the legend that explains it. The same
 * classification feeds the 3D style and the legend, so they can never disagree (TerriaJS #4157 asks for this).
 * Colours: Okabe–Ito and a viridis ramp, distinguishable with colour-vision deficiencies.
 */

/** The attributes the tileset carries per building (EXT_structural_metadata property names). */
export interface BuildingProperties {
  sourceId?: string;
  functionCode?: string;
  roofTypeCode?: string;
  measuredHeight?: number;
}

export const BUILDING_COLOR_SCHEME_IDS = ['plain', 'function', 'height', 'roofType'] as const;
export type BuildingColorSchemeId = (typeof BUILDING_COLOR_SCHEME_IDS)[number];

/** One legend entry: a translation key for its label and a CSS colour. */
export interface ColorClass {
  id: string;
  labelKey: string;
  color: string;
}

const PLAIN_COLOR = '#e8e4dc';
const UNKNOWN: ColorClass = { id: 'unknown', labelKey: 'buildings.classes.unknown', color: '#9e9e9e' };

// ALKIS groups building functions by the first digit of the code: 1xxx housing, 2xxx trade and industry,
// 3xxx public purposes (GeoInfoDok, AX_Gebaeude.gebaeudefunktion); 1100–1199 is "mixed use with housing".
const FUNCTION_CLASSES: ColorClass[] = [
  { id: 'housing', labelKey: 'buildings.classes.housing', color: '#e69f00' },
  { id: 'mixed', labelKey: 'buildings.classes.mixed', color: '#f0e442' },
  { id: 'commerce', labelKey: 'buildings.classes.commerce', color: '#0072b2' },
  { id: 'public', labelKey: 'buildings.classes.public', color: '#cc79a7' },
  UNKNOWN,
];

/** Upper limits in metres, with a viridis ramp from low (dark) to high (bright). */
const HEIGHT_CLASSES: (ColorClass & { upToMeters: number })[] = [
  { id: 'h6', upToMeters: 6, labelKey: 'buildings.classes.heightUpTo6', color: '#440154' },
  { id: 'h10', upToMeters: 10, labelKey: 'buildings.classes.heightUpTo10', color: '#3b528b' },
  { id: 'h15', upToMeters: 15, labelKey: 'buildings.classes.heightUpTo15', color: '#21918c' },
  { id: 'h25', upToMeters: 25, labelKey: 'buildings.classes.heightUpTo25', color: '#5ec962' },
  {
    id: 'h25plus',
    upToMeters: Number.POSITIVE_INFINITY,
    labelKey: 'buildings.classes.heightAbove25',
    color: '#fde725',
  },
];

// CityGML/AdV roofType codes grouped by shape.
const ROOF_CLASSES: (ColorClass & { codes: string[] })[] = [
  { id: 'flat', codes: ['1000'], labelKey: 'buildings.classes.roofFlat', color: '#56b4e9' },
  { id: 'pitched', codes: ['2100', '2200'], labelKey: 'buildings.classes.roofMonoPitch', color: '#009e73' },
  { id: 'gable', codes: ['3100', '3300', '3400'], labelKey: 'buildings.classes.roofGable', color: '#d55e00' },
  { id: 'hip', codes: ['3200', '3500', '3600'], labelKey: 'buildings.classes.roofHip', color: '#cc79a7' },
  {
    id: 'other',
    codes: ['3700', '3800', '3900', '4000', '5000', '9999'],
    labelKey: 'buildings.classes.roofOther',
    color: '#f0e442',
  },
  { ...UNKNOWN, codes: [] },
];

function classifyFunction(code: string | undefined): ColorClass {
  const match = code ? /^31001_(\d)(\d)/.exec(code) : null;
  if (!match) return UNKNOWN;
  if (match[1] === '1') return FUNCTION_CLASSES[match[2] === '1' ? 1 : 0]!;
  if (match[1] === '2') return FUNCTION_CLASSES[2]!;
  if (match[1] === '3') return FUNCTION_CLASSES[3]!;
  return UNKNOWN;
}

function classifyHeight(heightMeters: number | undefined): ColorClass {
  if (heightMeters === undefined || !Number.isFinite(heightMeters) || heightMeters <= 0) return UNKNOWN;
  return HEIGHT_CLASSES.find((heightClass) => heightMeters <= heightClass.upToMeters)!;
}

function classifyRoof(code: string | undefined): ColorClass {
  return ROOF_CLASSES.find((roofClass) => code !== undefined && roofClass.codes.includes(code)) ?? UNKNOWN;
}

/** The class of one building under a scheme; `plain` has a single class. */
export function classifyBuilding(scheme: BuildingColorSchemeId, properties: BuildingProperties): ColorClass {
  switch (scheme) {
    case 'function':
      return classifyFunction(properties.functionCode);
    case 'height':
      return classifyHeight(properties.measuredHeight);
    case 'roofType':
      return classifyRoof(properties.roofTypeCode);
    default:
      return { id: 'plain', labelKey: 'buildings.classes.plain', color: PLAIN_COLOR };
  }
}

/** The legend of a scheme, in display order. */
export function legendOf(scheme: BuildingColorSchemeId): ColorClass[] {
  switch (scheme) {
    case 'function':
      return FUNCTION_CLASSES;
    case 'height':
      return [...HEIGHT_CLASSES, UNKNOWN];
    case 'roofType':
      return ROOF_CLASSES;
    default:
      return [classifyBuilding('plain', {})];
  }
}
