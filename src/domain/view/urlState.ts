import { BUILDING_COLOR_SCHEME_IDS, type BuildingColorSchemeId } from '../buildings/buildingColorSchemes';
import { normalizeSunTime } from '../scenarios/sunTime';
import { isPhenomenonId } from '../sensors/phenomena';
import { cameraPoseSchema, normalizeHeadingDegrees, type CameraPose } from './cameraPose';
import {
  isLanguage,
  isOverlayLayerId,
  normalizeBuildingIds,
  normalizeLayerIds,
  type ViewState,
} from './viewState';

/**
 * The view as URL query parameters, short enough to share:
 * `?camera=lon,lat,heightMeters,headingDegrees,pitchDegrees&layers=buildings,places&base=natural-earth&lang=de`,
 * plus `color=function`, `building=<id>`, `shadows=1`, `hidden=<id>,<id>`, `sensor=<id>`, `phenomenon=pm10`,
 * `scenario=york`, `variant=a`, `compare=b` (a second variant beside it), `time=2026-06-21T10:00Z` (sun), `corridor=<id>`, and `story=<id>&step=<n>` (a storyboard step, n from 1) when they differ from the default.
 * Parameters this module does not know are kept, so later features can add theirs.
 */
const CAMERA = 'camera';
const LAYERS = 'layers';
const BASE_LAYER = 'base';
const LANGUAGE = 'lang';
const COLOR_SCHEME = 'color';
const SELECTED_BUILDING = 'building';
const SHADOWS = 'shadows';
const HIDDEN_BUILDINGS = 'hidden';
const SELECTED_SENSOR = 'sensor';
const SENSOR_PHENOMENON = 'phenomenon';
const SCENARIO = 'scenario';
const VARIANT = 'variant';
const COMPARE_VARIANT = 'compare';
const SUN_TIME = 'time';
const CORRIDOR = 'corridor';
const STORYBOARD = 'story';
const STORYBOARD_STEP = 'step';

/** Decimal places kept in a URL: 1e-6° is about 0.1 m, a tenth of a degree or metre is invisible. */
const COORDINATE_DECIMALS = 6;
const OTHER_DECIMALS = 1;

export function formatCameraParameter(camera: CameraPose): string {
  return [
    camera.longitudeDegrees.toFixed(COORDINATE_DECIMALS),
    camera.latitudeDegrees.toFixed(COORDINATE_DECIMALS),
    camera.heightMeters.toFixed(OTHER_DECIMALS),
    // Round first, then wrap, so 359.96° is written as 0 rather than 360.
    normalizeHeadingDegrees(Number(camera.headingDegrees.toFixed(OTHER_DECIMALS))).toFixed(OTHER_DECIMALS),
    camera.pitchDegrees.toFixed(OTHER_DECIMALS),
  ]
    .map((text) => text.replace(/\.?0+$/, '') || '0')
    .join(',');
}

export function parseCameraParameter(text: string): CameraPose | undefined {
  const numbers = text.split(',').map(Number);
  if (numbers.length !== 5 || numbers.some((value) => !Number.isFinite(value))) return undefined;
  const [longitudeDegrees, latitudeDegrees, heightMeters, headingDegrees, pitchDegrees] = numbers as [
    number,
    number,
    number,
    number,
    number,
  ];
  const result = cameraPoseSchema.safeParse({
    longitudeDegrees,
    latitudeDegrees,
    heightMeters,
    headingDegrees: normalizeHeadingDegrees(headingDegrees),
    pitchDegrees,
  });
  return result.success ? result.data : undefined;
}

