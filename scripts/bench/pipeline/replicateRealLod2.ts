// The real NRW LoD2 tiles are 13 files, 1,054 buildings: a run of them is over in a second, most of which is Node
// starting and the JIT warming up, so it says little about converting a city. This writes shifted copies of the
// same files (real geometry, real attributes, real file layout), to measure the pipeline on real buildings at a
// city's scale.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** Each copy lies this far north of the previous one: more than the 33 km the real tiles span, inside UTM 32. */
export const COPY_SHIFT_NORTH_METERS = 40_000;

const COORDINATES = /(<gml:(?:posList|pos|lowerCorner|upperCorner)\b([^>]*)>)([^<]*)</g;
const DIMENSION = /srsDimension="(\d)"/;

/** Adds `meters` (whole) to a decimal number as written, keeping its digits after the point. */
function shiftNumber(text: string, meters: number): string {
  const point = text.indexOf('.');
  if (point < 0) return String(Number(text) + meters);
  return `${Number(text.slice(0, point)) + meters}${text.slice(point)}`;
}

/**
 * One copy of a CityGML file's text: every gml:id (and every reference to one) prefixed with `prefix`, every
 * coordinate moved `northMeters` north. Other text stays as it was.
 */
export function shiftedCityGmlCopy(text: string, prefix: string, northMeters: number): string {
  return text
    .replaceAll('gml:id="', `gml:id="${prefix}`)
    .replaceAll('xlink:href="#', `xlink:href="#${prefix}`)
    .replace(COORDINATES, (_match, open: string, attributes: string, list: string) => {
      const dimension = Number(DIMENSION.exec(attributes)?.[1] ?? 3);
      let position = 0;
      const shifted = list.replace(/\S+/g, (number) =>
        position++ % dimension === 1 ? shiftNumber(number, northMeters) : number,
      );
      return `${open}${shifted}<`;
    });
}

/** Writes `copies` shifted copies of each file into `folder`; returns the files and their bytes. */
export function writeShiftedCopies(
  files: readonly string[],
  copies: number,
  folder: string,
): { files: string[]; bytes: number } {
  mkdirSync(folder, { recursive: true });
  const written: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let copy = 0; copy < copies; copy++) {
      const output = join(folder, `copy${copy}_${basename(file)}`);
      const shifted = shiftedCityGmlCopy(text, `copy${copy}_`, copy * COPY_SHIFT_NORTH_METERS);
      writeFileSync(output, shifted);
      bytes += Buffer.byteLength(shifted);
      written.push(output);
    }
  }
  return { files: written, bytes };
}
