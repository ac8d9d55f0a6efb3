import type { OutputSizes } from './measureOutputFolder';

/** Which kind of input a run converted; it decides the goals the figures are held against. */
export type TilerInputKind = 'footprints' | 'lod2';

/** The figures of one tiler run on one input, each measured in the tiler's own fresh process. */
export interface TilerRun {
  label: string;
  inputKind: TilerInputKind;
  inputBytes: number;
  buildings: number;
  buildingsSkipped: number;
  /** The tiler's own time from reading the first file to the written tileset (no Node start-up). */
  tilerSeconds: number;
  /** From spawning the process to its exit, seen from the bench: what a user waits for. */
  wallSeconds: number;
  cpuSeconds: number;
  peakRssMegabytes: number;
  output: OutputSizes;
}

/** A run that produced figures, or the reason it could not. */
export type TilerOutcome = { ok: true; run: TilerRun } | { ok: false; label: string; reason: string };

/** The last lines of a process's output, to explain a failure in a few lines. */
export function tailOf(text: string, lineCount = 6): string {
  return text.trim().split('\n').slice(-lineCount).join('\n');
}
