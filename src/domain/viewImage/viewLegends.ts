import { legendOf } from '../buildings/buildingColorSchemes';
import { CORRIDOR_STATUS_COLORS, RESTRICTION_ZONE_COLORS } from '../corridors/corridorColors';
import { PLACE_MARKER_COLOR } from '../places/placeMarker';
import { LEVEL_COLORS } from '../sensors/sensorAppearance';
import type { SensorLevel } from '../sensors/sensorStatus';
import { HEAT_LOSS_CLASS_LABELS, type HeatLossClass } from '../thermography/heatLossClass';
import { DEFAULT_HEAT_LOSS_LEGEND } from '../thermography/heatLossOverlay';
import type { OverlayLayerId, ViewState } from '../view/viewState';

/**
 * A text to translate: a key of src/ui/i18n and its parameters (which may be texts to translate themselves), or a
 * text a domain module already carries in both languages.
 */
export type TranslatableText =
  | { key: string; params?: Readonly<Record<string, string | number | TranslatableText>> }
  | { de: string; en: string };

/** How an entry is marked: a filled square (areas, buildings), a dot (sensors) or a pin (places). */
export type LegendSymbol = 'square' | 'dot' | 'pin';

export interface LegendEntry {
  label: TranslatableText;
  /** CSS colour of the symbol. */
  color: string;
  symbol: LegendSymbol;
}

/** The legend of one layer as it is drawn right now. */
export interface LegendBlock {
  layerId: string;
  title: TranslatableText;
  entries: readonly LegendEntry[];
}

/** What layers loaded besides the view that their legend depends on (a served colour table, …). */
export interface LegendData {
  heatLossColours?: Readonly<Record<HeatLossClass, string>> | undefined;
}

/** A layer's legend for a view, or undefined when the layer shows nothing that needs one. */
export type LegendProvider = (view: ViewState, data: LegendData) => LegendBlock | undefined;

const SENSOR_LEVELS: readonly SensorLevel[] = ['ok', 'warning', 'alert', 'stale', 'no-data'];
const HEAT_LOSS_CLASSES: readonly HeatLossClass[] = [1, 2, 3, 4, 5];

/**
 * The legend of every overlay layer. A `Record` over `OverlayLayerId`, so a layer added to `OVERLAY_LAYER_IDS`
 * (heat loss, …) does not compile until it says what its legend is (or that it has none).
 */
export const LAYER_LEGENDS: Readonly<Record<OverlayLayerId, LegendProvider>> = {
  buildings: (view) =>
    view.buildingColorScheme === 'plain'
      ? undefined
      : {
          layerId: 'buildings',
          title: {
            key: 'buildings.legend',
            params: { scheme: { key: `buildings.schemes.${view.buildingColorScheme}` } },
          },
          entries: legendOf(view.buildingColorScheme).map((entry) => ({
            label: { key: entry.labelKey },
            color: entry.color,
            symbol: 'square' as const,
          })),
        },
  places: () => ({
    layerId: 'places',
    title: { key: 'layers.places' },
    entries: [{ label: { key: 'sensors.legend.place' }, color: PLACE_MARKER_COLOR, symbol: 'pin' }],
  }),
  sensors: () => ({
    layerId: 'sensors',
    title: { key: 'layers.sensors' },
    entries: SENSOR_LEVELS.map((level) => ({
      label: { key: 'sensors.legend.sensor', params: { level: { key: `sensors.levels.${level}` } } },
      color: LEVEL_COLORS[level],
      symbol: 'dot' as const,
    })),
  }),
  corridors: () => ({
    layerId: 'corridors',
    title: { key: 'layers.corridors' },
    entries: [
      ...(['clear', 'warning', 'conflict'] as const).map((status) => ({
        label: { key: 'viewImage.corridorStatus', params: { status: { key: `corridors.status.${status}` } } },
        color: CORRIDOR_STATUS_COLORS[status],
        symbol: 'square' as const,
      })),
      ...(['conflict', 'warning'] as const).map((severity) => ({
        label: { key: `viewImage.zone.${severity}` },
        color: RESTRICTION_ZONE_COLORS[severity],
        symbol: 'square' as const,
      })),
    ],
  }),
  'heat-loss': (_view, data) => ({
    layerId: 'heat-loss',
    title: { key: 'viewImage.heatLossTitle' },
    entries: HEAT_LOSS_CLASSES.map((heatLossClass) => ({
      label: HEAT_LOSS_CLASS_LABELS[heatLossClass],
      color: (data.heatLossColours ?? DEFAULT_HEAT_LOSS_LEGEND.colours)[heatLossClass],
      symbol: 'square' as const,
    })),
  }),
};

/** The legends of the layers a view shows, in catalogue order. */
export function legendsOfView(
  view: ViewState,
  data: LegendData = {},
  providers: Readonly<Partial<Record<string, LegendProvider>>> = LAYER_LEGENDS,
): LegendBlock[] {
  return view.visibleLayerIds.flatMap((layerId) => {
    const block = providers[layerId]?.(view, data);
    return block && block.entries.length > 0 ? [block] : [];
  });
}
