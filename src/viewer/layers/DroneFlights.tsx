import {
  CallbackPositionProperty,
  CallbackProperty,
  Cartesian3,
  Color,
  JulianDate,
  Quaternion,
  type Viewer,
} from 'cesium';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Entity, ModelGraphics, PointGraphics, useCesium } from 'resium';
import { displayGroundOf, displayHeightMeters } from '../../domain/corridors/corridorDisplay';
import {
  createFlightPath,
  flightPositionAt,
  type FlightPath,
  type FlightPosition,
} from '../../domain/corridors/flightSimulation';
import { isOperatingAt } from '../../domain/corridors/operatingHours';
import { localize } from '../../domain/scenes/sceneDocument';
import { useTwinStore } from '../../store/StoreContext';
import { DRONE_ENTITY_PREFIX } from '../adapters/corridorPickIds';
import { loadDroneModelUri } from '../adapters/droneModelUri';
import { droneOrientationAt } from '../adapters/droneOrientation';

const DRONE_COLOR = Color.fromCssColorString('#111111');
const DRONE_OUTLINE = Color.fromCssColorString('#00e5ff');
/** The model is 0.6 m across: at city scale it is drawn at least this big, so it can be seen and picked. */
const DRONE_MINIMUM_PIXEL_SIZE = 40;

/**
 * Runs or stops Cesium's clock at the chosen speed; while it runs, every tick draws a frame (the viewer renders
 * on request only). The disposer stops the clock again, so the lighting stays put when the layer goes.
 */
function runFlightClock(
  viewer: Viewer,
  playing: boolean,
  speed: number,
  reportMinute: (isoTime: string) => void,
): () => void {
  const { clock, scene } = viewer;
  clock.multiplier = speed;
  clock.shouldAnimate = playing;
  scene.requestRender();
  const report = () => {
    const date = JulianDate.toDate(clock.currentTime);
    date.setUTCSeconds(0, 0);
    reportMinute(date.toISOString());
  };
  report();
  const removeListener = playing
    ? clock.onTick.addEventListener(() => {
        scene.requestRender();
        report();
      })
    : undefined;
  return () => {
    removeListener?.();
    if (!viewer.isDestroyed()) clock.shouldAnimate = false;
  };
}

/** The drone model once it is built (undefined until then, and if building it failed: the point stands in). */
function useDroneModelUri(): string | undefined {
  const [uri, setUri] = useState<string | undefined>();
  useEffect(() => {
    let current = true;
    loadDroneModelUri().then(
      (loaded) => current && setUri(loaded),
      (error: unknown) => console.error('Drohnenmodell nicht erzeugt:', error),
    );
    return () => {
      current = false;
    };
  }, []);
  return uri;
}

/**
 * Where the drone of `path` is at a Cesium time; the position and the orientation callbacks of one frame share one
 * computation.
 */
function createFlightSampler(path: FlightPath, departure: () => JulianDate) {
  let lastTime: JulianDate | undefined;
  let last: FlightPosition | undefined;
  return (time: JulianDate | undefined): FlightPosition => {
    if (last && time && lastTime && JulianDate.equals(time, lastTime)) return last;
    const seconds = time ? JulianDate.secondsDifference(time, departure()) : 0;
    last = flightPositionAt(path, seconds, 'shuttle');
    lastTime = time && JulianDate.clone(time, lastTime);
    return last;
  };
}

/**
 * A drone flying back and forth along each corridor at cruise speed, in the simulated time of Cesium's clock
 * (play, pause and speed from the store), shown while the corridor is in operation at the clock's time: a quadcopter
 * model (`domain/corridors/droneModel`) facing the direction of flight. Position and heading are computed per frame
 * in callbacks, outside React. The viewer's container carries `data-drone-models` (how many drones are drawn as
 * models) once the model is in use.
 */
export function DroneFlights() {
  const { t } = useTranslation();
  const { viewer } = useCesium();
  const language = useTwinStore((state) => state.view.language);
  const modelUri = useDroneModelUri();
  const corridors = useTwinStore((state) => state.corridors);
  const playing = useTwinStore((state) => state.flightPlaying);
  const speed = useTwinStore((state) => state.flightSpeed);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const reportFlightClock = useTwinStore((state) => state.reportFlightClock);
  const clockTime = useTwinStore((state) => state.flightClockTime);
  const clockDate = clockTime === undefined ? undefined : new Date(clockTime);
  // Departure of every flight: the clock's time when the layer first showed.
  const departure = useRef<JulianDate | undefined>(undefined);

  useEffect(
    () => (viewer ? runFlightClock(viewer, playing, speed, reportFlightClock) : undefined),
    [viewer, playing, speed, reportFlightClock],
  );

  const drones = useMemo(() => {
    if (!viewer) return [];
    return corridors.map((corridor) => {
      const sample = createFlightSampler(
        createFlightPath(corridor),
        () => (departure.current ??= JulianDate.clone(viewer.clock.currentTime)),
      );
      const position = new CallbackPositionProperty((time, result) => {
        const at = sample(time);
        return Cartesian3.fromDegrees(
          at.longitudeDegrees,
          at.latitudeDegrees,
          displayHeightMeters(at.heightMeters, ground),
          undefined,
          result,
        );
      }, false);
      const scratchPosition = new Cartesian3();
      const orientation = new CallbackProperty((time, result) => {
        const at = sample(time);
        const here = Cartesian3.fromDegrees(
          at.longitudeDegrees,
          at.latitudeDegrees,
          displayHeightMeters(at.heightMeters, ground),
          undefined,
          scratchPosition,
        );
        return droneOrientationAt(here, at.headingDegrees, result as Quaternion | undefined);
      }, false);
      return { corridor, position, orientation };
    });
  }, [viewer, corridors, ground]);

  const modelCount = modelUri ? drones.length : 0;
  useEffect(() => {
    const container = viewer?.container as HTMLElement | undefined;
    if (!container || modelCount === 0) return undefined;
    container.setAttribute('data-drone-models', String(modelCount));
    return () => container.removeAttribute('data-drone-models');
  }, [viewer, modelCount]);

  return drones.map(({ corridor, position, orientation }) => {
    const show = clockDate === undefined || isOperatingAt(corridor.operatingHours, clockDate);
    const name = localize(corridor.name, language);
    return (
      <Entity
        key={corridor.id}
        id={`${DRONE_ENTITY_PREFIX}${corridor.id}`}
        name={t('corridors.drone.name', { name })}
        description={t('corridors.drone.description', {
          name,
          speed: corridor.cruiseSpeedMetersPerSecond,
        })}
        position={position}
        orientation={orientation}
      >
        {modelUri ? (
          <ModelGraphics
            uri={modelUri}
            show={show}
            minimumPixelSize={DRONE_MINIMUM_PIXEL_SIZE}
            silhouetteColor={DRONE_OUTLINE}
            silhouetteSize={1.5}
          />
        ) : (
          <PointGraphics
            show={show}
            pixelSize={10}
            color={DRONE_COLOR}
            outlineColor={DRONE_OUTLINE}
            outlineWidth={3}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        )}
      </Entity>
    );
  });
}
