import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alkisBuildingFunctionLabel } from './alkisBuildingFunctions';
import { roofTypeLabel } from './roofTypes';

describe('alkisBuildingFunctionLabel', () => {
  it.each([
    ['31001_1000', 'Wohngebäude'],
    ['31001_1010', 'Wohnhaus'],
    ['31001_2000', 'Gebäude für Wirtschaft oder Gewerbe'],
    ['31001_2463', 'Garage'],
    ['31001_3000', 'Gebäude für öffentliche Zwecke'],
    ['51009_1611', 'Carport'],
  ])('%s is %s', (code, label) => {
    expect(alkisBuildingFunctionLabel(code)).toBe(label);
  });

  it('knows nothing of unknown codes or object keys', () => {
    expect(alkisBuildingFunctionLabel('31001_0000')).toBeUndefined();
    expect(alkisBuildingFunctionLabel('1010')).toBeUndefined();
    expect(alkisBuildingFunctionLabel('constructor')).toBeUndefined();
  });
});

describe('roofTypeLabel', () => {
  it('labels gable and flat roofs in German and English', () => {
    expect(roofTypeLabel('3100')).toEqual({ de: 'Satteldach', en: 'gabled roof' });
    expect(roofTypeLabel('1000')).toEqual({ de: 'Flachdach', en: 'flat roof' });
    expect(roofTypeLabel('9999')?.de).toBe('Sonstiges');
  });

  it('knows nothing of unknown codes', () => {
    expect(roofTypeLabel('3101')).toBeUndefined();
    expect(roofTypeLabel('toString')).toBeUndefined();
  });
});

const sharedData = fileURLToPath(new URL('../../../../../shared/data/', import.meta.url));
const hasRealData = existsSync(sharedData);
if (!hasRealData) console.log(`Label coverage of real tiles skipped: ${sharedData} does not exist.`);

describe.skipIf(!hasRealData)('labels cover the real NRW tiles', () => {
  const codesOf = (element: string): Set<string> => {
    const codes = new Set<string>();
    for (const folder of ['citygml-muenster-lod2', 'citygml-nrw-lod2']) {
      for (const name of readdirSync(`${sharedData}${folder}`)) {
        const text = readFileSync(`${sharedData}${folder}/${name}`, 'utf8');
        const open = `<bldg:${element}>`;
        for (let at = text.indexOf(open); at >= 0; at = text.indexOf(open, at + 1)) {
          codes.add(text.slice(at + open.length, text.indexOf('<', at + open.length)).trim());
        }
      }
    }
    return codes;
  };

  it('has a label for every bldg:function code in them', () => {
    const codes = [...codesOf('function')];
    expect(codes.length).toBeGreaterThan(10);
    expect(codes.filter((code) => alkisBuildingFunctionLabel(code) === undefined)).toEqual([]);
  });

  it('has a label for every bldg:roofType code in them', () => {
    const codes = [...codesOf('roofType')];
    expect(codes.filter((code) => roofTypeLabel(code) === undefined)).toEqual([]);
  });
});
