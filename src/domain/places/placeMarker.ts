/**
 * How a place of the overview scene is drawn: a blue map pin, a shape and colour that no sensor uses (sensors are
 * round dots in green, amber, red, grey, signal or lamp colours), so a place is never taken for a sensor in alert.
 * The same image serves the 3D view (a billboard) and the legend in the panels.
 */
export const PLACE_MARKER_COLOR = '#1d4f91';

const PIN_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="34" viewBox="0 0 24 34">' +
  `<path d="M12 32.5C12 32.5 1.5 19 1.5 11.5a10.5 10.5 0 0 1 21 0C22.5 19 12 32.5 12 32.5z" fill="${PLACE_MARKER_COLOR}" stroke="#fff" stroke-width="2"/>` +
  '<circle cx="12" cy="11.5" r="4" fill="#fff"/></svg>';

/** The pin as a data URL (the Content-Security-Policy allows data: images). */
export const PLACE_MARKER_IMAGE = `data:image/svg+xml,${encodeURIComponent(PIN_SVG)}`;
/** The pin's size in CSS pixels; its tip is at the bottom centre. */
export const PLACE_MARKER_SIZE = { width: 24, height: 34 } as const;
