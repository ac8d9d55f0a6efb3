import {
  Cartesian2,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  LabelCollection,
  LabelStyle,
  NearFarScalar,
  PointPrimitiveCollection,
  VerticalOrigin,
  type Label,
  type PointPrimitive,
} from 'cesium';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useCesium } from 'resium';
import { sensorAppearance } from '../../domain/sensors/sensorAppearance';
import { staleDeadline } from '../../domain/sensors/sensorLevels';
import type { SensorDescription } from '../../domain/sensors/sensorModel';
import { useSensorLive, useTwinStore, useTwinStoreApi } from '../../store/StoreContext';

/** What the pick of a sensor marker returns as its id. */
export interface SensorPickId {
  sensorId: string;
}

export function isSensorPickId(value: unknown): value is SensorPickId {
  return typeof value === 'object' && value !== null && typeof (value as SensorPickId).sensorId === 'string';
}

interface Marker {
  sensor: SensorDescription;
  point: PointPrimitive;
  label: Label | undefined;
  color: string;
  labelText: string;
  /** When it turns stale unless a value arrives (hub clock); the tick redraws only markers past theirs. */
  staleAt: number;
  stale: boolean;
}

const colorCache = new Map<string, Color>();
function cesiumColor(css: string): Color {
  let color = colorCache.get(css);
  if (!color) {
    color = Color.fromCssColorString(css);
    colorCache.set(css, color);
  }
  return color;
}

const LABEL_OFFSET = new Cartesian2(0, -12);
const LABELS_UP_TO_METERS = new DistanceDisplayCondition(0, 4000);
const POINT_SCALE = new NearFarScalar(300, 1.4, 8000, 0.7);
/** Live updates ask for a render at most this often: values change about once a second, each render costs a frame. */
const LIVE_RENDER_INTERVAL_MS = 200;

/**
 * Sensors as point primitives (one collection for thousands, DESIGN.md pitfalls), updated outside React: live
 * batches recolour only the sensors they touch (SensorLive hands them over in slices within a frame budget) and
 * ask for a render at most 5 times a second; a one-second tick greys out sensors that fell silent.
 */
