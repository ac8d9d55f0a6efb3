import type { LegendSymbol } from './viewLegends';

/**
 * Where everything goes on the image of the view for the minutes (issue #8): title, date, the map, the legends of
 * the visible layers, the data sources with their licences and the link that restores the view. Pure: text is
 * measured by the function the caller passes (a 2D canvas's `measureText` in the browser, a fake in tests), and
 * the result is a list of drawing operations a canvas carries out one by one.
 */

/** Width of a text in the given CSS font, in pixels. */
export type MeasureText = (text: string, font: string) => number;

/** What the image says, already translated. */
export interface ViewImageContent {
  title: string;
  /** Lines under the title: date and time of the export, the sun time if set. */
  subtitleLines: readonly string[];
  legends: readonly {
    title: string;
    entries: readonly { label: string; color: string; symbol: LegendSymbol }[];
  }[];
  sourcesTitle: string;
  sources: readonly string[];
  linkTitle: string;
  link: string;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Text is drawn with its top at `y` (`textBaseline = 'top'`). */
export type DrawOperation =
  | ({ kind: 'fill'; color: string } & Rect)
  | ({ kind: 'map' } & Rect)
  | { kind: 'text'; text: string; x: number; y: number; font: string; color: string }
  | { kind: 'symbol'; symbol: LegendSymbol; color: string; x: number; y: number; size: number };

export interface ViewImageLayout {
  width: number;
  height: number;
  operations: DrawOperation[];
}

const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
const BACKGROUND = '#ffffff';
const TEXT_COLOR = '#1a1a1a';
const MUTED_COLOR = '#4a4a4a';
/** Sizes in CSS pixels at scale 1. */
const SIZES = {
  margin: 24,
  gap: 16,
  minimumWidth: 720,
  legendColumnWidth: 240,
  symbol: 14,
  symbolGap: 8,
  title: { size: 26, line: 32, weight: 'bold' },
  subtitle: { size: 15, line: 20, weight: 'normal' },
  heading: { size: 15, line: 20, weight: 'bold' },
  body: { size: 13, line: 18, weight: 'normal' },
} as const;

type TextStyle = { size: number; line: number; weight: string };

function fontOf(style: TextStyle, scale: number): string {
  return `${style.weight} ${Math.round(style.size * scale)}px ${FONT_FAMILY}`;
}

/**
 * Breaks a text into lines no wider than `maxWidth`: at spaces where possible, inside a word (a long link) only
 * where the word alone is too wide. Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, font: string, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  const fits = (candidate: string) => measure(candidate, font) <= maxWidth;
  for (const word of text.split(/\s+/).filter((part) => part.length > 0)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    // A word wider than the line on its own is cut where it no longer fits (at least one character per line).
    while (!fits(rest)) {
      let cut = 1;
      while (cut < rest.length && fits(rest.slice(0, cut + 1))) cut += 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Lays out the image: title and subtitle lines on top, the map (at its own pixel size, centred), then the legends
 * in columns, the sources and the link. `scale` is the map's device pixels per CSS pixel, so text keeps its size
 * beside a high-resolution map.
 */
export function layoutViewImage(
  content: ViewImageContent,
  map: { width: number; height: number },
  measure: MeasureText,
  scale = 1,
): ViewImageLayout {
  const margin = SIZES.margin * scale;
  const gap = SIZES.gap * scale;
  const width = Math.max(map.width, Math.round(SIZES.minimumWidth * scale));
  const textWidth = width - 2 * margin;
  const operations: DrawOperation[] = [{ kind: 'fill', color: BACKGROUND, x: 0, y: 0, width, height: 0 }];
  let y = margin;

  const writeLines = (text: string, style: TextStyle, x: number, maxWidth: number, color: string) => {
    const font = fontOf(style, scale);
    for (const line of wrapText(text, maxWidth, font, measure)) {
      operations.push({ kind: 'text', text: line, x, y, font, color });
      y += style.line * scale;
    }
  };

  writeLines(content.title, SIZES.title, margin, textWidth, TEXT_COLOR);
  for (const line of content.subtitleLines) writeLines(line, SIZES.subtitle, margin, textWidth, MUTED_COLOR);
  y += gap;

  operations.push({
    kind: 'map',
    x: Math.round((width - map.width) / 2),
    y,
    width: map.width,
    height: map.height,
  });
  y += map.height + gap;

  y = layoutLegends(content.legends, { margin, gap, textWidth, scale, top: y }, operations, measure);

  writeLines(content.sourcesTitle, SIZES.heading, margin, textWidth, TEXT_COLOR);
  for (const source of content.sources) writeLines(source, SIZES.body, margin, textWidth, TEXT_COLOR);
  y += gap / 2;
  writeLines(content.linkTitle, SIZES.heading, margin, textWidth, TEXT_COLOR);
  writeLines(content.link, SIZES.body, margin, textWidth, TEXT_COLOR);

  const height = Math.ceil(y + margin);
  operations[0] = { kind: 'fill', color: BACKGROUND, x: 0, y: 0, width, height };
  return { width, height, operations };
}

/** Legend blocks flow left to right in columns of equal width, row by row; returns the y below the last row. */
function layoutLegends(
  legends: ViewImageContent['legends'],
  frame: { margin: number; gap: number; textWidth: number; scale: number; top: number },
  operations: DrawOperation[],
  measure: MeasureText,
): number {
  const { margin, gap, textWidth, scale } = frame;
  const columnWidth = SIZES.legendColumnWidth * scale;
  const columns = Math.max(1, Math.floor((textWidth + gap) / (columnWidth + gap)));
  const symbolSize = SIZES.symbol * scale;
  const labelIndent = symbolSize + SIZES.symbolGap * scale;
  const headingFont = fontOf(SIZES.heading, scale);
  const bodyFont = fontOf(SIZES.body, scale);
  let rowTop = frame.top;
  let rowBottom = frame.top;
  legends.forEach((legend, index) => {
    const column = index % columns;
    if (column === 0 && index > 0) rowTop = rowBottom + gap;
    const x = margin + column * (columnWidth + gap);
    let y = rowTop;
    for (const line of wrapText(legend.title, columnWidth, headingFont, measure)) {
      operations.push({ kind: 'text', text: line, x, y, font: headingFont, color: TEXT_COLOR });
      y += SIZES.heading.line * scale;
    }
    for (const entry of legend.entries) {
      const lineHeight = SIZES.body.line * scale;
      operations.push({
        kind: 'symbol',
        symbol: entry.symbol,
        color: entry.color,
        x,
        y: y + (lineHeight - symbolSize) / 2,
        size: symbolSize,
      });
      for (const line of wrapText(entry.label, columnWidth - labelIndent, bodyFont, measure)) {
        operations.push({
          kind: 'text',
          text: line,
          x: x + labelIndent,
          y,
          font: bodyFont,
          color: TEXT_COLOR,
        });
        y += lineHeight;
      }
    }
    rowBottom = Math.max(rowBottom, y);
  });
  return legends.length > 0 ? rowBottom + gap : frame.top;
}

/** `muenster-twin-2026-11-27-0615.png`: the local date and time of the export, sortable. */
export function viewImageFileName(exportedAt: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const date = `${exportedAt.getFullYear()}-${pad(exportedAt.getMonth() + 1)}-${pad(exportedAt.getDate())}`;
  return `muenster-twin-${date}-${pad(exportedAt.getHours())}${pad(exportedAt.getMinutes())}.png`;
}