/** Writes the view into query parameters, keeping any parameter it does not own. */
export function writeViewToSearch(view: ViewState, currentSearch = ''): string {
  const parameters = new URLSearchParams(currentSearch);
  parameters.set(CAMERA, formatCameraParameter(view.camera));
  parameters.set(LAYERS, normalizeLayerIds(view.visibleLayerIds).join(','));
  parameters.set(BASE_LAYER, view.baseLayerId);
  parameters.set(LANGUAGE, view.language);
  setOrDelete(
    parameters,
    COLOR_SCHEME,
    view.buildingColorScheme === 'plain' ? undefined : view.buildingColorScheme,
  );
  setOrDelete(parameters, SELECTED_BUILDING, view.selectedBuildingId);
  setOrDelete(parameters, SHADOWS, view.shadows ? '1' : undefined);
  setOrDelete(
    parameters,
    HIDDEN_BUILDINGS,
    view.hiddenBuildingIds.length === 0 ? undefined : normalizeBuildingIds(view.hiddenBuildingIds).join(','),
  );
  setOrDelete(parameters, SELECTED_SENSOR, view.selectedSensorId);
  setOrDelete(parameters, SENSOR_PHENOMENON, view.sensorPhenomenon);
  setOrDelete(parameters, SCENARIO, view.scenarioId);
  setOrDelete(parameters, VARIANT, view.scenarioId === undefined ? undefined : view.variantId);
  setOrDelete(
    parameters,
    COMPARE_VARIANT,
    view.scenarioId === undefined || view.compareVariantId === view.variantId
      ? undefined
      : view.compareVariantId,
  );
  setOrDelete(parameters, SUN_TIME, normalizeSunTime(view.sunTime));
  setOrDelete(parameters, CORRIDOR, view.corridorId);
  setOrDelete(parameters, STORYBOARD, view.storyboardId);
  setOrDelete(
    parameters,
    STORYBOARD_STEP,
    view.storyboardId === undefined ? undefined : String((view.storyboardStepIndex ?? 0) + 1),
  );
  // Commas and colons (in `time=`) are safe in a query and keep links readable.
  return `?${parameters.toString().replaceAll('%2C', ',').replaceAll('%3A', ':')}`;
}

function setOrDelete(parameters: URLSearchParams, name: string, value: string | undefined): void {
  if (value === undefined) parameters.delete(name);
  else parameters.set(name, value);
}

function isColorScheme(value: string | null): value is BuildingColorSchemeId {
  return value !== null && (BUILDING_COLOR_SCHEME_IDS as readonly string[]).includes(value);
}

/**
 * Reads what a URL says about the view; anything missing or unreadable falls back to `fallback`,
 * so a hand-edited or truncated link still opens the app.
 */
export function readViewFromSearch(search: string, fallback: ViewState): ViewState {
  const parameters = new URLSearchParams(search);
  const cameraText = parameters.get(CAMERA);
  const layersText = parameters.get(LAYERS);
  const baseLayerText = parameters.get(BASE_LAYER);
  const languageText = parameters.get(LANGUAGE);
  const colorSchemeText = parameters.get(COLOR_SCHEME);
  const phenomenonText = parameters.get(SENSOR_PHENOMENON);
  const corridorId = parameters.get(CORRIDOR) || undefined;
  return {
    camera: (cameraText && parseCameraParameter(cameraText)) || fallback.camera,
    // A link naming a corridor shows the corridors layer, even one that lists the layers of its day.
    visibleLayerIds: normalizeLayerIds([
      ...(layersText === null ? fallback.visibleLayerIds : layersText.split(',').filter(isOverlayLayerId)),
      ...(corridorId ? (['corridors'] as const) : []),
    ]),
    baseLayerId: baseLayerText || fallback.baseLayerId,
    language: languageText && isLanguage(languageText) ? languageText : fallback.language,
    buildingColorScheme: isColorScheme(colorSchemeText) ? colorSchemeText : 'plain',
    selectedBuildingId: parameters.get(SELECTED_BUILDING) || undefined,
    shadows: parameters.get(SHADOWS) === '1',
    hiddenBuildingIds: normalizeBuildingIds(
      (parameters.get(HIDDEN_BUILDINGS) ?? '').split(',').filter((id) => id.length > 0),
    ),
    selectedSensorId: parameters.get(SELECTED_SENSOR) || undefined,
    sensorPhenomenon: phenomenonText && isPhenomenonId(phenomenonText) ? phenomenonText : undefined,
    scenarioId: parameters.get(SCENARIO) || undefined,
    variantId: (parameters.get(SCENARIO) && parameters.get(VARIANT)) || undefined,
    compareVariantId: (parameters.get(SCENARIO) && parameters.get(COMPARE_VARIANT)) || undefined,
    sunTime: normalizeSunTime(parameters.get(SUN_TIME)),
    corridorId,
    ...readStoryboardStep(parameters),
  };
}

/** `story=<id>&step=<n>` (n from 1); a missing or unreadable step is the first. */
function readStoryboardStep(
  parameters: URLSearchParams,
): Pick<ViewState, 'storyboardId' | 'storyboardStepIndex'> {
  const storyboardId = parameters.get(STORYBOARD) || undefined;
  if (storyboardId === undefined) return { storyboardId: undefined, storyboardStepIndex: undefined };
  const step = Number(parameters.get(STORYBOARD_STEP));
  return { storyboardId, storyboardStepIndex: Number.isInteger(step) && step >= 1 ? step - 1 : 0 };
}
