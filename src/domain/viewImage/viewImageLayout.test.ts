import { describe, expect, it } from 'vitest';
import {
  layoutViewImage,
  viewImageFileName,
  wrapText,
  type DrawOperation,
  type MeasureText,
  type ViewImageContent,
} from './viewImageLayout';

/** Every character is half as wide as the font is tall (a monospaced stand-in for canvas measureText). */
const measure: MeasureText = (text, font) => text.length * Number(/(\d+)px/.exec(font)![1]) * 0.5;
const FONT = 'normal 10px sans-serif';

const texts = (operations: DrawOperation[]) =>
  operations.filter(
    (operation): operation is Extract<DrawOperation, { kind: 'text' }> => operation.kind === 'text',
  );

function content(legendCount: number): ViewImageContent {
  return {
    title: 'York-Quartier: drei Varianten im Vergleich',
    subtitleLines: ['Exportiert am 27. November 2026, 06:15 MEZ', 'Sonnenstand: 21. Juni 2026, 12:00 MESZ'],
    legends: Array.from({ length: legendCount }, (_, index) => ({
      title: `Legende ${index + 1}`,
      entries: Array.from({ length: index + 2 }, (__, entry) => ({
        label: `Klasse ${entry + 1} mit einer längeren Beschreibung, die umbricht`,
        color: '#1a9850',
        symbol: 'square' as const,
      })),
    })),
    sourcesTitle: 'Datenquellen und Lizenzen',
    sources: [
      'Natural Earth II, mitgeliefert mit CesiumJS (gemeinfrei)',
      '© OpenStreetMap contributors (ODbL)',
    ],
    linkTitle: 'Link zu dieser Ansicht',
    link: `http://localhost:4173/?camera=7.6261,51.9607,1200,0,-45&layers=buildings,sensors&story=york&step=2&x=${'a'.repeat(300)}`,
  };
}

describe('wrapText', () => {
  it('breaks at spaces so that every line fits', () => {
    const lines = wrapText('eins zwei drei vier fünf sechs sieben', 60, FONT, measure);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(measure(line, FONT)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('eins zwei drei vier fünf sechs sieben');
  });

  it('cuts a word wider than the line (a link) into pieces that fit and keep every character', () => {
    const link = 'http://localhost/?camera=7.62,51.96,1200&layers=buildings';
    const lines = wrapText(link, 100, FONT, measure);
    expect(lines.length).toBe(Math.ceil(link.length / 20));
    for (const line of lines) expect(measure(line, FONT)).toBeLessThanOrEqual(100);
    expect(lines.join('')).toBe(link);
  });

  it('returns one empty line for an empty text', () => {
    expect(wrapText('', 100, FONT, measure)).toEqual(['']);
  });
});

describe('layoutViewImage', () => {
  it('puts title and date above the map, the legends, sources and link below, all inside the margins', () => {
    const layout = layoutViewImage(content(3), { width: 1280, height: 720 }, measure);
    const map = layout.operations.find((operation) => operation.kind === 'map')!;
    expect(map).toMatchObject({ x: 0, width: 1280, height: 720 });
    const lines = texts(layout.operations);
    const above = lines.filter((line) => line.y < map.y);
    expect(above.map((line) => line.text)).toEqual([
      'York-Quartier: drei Varianten im Vergleich',
      'Exportiert am 27. November 2026, 06:15 MEZ',
      'Sonnenstand: 21. Juni 2026, 12:00 MESZ',
    ]);
    const below = lines.filter((line) => line.y >= map.y + map.height);
    expect(below.map((line) => line.text)).toEqual(
      expect.arrayContaining([
        'Legende 1',
        'Legende 3',
        'Datenquellen und Lizenzen',
        'Link zu dieser Ansicht',
      ]),
    );
    for (const line of lines) {
      expect(line.x).toBeGreaterThanOrEqual(24);
      expect(line.x + measure(line.text, line.font)).toBeLessThanOrEqual(layout.width - 24);
      expect(line.y + 18).toBeLessThanOrEqual(layout.height);
    }
    expect(layout.operations[0]).toEqual({
      kind: 'fill',
      color: '#ffffff',
      x: 0,
      y: 0,
      width: 1280,
      height: layout.height,
    });
  });

  it('flows legend blocks into columns and starts a new row below the tallest block', () => {
    // 720 px wide: two columns of 240 px fit beside each other, the third legend goes to the next row.
    const layout = layoutViewImage(content(3), { width: 600, height: 400 }, measure);
    expect(layout.width).toBe(720);
    const lines = texts(layout.operations);
    const heading = (title: string) => lines.find((line) => line.text === title)!;
    expect(heading('Legende 1').y).toBe(heading('Legende 2').y);
    expect(heading('Legende 2').x).toBeGreaterThan(heading('Legende 1').x + 240);
    expect(heading('Legende 3').x).toBe(heading('Legende 1').x);
    const secondBlockBottom = Math.max(
      ...lines
        .filter((line) => line.x > heading('Legende 2').x - 1 && line.y < heading('Legende 3').y)
        .map((line) => line.y),
    );
    expect(heading('Legende 3').y).toBeGreaterThan(secondBlockBottom);
    // The narrower map is centred on the wider image.
    expect(layout.operations.find((operation) => operation.kind === 'map')).toMatchObject({ x: 60 });
  });

  it('places each legend symbol beside its label', () => {
    const layout = layoutViewImage(content(1), { width: 1280, height: 720 }, measure);
    const symbols = layout.operations.filter((operation) => operation.kind === 'symbol');
    expect(symbols).toHaveLength(2);
    const labels = texts(layout.operations).filter((line) => line.text.startsWith('Klasse'));
    for (const [index, symbol] of symbols.entries()) {
      expect(labels[index]!.x).toBeGreaterThan(symbol.x + symbol.size);
      expect(Math.abs(labels[index]!.y - symbol.y)).toBeLessThan(18);
    }
  });

  it('grows with more legends and skips the legend area when there is none', () => {
    const none = layoutViewImage(content(0), { width: 1280, height: 720 }, measure);
    const many = layoutViewImage(content(6), { width: 1280, height: 720 }, measure);
    expect(many.height).toBeGreaterThan(none.height);
    expect(texts(none.operations).some((line) => line.text.startsWith('Legende'))).toBe(false);
  });

  it('scales text and margins with the map’s pixel ratio', () => {
    const single = layoutViewImage(content(2), { width: 1280, height: 720 }, measure, 1);
    const double = layoutViewImage(content(2), { width: 2560, height: 1440 }, measure, 2);
    expect(texts(double.operations)[0]!.font).toContain('52px');
    expect(double.height).toBeCloseTo(single.height * 2, -1);
  });
});

describe('viewImageFileName', () => {
  it('names the file after the local date and time, sortable', () => {
    expect(viewImageFileName(new Date(2026, 10, 7, 6, 5))).toBe('muenster-twin-2026-11-07-0605.png');
  });
});
