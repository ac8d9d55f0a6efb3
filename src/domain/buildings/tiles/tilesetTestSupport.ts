import { geographicToUtm32 } from '../../geo/projection';
import type { BuildingAttributes } from '../buildingModel';
import type { BuildingLabelFunctions } from './buildingProperties';
import { ecefToGeodetic, type Vector3 } from '../../geo/earthFrames';
import type { PropertyTableRow } from './buildingPropertyTable';

/**
 * Shared by the tiler's tests: labels to pass in, the row a building should read back as, and coordinates.
 */

const FUNCTION_LABELS: Record<string, string> = {
  '31001_1000': 'Wohngebäude',
  '31001_2000': 'Gebäude für Wirtschaft oder Gewerbe',
};
const ROOF_TYPE_LABELS: Record<string, string> = { '1000': 'Flachdach', '3100': 'Satteldach' };

/** German labels for some codes; other codes stay unlabelled. */
export const TEST_LABELS: BuildingLabelFunctions = {
  functionLabel: (code) => FUNCTION_LABELS[code],
  roofTypeLabel: (code) => ROOF_TYPE_LABELS[code],
};

const emptyAsMissing = (value: string | undefined) => (value === '' ? undefined : value);

/** The row a building's attributes must read back as (float32 rounding, missing values undefined). */
export function expectedRow(attributes: BuildingAttributes): PropertyTableRow {
  const first = attributes.addresses[0];
  const address = attributes.addresses
    .map((entry) => [entry.street, entry.houseNumber].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(', ');
  return {
    sourceId: attributes.sourceId,
    functionCode: emptyAsMissing(attributes.functionCode),
    functionLabel: attributes.functionCode ? FUNCTION_LABELS[attributes.functionCode] : undefined,
    roofTypeCode: emptyAsMissing(attributes.roofTypeCode),
    roofTypeLabel: attributes.roofTypeCode ? ROOF_TYPE_LABELS[attributes.roofTypeCode] : undefined,
    measuredHeight:
      attributes.measuredHeightMeters === undefined
        ? undefined
        : Math.fround(attributes.measuredHeightMeters),
    storeysAboveGround: attributes.storeysAboveGround,
    address: address || undefined,
    street: emptyAsMissing(first?.street),
    houseNumber: emptyAsMissing(first?.houseNumber),
    postalCode: emptyAsMissing(first?.postalCode),
    locality: emptyAsMissing(first?.locality),
    groundHeight: Math.fround(attributes.groundHeightMeters),
    sourceFile: attributes.sourceFile,
    levelOfDetail: attributes.levelOfDetail,
  };
}

/** ECEF → EPSG:25832 easting/northing and ellipsoid height. */
export function ecefToUtm32(ecef: Vector3): {
  eastingMeters: number;
  northingMeters: number;
  heightMeters: number;
} {
  const geodetic = ecefToGeodetic(ecef);
  const point = geographicToUtm32({
    longitudeDegrees: (geodetic.longitudeRadians * 180) / Math.PI,
    latitudeDegrees: (geodetic.latitudeRadians * 180) / Math.PI,
  });
  return { ...point, heightMeters: geodetic.heightMeters };
}

/** Angle between two unit vectors, degrees. */
export function angleDegrees(a: Vector3, b: Vector3): number {
  const cosine = Math.min(1, Math.max(-1, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]));
  return (Math.acos(cosine) * 180) / Math.PI;
}
