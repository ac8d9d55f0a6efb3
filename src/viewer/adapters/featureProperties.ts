import type { Cesium3DTileFeature } from 'cesium';
import type { BuildingPropertyValues } from '../../store/createTwinStore';

/** Copies a feature's attributes into plain data for the store (the feature itself must not go there). */
export function readFeatureProperties(feature: Cesium3DTileFeature): BuildingPropertyValues {
  const values: BuildingPropertyValues = {};
  for (const name of feature.getPropertyIds()) {
    const value: unknown = feature.getProperty(name);
    if (typeof value === 'string' || typeof value === 'number') values[name] = value;
    else if (typeof value === 'bigint') values[name] = Number(value);
  }
  return values;
}
