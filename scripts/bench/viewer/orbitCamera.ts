import type { Page } from '@playwright/test';

/** A rectangle on the page, in CSS pixels. */
export interface PageBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One back-and-forth sweep takes this long; the pointer's position depends on time only, not on frame rate. */
const SWEEP_SECONDS = 10;
/** Cesium turns about 1.77 turns per canvas width of tilt drag, so ±28 % of the width is about ±180°. */
const AMPLITUDE_SHARE_OF_WIDTH = 0.28;
const POINTER_STEP_MILLISECONDS = 16;

/**
 * Orbits the camera around the point in the middle of the view by a middle-button drag on the canvas (Cesium's
 * tilt gesture; sideways it turns the heading about that point), the same input for the app and the plain page.
 * The pointer follows a sine in time, so both pages see the same path however fast they draw.
 */
export async function orbitByMiddleDrag(page: Page, canvas: PageBox, seconds: number): Promise<void> {
  const centreX = canvas.x + canvas.width / 2;
  const centreY = canvas.y + canvas.height / 2;
  const amplitude = canvas.width * AMPLITUDE_SHARE_OF_WIDTH;
  await page.mouse.move(centreX, centreY);
  await page.mouse.down({ button: 'middle' });
  const started = performance.now();
  for (;;) {
    const elapsedSeconds = (performance.now() - started) / 1000;
    if (elapsedSeconds >= seconds) break;
    const x = centreX + amplitude * Math.sin((2 * Math.PI * elapsedSeconds) / SWEEP_SECONDS);
    await page.mouse.move(x, centreY);
    const nextStep =
      started +
      Math.ceil((performance.now() - started + 1) / POINTER_STEP_MILLISECONDS) * POINTER_STEP_MILLISECONDS;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, nextStep - performance.now())));
  }
  await page.mouse.up({ button: 'middle' });
}
