import type { BuildingColorSchemeId } from '../buildings/buildingColorSchemes';
import type { PhenomenonId } from '../sensors/phenomena';
import type { CameraPose } from './cameraPose';

/** The UI languages; German first (the city's language), English second. */
export const LANGUAGES = ['de', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Overlay layers a user can switch, in the order of the layer panel and of `layers=` in a link; later issues add
 * theirs at the end. `heat-loss` is the public thermography map (aggregated cells), off unless a link names it.
 */
export const OVERLAY_LAYER_IDS = ['buildings', 'places', 'sensors', 'corridors', 'heat-loss'] as const;
export type OverlayLayerId = (typeof OVERLAY_LAYER_IDS)[number];

/** Everything a link must carry to restore what a user sees. */
export interface ViewState {
  camera: CameraPose;
  visibleLayerIds: OverlayLayerId[];
  baseLayerId: string;
  language: Language;
  buildingColorScheme: BuildingColorSchemeId;
  /** The building whose attributes are shown (its source id, e.g. a gml:id), if any. */
  selectedBuildingId: string | undefined;
  /** Sun shadows cast by buildings (costly on weak devices, so off by default). */
  shadows: boolean;
  /** Buildings the user has hidden by hand (source ids), sorted; scenarios hide theirs separately. */
  hiddenBuildingIds: string[];
  /** The sensor whose live value and chart are shown, if any. */
  selectedSensorId: string | undefined;
  /** Sensors shown and coloured by one phenomenon only (e.g. `pm10`); undefined shows all. */
  sensorPhenomenon: PhenomenonId | undefined;
  /** The planning quarter shown (a scenario document's id) and its variant, if any. */
  scenarioId: string | undefined;
  variantId: string | undefined;
  /** A second variant of the open quarter shown beside it for comparison (split view), if any; optional so older views stay valid. */
  compareVariantId?: string | undefined;
  /** The moment of the sun-and-shadow view (UTC, `2026-06-21T10:00Z`), if chosen; else the default daylight. */
  sunTime?: string | undefined;
  /** The drone corridor selected in the Drohnen panel (a corridor's id), if any; optional so older views stay valid. */
  corridorId?: string | undefined;
  /** The storyboard being presented or followed (its id) and the step shown (0-based; `step=` in a link counts from 1). */
  storyboardId?: string | undefined;
  storyboardStepIndex?: number | undefined;
}

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

export function isOverlayLayerId(value: string): value is OverlayLayerId {
  return (OVERLAY_LAYER_IDS as readonly string[]).includes(value);
}

/** Layers sorted in catalogue order without duplicates, so equal views have equal URLs. */
export function normalizeLayerIds(layerIds: readonly OverlayLayerId[]): OverlayLayerId[] {
  return OVERLAY_LAYER_IDS.filter((id) => layerIds.includes(id));
}

/** Ids sorted without duplicates, so equal views have equal URLs. */
export function normalizeBuildingIds(buildingIds: readonly string[]): string[] {
  return [...new Set(buildingIds)].sort();
}
