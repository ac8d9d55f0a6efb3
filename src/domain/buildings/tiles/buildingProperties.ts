import type { BuildingAddress, BuildingAttributes } from '../buildingModel';

/**
 * The per-building properties of the tileset: one column of the merged property table each
 * (EXT_structural_metadata). The viewer styles and picks by these names, so renaming one breaks it.
 */

/** Turns codes into German labels; supplied by the caller (the code tables live in `buildings/labels`). */
export interface BuildingLabelFunctions {
  /** ALKIS building function code (e.g. `31001_1010`) → label, or undefined when unknown. */
  functionLabel?: (code: string) => string | undefined;
  /** CityGML roofType code (e.g. `3100`) → label, or undefined when unknown. */
  roofTypeLabel?: (code: string) => string | undefined;
}

/** Component types we use; all little-endian, as glTF requires. */
export type NumericComponentType = 'FLOAT32' | 'UINT16' | 'UINT8';

interface PropertyBase {
  key: string;
  description: string;
  /** Required properties always have a value and therefore no noData. */
  required: boolean;
}

/** A text column; a missing optional value is written as the empty string, which is declared as noData. */
export interface StringPropertyDefinition extends PropertyBase {
  type: 'STRING';
  valueOf: (attributes: BuildingAttributes, labels: BuildingLabelFunctions) => string | undefined;
}

/** A numeric column; a missing optional value is written as its noData sentinel. */
export interface NumericPropertyDefinition extends PropertyBase {
  type: 'SCALAR';
  componentType: NumericComponentType;
  noData?: number;
  valueOf: (attributes: BuildingAttributes) => number | undefined;
}

/** One column of the building property table. */
export type BuildingPropertyDefinition = StringPropertyDefinition | NumericPropertyDefinition;

/** "Hörsterstraße 5": street and house number of one address, whichever of them exists. */
export function formatAddress(address: BuildingAddress): string {
  return [address.street, address.houseNumber].filter((part) => part?.trim()).join(' ');
}

/** A finite number, or undefined. */
function finite(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/**
 * An integer within [0, noData), or undefined: the sentinel itself and anything beyond it is not storable.
 */
function unsignedBelow(value: number | undefined, noData: number): number | undefined {
  return value !== undefined && Number.isInteger(value) && value >= 0 && value < noData ? value : undefined;
}

function label(code: string | undefined, lookUp: ((code: string) => string | undefined) | undefined) {
  return code === undefined || lookUp === undefined ? undefined : lookUp(code);
}

const STOREYS_NO_DATA = 65535;

/** The columns in the order the schema lists them. */
export const BUILDING_PROPERTIES: readonly BuildingPropertyDefinition[] = [
  {
    key: 'sourceId',
    type: 'STRING',
    required: true,
    description: 'gml:id of the building, or the id of its footprint feature.',
    valueOf: (attributes) => attributes.sourceId,
  },
  {
    key: 'functionCode',
    type: 'STRING',
    required: false,
    description: 'ALKIS building function code (Gebäudefunktion), e.g. 31001_1010.',
    valueOf: (attributes) => attributes.functionCode,
  },
  {
    key: 'functionLabel',
    type: 'STRING',
    required: false,
    description: 'German label of the building function.',
    valueOf: (attributes, labels) => label(attributes.functionCode, labels.functionLabel),
  },
  {
    key: 'roofTypeCode',
    type: 'STRING',
    required: false,
    description: 'CityGML roof type code (Dachform), e.g. 3100.',
    valueOf: (attributes) => attributes.roofTypeCode,
  },
  {
    key: 'roofTypeLabel',
    type: 'STRING',
    required: false,
    description: 'German label of the roof type.',
    valueOf: (attributes, labels) => label(attributes.roofTypeCode, labels.roofTypeLabel),
  },
  {
    key: 'measuredHeight',
    type: 'SCALAR',
    componentType: 'FLOAT32',
    required: false,
    noData: -1,
    description: 'Measured height of the building, metres.',
    // A height is never negative, so the sentinel -1 cannot hide a real value.
    valueOf: (attributes) => finite(attributes.measuredHeightMeters),
  },
  {
    key: 'storeysAboveGround',
    type: 'SCALAR',
    componentType: 'UINT16',
    required: false,
    noData: STOREYS_NO_DATA,
    description: 'Number of storeys above ground.',
    valueOf: (attributes) => unsignedBelow(attributes.storeysAboveGround, STOREYS_NO_DATA),
  },
  {
    key: 'address',
    type: 'STRING',
    required: false,
    description: 'All addresses of the building, e.g. "Hörsterstraße 1, Hörsterstraße 3".',
    valueOf: (attributes) =>
      attributes.addresses
        .map(formatAddress)
        .filter((text) => text !== '')
        .join(', ') || undefined,
  },
  {
    key: 'street',
    type: 'STRING',
    required: false,
    description: 'Street of the first address.',
    valueOf: (attributes) => attributes.addresses[0]?.street,
  },
  {
    key: 'houseNumber',
    type: 'STRING',
    required: false,
    description: 'House number of the first address.',
    valueOf: (attributes) => attributes.addresses[0]?.houseNumber,
  },
  {
    key: 'postalCode',
    type: 'STRING',
    required: false,
    description: 'Postal code of the first address.',
    valueOf: (attributes) => attributes.addresses[0]?.postalCode,
  },
  {
    key: 'locality',
    type: 'STRING',
    required: false,
    description: 'Locality of the first address.',
    valueOf: (attributes) => attributes.addresses[0]?.locality,
  },
  {
    key: 'groundHeight',
    type: 'SCALAR',
    componentType: 'FLOAT32',
    required: true,
    description: 'Lowest point of the ground surfaces, DHHN2016 metres.',
    valueOf: (attributes) => attributes.groundHeightMeters,
  },
  {
    key: 'sourceFile',
    type: 'STRING',
    required: true,
    description: 'The input file the building was read from.',
    valueOf: (attributes) => attributes.sourceFile,
  },
  {
    key: 'levelOfDetail',
    type: 'SCALAR',
    componentType: 'UINT8',
    required: true,
    description: 'Level of detail: 1 = extruded footprint, 2 = real roof shapes.',
    valueOf: (attributes) => attributes.levelOfDetail,
  },
];
