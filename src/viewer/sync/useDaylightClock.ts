import { JulianDate, type Viewer } from 'cesium';
import { useEffect } from 'react';

/** 11:00 UTC, around noon in Münster (UTC+1 in winter, +2 in summer): roofs lit from the south. */
const LATE_MORNING_UTC_HOURS = 11;

/**
 * Lights the model by the sun of today's late morning rather than of the current instant, so a planner working
 * in the evening does not see black roofs. The sun-and-shadow tools of planning scenarios will set the time.
 */
export function useDaylightClock(viewer: Viewer | undefined): void {
  useEffect(() => {
    if (!viewer) return;
    const today = new Date();
    today.setUTCHours(LATE_MORNING_UTC_HOURS, 0, 0, 0);
    viewer.clock.currentTime = JulianDate.fromDate(today);
    viewer.clock.shouldAnimate = false;
    viewer.scene.requestRender();
  }, [viewer]);
}
