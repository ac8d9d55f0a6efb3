import type { MeasureMode, MeasurementResult } from './measurements';

/** "12,3 m" below a kilometre, "1,25 km" above; decimals as the language writes them. */
export function formatLength(meters: number, language: string): string {
  if (Math.abs(meters) >= 1000) {
    return `${(meters / 1000).toLocaleString(language, { maximumFractionDigits: 2 })} km`;
  }
  return `${meters.toLocaleString(language, { maximumFractionDigits: 1 })} m`;
}

/** "850 m²" below a hectare, "2,35 ha" above (planners speak of hectares for sites). */
export function formatArea(squareMeters: number, language: string): string {
  if (squareMeters >= 10_000) {
    return `${(squareMeters / 10_000).toLocaleString(language, { maximumFractionDigits: 2 })} ha`;
  }
  return `${squareMeters.toLocaleString(language, { maximumFractionDigits: 0 })} m²`;
}

/** The one number a mode is about, for the label on the model; undefined until it can be computed. */
export function formatHeadline(
  mode: MeasureMode,
  result: MeasurementResult,
  language: string,
): string | undefined {
  if (mode === 'distance' && result.distanceMeters !== undefined)
    return formatLength(result.distanceMeters, language);
  if (mode === 'height' && result.heightDifferenceMeters !== undefined) {
    return `Δh ${formatLength(result.heightDifferenceMeters, language)}`;
  }
  if (mode === 'area' && result.areaSquareMeters !== undefined)
    return formatArea(result.areaSquareMeters, language);
  return undefined;
}
