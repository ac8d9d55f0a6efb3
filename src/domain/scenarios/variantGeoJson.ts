/**
 * A variant as a GeoJSON FeatureCollection (RFC 7946: WGS84 longitude/latitude) that GIS tools open as one layer:
 * every element is a feature with flat properties (`featureType` says which kind), massings carry storeys,
 * height and use shares. Derived values (height, areas) are written for the GIS user and ignored on import.
 */
import { computeMassingFigures } from './keyFigures';
import type { LineStringCoordinates, PolygonCoordinates, Position } from './scenarioGeometry';
import {
  MASSING_USE_KEYS,
  type MassingUseKey,
  type ScenarioDocument,
  type ScenarioText,
  type ScenarioVariant,
} from './scenarioSchema';
import { polygonAreaSquareMeters } from './scenarioPlanarGeometry';

export type VariantFeatureType = 'massing' | 'openSpace' | 'sealedArea' | 'mobilityHub' | 'street';

export type GeoJsonGeometry =
  | { type: 'Polygon'; coordinates: PolygonCoordinates }
  | { type: 'Point'; coordinates: Position }
  | { type: 'LineString'; coordinates: LineStringCoordinates };

export type FeatureProperties = Record<string, string | number | boolean | null>;

export interface VariantFeature {
  type: 'Feature';
  id: string;
  properties: FeatureProperties & { featureType: VariantFeatureType; id: string };
  geometry: GeoJsonGeometry;
}

export interface VariantFeatureCollection {
  type: 'FeatureCollection';
  /** Layer name in QGIS and ogr2ogr. */
  name: string;
  /** Foreign members (RFC 7946 §6.1), read back on import. */
  scenarioId: string;
  variantId: string;
  title: ScenarioText;
  features: VariantFeature[];
}

/** The property holding a use's share, e.g. `housingShare`. */
export function useShareProperty(use: MassingUseKey): string {
  return `${use}Share`;
}

function nameProperties(name: ScenarioText | undefined): FeatureProperties {
  return { name: name?.de ?? null, nameEn: name?.en ?? null };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** The variant as a FeatureCollection: massings, open spaces, sealed areas, mobility hubs, streets, in that order. */
export function exportVariantToGeoJson(
  scenario: Pick<ScenarioDocument, 'id'>,
  variant: ScenarioVariant,
): VariantFeatureCollection {
  const features: VariantFeature[] = [];
  for (const massing of variant.massings) {
    const figures = computeMassingFigures(massing);
    const shares = Object.fromEntries(
      MASSING_USE_KEYS.map((use) => [useShareProperty(use), massing.uses[use] ?? 0]),
    );
    features.push({
      type: 'Feature',
      id: massing.id,
      properties: {
        featureType: 'massing',
        id: massing.id,
        ...nameProperties(massing.name),
        storeys: massing.storeys,
        storeyHeightMeters: massing.storeyHeightMeters,
        heightMeters: round(figures.heightMeters, 2),
        ...shares,
        subsidisedHousingShare: massing.subsidisedHousingShare ?? 0,
        roofType: massing.roofType,
        greenRoof: massing.greenRoof,
        footprintAreaSquareMeters: round(figures.footprintAreaSquareMeters, 1),
        grossFloorAreaSquareMeters: round(figures.grossFloorAreaSquareMeters, 1),
      },
      geometry: { type: 'Polygon', coordinates: massing.footprint },
    });
  }
  for (const openSpace of variant.openSpaces) {
    features.push({
      type: 'Feature',
      id: openSpace.id,
      properties: {
        featureType: 'openSpace',
        id: openSpace.id,
        ...nameProperties(openSpace.name),
        kind: openSpace.kind,
        surface: openSpace.surface,
        areaSquareMeters: round(polygonAreaSquareMeters(openSpace.area), 1),
      },
      geometry: { type: 'Polygon', coordinates: openSpace.area },
    });
  }
  for (const sealedArea of variant.sealedAreas) {
    features.push({
      type: 'Feature',
      id: sealedArea.id,
      properties: {
        featureType: 'sealedArea',
        id: sealedArea.id,
        kind: sealedArea.kind,
        areaSquareMeters: round(polygonAreaSquareMeters(sealedArea.area), 1),
      },
      geometry: { type: 'Polygon', coordinates: sealedArea.area },
    });
  }
  for (const hub of variant.mobilityHubs) {
    features.push({
      type: 'Feature',
      id: hub.id,
      properties: {
        featureType: 'mobilityHub',
        id: hub.id,
        ...nameProperties(hub.name),
        parkingSpaces: hub.parkingSpaces,
        bikeSpaces: hub.bikeSpaces,
        sharingVehicles: hub.sharingVehicles ?? null,
        massingId: hub.massingId ?? null,
      },
      geometry: { type: 'Point', coordinates: hub.position },
    });
  }
  for (const street of variant.streets) {
    features.push({
      type: 'Feature',
      id: street.id,
      properties: {
        featureType: 'street',
        id: street.id,
        name: street.name ?? null,
        kind: street.kind,
        widthMeters: street.widthMeters,
      },
      geometry: { type: 'LineString', coordinates: street.line },
    });
  }
  return {
    type: 'FeatureCollection',
    name: `${scenario.id}-${variant.id}`,
    scenarioId: scenario.id,
    variantId: variant.id,
    title: variant.title,
    features,
  };
}

/** The GeoJSON text of a variant (2-space indented, as a `.geojson` file). */
export function writeVariantGeoJson(
  scenario: Pick<ScenarioDocument, 'id'>,
  variant: ScenarioVariant,
): string {
  return `${JSON.stringify(exportVariantToGeoJson(scenario, variant), null, 2)}\n`;
}
