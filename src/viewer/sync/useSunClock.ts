import { JulianDate, type Viewer } from 'cesium';
import { useEffect, useRef } from 'react';

/** 11:00 UTC, around noon in Münster: the default daylight (as useDaylightClock sets at start). */
const LATE_MORNING_UTC_HOURS = 11;

/**
 * Drives Cesium's clock from the view's sun time (`view.sunTime`, UTC ISO) and lights the globe by that sun;
 * without a sun time the default daylight returns. Shadows follow `view.shadows` (choosing a time turns them on).
 */
export function useSunClock(viewer: Viewer | undefined, sunTime: string | undefined): void {
  const wasSet = useRef(false);
  useEffect(() => {
    if (!viewer || viewer.isDestroyed()) return;
    if (sunTime !== undefined) {
      viewer.clock.currentTime = JulianDate.fromDate(new Date(sunTime));
      viewer.scene.globe.enableLighting = true;
      wasSet.current = true;
    } else if (wasSet.current) {
      const today = new Date();
      today.setUTCHours(LATE_MORNING_UTC_HOURS, 0, 0, 0);
      viewer.clock.currentTime = JulianDate.fromDate(today);
      viewer.scene.globe.enableLighting = false;
      wasSet.current = false;
    }
    viewer.clock.shouldAnimate = false;
    viewer.scene.requestRender();
  }, [viewer, sunTime]);
}
