/**
 * The hot loop of the reader: numbers out of `gml:posList` / `gml:pos` text, and rings out of those numbers.
 * Numbers are scanned character by character (no regex, no split) into one flat array, so that no object is made
 * per coordinate until the ring is known to be valid.
 */
import type { Point3 } from '../buildingModel';

const SPACE = 32;
const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const DIGIT_ZERO = 48;
const DIGIT_NINE = 57;
/** Up to 15 significant digits the mantissa is an exact integer, so one division rounds correctly. */
const MAX_FAST_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: MAX_FAST_DIGITS + 1 }, (_, exponent) => 10 ** exponent);

function isWhitespace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === TAB || code === CARRIAGE_RETURN;
}

/**
 * Appends every whitespace-separated number of `text` to `target`; returns how many were appended (NaN for junk).
 * Plain decimals take Clinger's fast path (integer mantissa / exact power of ten, which IEEE rounds correctly, so
 * the result equals `Number(token)`); exponents, long mantissas and junk fall back to `Number`, about 2.5 times
 * slower on LoD2 tiles.
 */
export function appendCoordinates(text: string, target: number[]): number {
  const length = text.length;
  let appended = 0;
  let index = 0;
  while (index < length) {
    let code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      index += 1;
      continue;
    }
    const start = index;
    const negative = code === MINUS;
    if (negative || code === PLUS) code = text.charCodeAt(++index);
    let mantissa = 0;
    let digits = 0;
    let fractionDigits = -1;
    while (index < length) {
      if (code >= DIGIT_ZERO && code <= DIGIT_NINE) {
        mantissa = mantissa * 10 + (code - DIGIT_ZERO);
        digits += 1;
        if (fractionDigits >= 0) fractionDigits += 1;
      } else if (code === DOT && fractionDigits < 0) {
        fractionDigits = 0;
      } else {
        break;
      }
      code = text.charCodeAt(++index);
    }
    if (index < length && !isWhitespace(code)) {
      // An exponent or junk: let Number judge the whole token (junk becomes NaN, never a prefix of it).
      while (index < length && !isWhitespace(text.charCodeAt(index))) index += 1;
      target.push(Number(text.slice(start, index)));
    } else if (digits === 0 || digits > MAX_FAST_DIGITS) {
      target.push(Number(text.slice(start, index)));
    } else {
      const value = mantissa / POWERS_OF_TEN[fractionDigits < 0 ? 0 : fractionDigits]!;
      target.push(negative ? -value : value);
    }
    appended += 1;
  }
  return appended;
}

/** Why a ring was dropped. */
export type RingProblem = 'non-finite-coordinates' | 'degenerate-ring';

/** A ring as the model wants it, or the reason it cannot be one. */
export type RingResult = { points: Point3[] } | { problem: RingProblem };

/**
 * Turns flat x, y, z triples into a ring without its closing point. Rings with a non-finite coordinate or fewer
 * than three distinct points are refused; planarity and self-intersection are the geometry stage's business.
 */
export function ringFromCoordinates(coordinates: readonly number[]): RingResult {
  let pointCount = Math.floor(coordinates.length / 3);
  for (let index = 0; index < pointCount * 3; index += 1) {
    if (!Number.isFinite(coordinates[index])) return { problem: 'non-finite-coordinates' };
  }
  // GML repeats the first point at the end; the model does not.
  if (pointCount > 1 && samePoint(coordinates, 0, pointCount - 1)) pointCount -= 1;
  if (!hasThreeDistinctPoints(coordinates, pointCount)) return { problem: 'degenerate-ring' };
  const points: Point3[] = new Array<Point3>(pointCount);
  for (let point = 0; point < pointCount; point += 1) {
    const offset = point * 3;
    points[point] = [coordinates[offset]!, coordinates[offset + 1]!, coordinates[offset + 2]!];
  }
  return { points };
}

function samePoint(coordinates: readonly number[], first: number, second: number): boolean {
  const a = first * 3;
  const b = second * 3;
  return (
    coordinates[a] === coordinates[b] &&
    coordinates[a + 1] === coordinates[b + 1] &&
    coordinates[a + 2] === coordinates[b + 2]
  );
}

/** Linear: find a second point different from the first, then a third different from both. */
function hasThreeDistinctPoints(coordinates: readonly number[], pointCount: number): boolean {
  let second = 1;
  while (second < pointCount && samePoint(coordinates, 0, second)) second += 1;
  for (let third = second + 1; third < pointCount; third += 1) {
    if (!samePoint(coordinates, 0, third) && !samePoint(coordinates, second, third)) return true;
  }
  return false;
}
