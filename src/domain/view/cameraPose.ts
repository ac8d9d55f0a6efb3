import { z } from 'zod';

/** Where the camera is and where it looks: plain numbers, so a view can live in a URL or a storyboard. */
export const cameraPoseSchema = z
  .object({
    longitudeDegrees: z.number().min(-180).max(180),
    latitudeDegrees: z.number().min(-90).max(90),
    heightMeters: z.number().min(1).max(50_000_000),
    headingDegrees: z.number().min(0).lt(360),
    pitchDegrees: z.number().min(-90).max(90),
  })
  .strict();

export type CameraPose = z.output<typeof cameraPoseSchema>;

/** Brings any angle into [0, 360). */
export function normalizeHeadingDegrees(headingDegrees: number): number {
  const wrapped = headingDegrees % 360;
  return wrapped < 0 ? wrapped + 360 : wrapped;
}

/** Over the Prinzipalmarkt looking north; used only when the overview scene cannot be read. */
export const MUENSTER_FALLBACK_CAMERA: CameraPose = {
  longitudeDegrees: 7.6283,
  latitudeDegrees: 51.9544,
  heightMeters: 600,
  headingDegrees: 0,
  pitchDegrees: -35,
};
