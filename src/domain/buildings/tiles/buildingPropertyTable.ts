import type { Document } from '@gltf-transform/core';
import type { EXTStructuralMetadata, PropertyTable, StructuralMetadata } from '@gltf-transform/extensions';
import type { BuildingAttributes } from '../buildingModel';
import {
  BUILDING_PROPERTIES,
  type BuildingLabelFunctions,
  type BuildingPropertyDefinition,
  type NumericComponentType,
} from './buildingProperties';
import {
  componentByteSize,
  decodeNumericColumn,
  decodeStringColumn,
  encodeNumericColumn,
  encodeStringColumn,
  type StringOffsetType,
} from './propertyTableBinary';

/** Schema id and class of the building metadata (EXT_structural_metadata). */
export const BUILDING_SCHEMA_ID = 'muenster_twin_buildings';
export const BUILDING_CLASS_NAME = 'building';

/**
 * One row of a property table as read back: a missing value (its noData) becomes undefined, as in CesiumJS.
 */
export type PropertyTableRow = Record<string, string | number | undefined>;

/**
 * Buffer views are written in table order, one after another, from a 4-byte-aligned start (gltf-transform
 * pads everything before them to 4). Numbers with the widest components first keep every numeric view aligned
 * to its component size without padding; string columns come last and pad their own values (see
 * encodeStringColumn).
 */
function inStorageOrder(definitions: readonly BuildingPropertyDefinition[]): BuildingPropertyDefinition[] {
  const width = (definition: BuildingPropertyDefinition) =>
    definition.type === 'STRING' ? 0 : componentByteSize(definition.componentType);
  return [...definitions].sort((a, b) => width(b) - width(a));
}

function createSchema(metadata: EXTStructuralMetadata) {
  const buildingClass = metadata
    .createClass()
    .setDescription('A building of the LoD2 (or footprint) data, one feature of the tile.');
  for (const definition of BUILDING_PROPERTIES) {
    const property = metadata
      .createClassProperty()
      .setType(definition.type)
      .setRequired(definition.required)
      .setDescription(definition.description);
    if (definition.type === 'SCALAR') {
      property.setComponentType(definition.componentType);
      if (definition.noData !== undefined) property.setNoData(definition.noData);
    } else if (!definition.required) {
      property.setNoData('');
    }
    buildingClass.setProperty(definition.key, property);
  }
  return metadata.createSchema().setId(BUILDING_SCHEMA_ID).setClass(BUILDING_CLASS_NAME, buildingClass);
}

function numericValues(
  definition: BuildingPropertyDefinition & { type: 'SCALAR' },
  rows: BuildingAttributes[],
) {
  return rows.map((attributes) => {
    const value = definition.valueOf(attributes) ?? definition.noData;
    if (value === undefined) throw new Error(`Building ${attributes.sourceId} lacks ${definition.key}.`);
    return value;
  });
}

/**
 * Adds the schema and ONE property table (row n = feature id n) to the document: CesiumJS picks and styles by
 * a single table per model.
 */
export function addBuildingPropertyTable(
  document: Document,
  metadata: EXTStructuralMetadata,
  rows: BuildingAttributes[],
  labels: BuildingLabelFunctions,
): PropertyTable {
  const table = metadata.createPropertyTable().setClass(BUILDING_CLASS_NAME).setCount(rows.length);
  let bytesBefore = 0;
  for (const definition of inStorageOrder(BUILDING_PROPERTIES)) {
    const column = metadata.createPropertyTableProperty();
    if (definition.type === 'STRING') {
      const strings = rows.map((attributes) => definition.valueOf(attributes, labels) ?? '');
      const encoded = encodeStringColumn(strings, bytesBefore);
      column
        .setValues(encoded.values)
        .setStringOffsets(encoded.stringOffsets)
        .setStringOffsetType(encoded.stringOffsetType);
      bytesBefore += encoded.values.length + encoded.stringOffsets.length;
    } else {
      const bytes = encodeNumericColumn(numericValues(definition, rows), definition.componentType);
      column.setValues(bytes);
      bytesBefore += bytes.length;
    }
    table.setProperty(definition.key, column);
  }
  const structuralMetadata = metadata
    .createStructuralMetadata()
    .setSchema(createSchema(metadata))
    .addPropertyTable(table);
  document.getRoot().setExtension('EXT_structural_metadata', structuralMetadata);
  return table;
}

function isReadable(componentType: string | null): componentType is NumericComponentType {
  return componentType === 'FLOAT32' || componentType === 'UINT16' || componentType === 'UINT8';
}

/** Reads every row of a property table, using the types and noData values of its class in the schema. */
export function readPropertyTableRows(
  structuralMetadata: StructuralMetadata,
  table: PropertyTable,
): PropertyTableRow[] {
  const tableClass = structuralMetadata.getSchema()?.getClass(table.getClass());
  if (!tableClass) throw new Error(`The schema has no class "${table.getClass()}".`);
  const count = table.getCount();
  const rows: PropertyTableRow[] = Array.from({ length: count }, () => ({}));
  for (const key of tableClass.listPropertyKeys()) {
    const classProperty = tableClass.getProperty(key)!;
    const column = table.getProperty(key);
    if (!column) continue;
    const componentType = classProperty.getComponentType();
    let values: (string | number)[];
    if (classProperty.getType() === 'STRING') {
      const offsets = column.getStringOffsets();
      if (!offsets) throw new Error(`String property "${key}" has no string offsets.`);
      const offsetType = (column.getStringOffsetType() ?? 'UINT32') as StringOffsetType;
      values = decodeStringColumn(column.getValues(), offsets, offsetType, count);
    } else if (classProperty.getType() === 'SCALAR' && isReadable(componentType)) {
      values = decodeNumericColumn(column.getValues(), componentType, count);
    } else {
      const type = `${classProperty.getType()} ${componentType ?? ''}`.trim();
      throw new Error(`Property "${key}" has type ${type}, which this reader does not know.`);
    }
    const noData = classProperty.getNoData() as unknown;
    values.forEach((value, row) => (rows[row]![key] = value === noData ? undefined : value));
  }
  return rows;
}