export function SensorsLayer() {
  const { scene } = useCesium();
  const { t } = useTranslation();
  const store = useTwinStoreApi();
  const live = useSensorLive();
  const catalogue = useTwinStore((state) => state.sensorCatalogue);
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('sensors'));
  const filter = useTwinStore((state) => state.view.sensorPhenomenon);
  const selectedSensorId = useTwinStore((state) => state.view.selectedSensorId);
  const markers = useRef(new Map<string, Marker>());
  const collections = useRef<{ points: PointPrimitiveCollection; labels: LabelCollection } | undefined>(
    undefined,
  );

  // The collections live as long as the scene.
  useEffect(() => {
    if (!scene) return;
    const points = new PointPrimitiveCollection();
    const labels = new LabelCollection({ scene });
    scene.primitives.add(points);
    scene.primitives.add(labels);
    collections.current = { points, labels };
    const owned = markers.current;
    return () => {
      owned.clear();
      collections.current = undefined;
      if (!scene.isDestroyed()) {
        scene.primitives.remove(points);
        scene.primitives.remove(labels);
      }
    };
  }, [scene]);

  // Reconcile markers with the catalogue: add new sensors, drop gone ones, keep the rest.
  useEffect(() => {
    const target = collections.current;
    if (!scene || !target) return;
    const wanted = new Map(catalogue.map((sensor) => [sensor.id, sensor]));
    for (const [id, marker] of markers.current) {
      if (wanted.get(id) === marker.sensor) continue;
      target.points.remove(marker.point);
      if (marker.label) target.labels.remove(marker.label);
      markers.current.delete(id);
    }
    for (const sensor of catalogue) {
      if (markers.current.has(sensor.id)) continue;
      const { longitudeDegrees, latitudeDegrees, heightAboveGroundMeters } = sensor.position;
      const position = Cartesian3.fromDegrees(longitudeDegrees, latitudeDegrees, heightAboveGroundMeters);
      const point = target.points.add({
        position,
        pixelSize: 11,
        color: cesiumColor('#b0b0b0'),
        outlineColor: Color.WHITE,
        outlineWidth: 2,
        scaleByDistance: POINT_SCALE,
        disableDepthTestDistance: 3000,
        id: { sensorId: sensor.id } satisfies SensorPickId,
      });
      const label =
        sensor.kind === 'car-park'
          ? target.labels.add({
              position,
              text: '',
              font: '600 14px system-ui, sans-serif',
              style: LabelStyle.FILL_AND_OUTLINE,
              fillColor: Color.WHITE,
              outlineColor: Color.BLACK,
              outlineWidth: 3,
              verticalOrigin: VerticalOrigin.BOTTOM,
              pixelOffset: LABEL_OFFSET,
              distanceDisplayCondition: LABELS_UP_TO_METERS,
              disableDepthTestDistance: 3000,
              id: { sensorId: sensor.id } satisfies SensorPickId,
            })
          : undefined;
      markers.current.set(sensor.id, {
        sensor,
        point,
        label,
        color: '',
        labelText: '',
        staleAt: Number.POSITIVE_INFINITY,
        stale: false,
      });
    }
  }, [scene, catalogue]);

  // Redraw from the live values: changed sensors on each batch; once a second those that just fell silent
  // (a comparison per marker, so 10,000 sensors cost little); all of them when filter, selection or
  // visibility change.
  useEffect(() => {
    if (!scene) return;
    let renderTimer: ReturnType<typeof setTimeout> | undefined;
    const requestLiveRender = () => {
      renderTimer ??= setTimeout(() => {
        renderTimer = undefined;
        if (!scene.isDestroyed()) scene.requestRender();
      }, LIVE_RENDER_INTERVAL_MS);
    };
    const redraw = (ids: Iterable<string> | 'all', renderAtOnce: boolean) => {
      const now = live.now();
      let changed = false;
      const list = ids === 'all' ? markers.current.keys() : ids;
      for (const id of list) {
        const marker = markers.current.get(id);
        if (!marker) continue;
        const look = sensorAppearance(marker.sensor, live.values, now, filter);
        marker.stale = look.level === 'stale';
        marker.staleAt = staleDeadline(marker.sensor, live.values, filter);
        const show = visible && look.show;
        if (marker.point.show !== show) {
          marker.point.show = show;
          changed = true;
        }
        if (marker.color !== look.color) {
          marker.color = look.color;
          marker.point.color = cesiumColor(look.color);
          changed = true;
        }
        const selected = id === selectedSensorId;
        const outline = selected ? Color.BLACK : Color.WHITE;
        if (!Color.equals(marker.point.outlineColor, outline)) {
          marker.point.outlineColor = outline;
          marker.point.pixelSize = selected ? 16 : 11;
          changed = true;
        }
        if (marker.label) {
          const text = /^\d+$/.test(look.label)
            ? t('sensors.freeSpaces', { count: Number(look.label) })
            : look.label && t(`sensors.states.${look.label}`, { defaultValue: look.label });
          if (marker.label.show !== show) {
            marker.label.show = show;
            changed = true;
          }
          if (marker.labelText !== text) {
            marker.labelText = text;
            marker.label.text = text;
            changed = true;
          }
        }
      }
      if (!changed) return;
      if (renderAtOnce) scene.requestRender();
      else requestLiveRender();
    };
    redraw('all', true);
    const unsubscribe = live.subscribe((change) => redraw(change, change === 'all'));
    const tick = setInterval(() => {
      const now = live.now();
      const silent: string[] = [];
      for (const [id, marker] of markers.current) if (!marker.stale && now > marker.staleAt) silent.push(id);
      if (silent.length > 0) redraw(silent, false);
    }, 1000);
    return () => {
      unsubscribe();
      clearInterval(tick);
      clearTimeout(renderTimer);
    };
  }, [scene, live, store, catalogue, filter, visible, selectedSensorId, t]);

  return null;
}
