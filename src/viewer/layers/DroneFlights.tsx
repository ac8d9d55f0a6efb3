import { CallbackPositionProperty, Cartesian3, Color, JulianDate, type Viewer } from 'cesium';
import { useEffect, useMemo, useRef } from 'react';
import { Entity, PointGraphics, useCesium } from 'resium';
import { displayGroundOf, displayHeightMeters } from '../../domain/corridors/corridorDisplay';
import { createFlightPath, flightPositionAt } from '../../domain/corridors/flightSimulation';
import { isOperatingAt } from '../../domain/corridors/operatingHours';
import { useTwinStore } from '../../store/StoreContext';

const DRONE_COLOR = Color.fromCssColorString('#111111');
const DRONE_OUTLINE = Color.fromCssColorString('#00e5ff');

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

/**
 * A drone flying back and forth along each corridor at cruise speed, in the simulated time of Cesium's clock
 * (play, pause and speed from the store), shown while the corridor is in operation at the clock's time. Positions are computed per frame in a callback, outside React.
 */
export function DroneFlights() {
  const { viewer } = useCesium();
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
      const path = createFlightPath(corridor);
      const position = new CallbackPositionProperty((time, result) => {
        const start = (departure.current ??= JulianDate.clone(viewer.clock.currentTime));
        const seconds = time ? JulianDate.secondsDifference(time, start) : 0;
        const at = flightPositionAt(path, seconds, 'shuttle');
        return Cartesian3.fromDegrees(
          at.longitudeDegrees,
          at.latitudeDegrees,
          displayHeightMeters(at.heightMeters, ground),
          undefined,
          result,
        );
      }, false);
      return { id: corridor.id, position, hours: corridor.operatingHours };
    });
  }, [viewer, corridors, ground]);

  return drones.map((drone) => (
    <Entity key={drone.id} id={`corridor-drone:${drone.id}`} position={drone.position}>
      <PointGraphics
        show={clockDate === undefined || isOperatingAt(drone.hours, clockDate)}
        pixelSize={10}
        color={DRONE_COLOR}
        outlineColor={DRONE_OUTLINE}
        outlineWidth={3}
        disableDepthTestDistance={Number.POSITIVE_INFINITY}
      />
    </Entity>
  ));
}
