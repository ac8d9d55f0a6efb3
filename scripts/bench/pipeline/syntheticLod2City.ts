import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  cityGmlBuilding,
  cityGmlFooter,
  cityGmlHeader,
} from '../../../src/domain/buildings/citygml/writeCityGml';
import type { GeneratedFootprintFeature } from '../../../src/domain/buildings/generator/generateMuensterCity';
import { syntheticLod2Building } from './syntheticLod2Building';

const TILE_METERS = 1000;
/** Text is gathered into writes of about this many characters: one system call per few hundred buildings. */
const WRITE_CHUNK_CHARACTERS = 1 << 20;

/** What was written: one file per 1 km tile. */
export interface WrittenLod2City {
  files: string[];
  buildings: number;
  bytes: number;
}

/** NRW's name of the 1 km tile with this south-west corner (kilometres): `LoD2_32_405_5757_1_NW`. */
export function nrwTileName(eastKilometres: number, northKilometres: number): string {
  return `LoD2_32_${eastKilometres}_${northKilometres}_1_NW`;
}

/** The tile a footprint belongs to: where the mean of its corners lies, as NRW assigns by reference point. */
function tileKeyOf(feature: GeneratedFootprintFeature): string {
  const ring = feature.geometry.coordinates[0]!.slice(0, -1);
  const east = ring.reduce((sum, point) => sum + point[0], 0) / ring.length;
  const north = ring.reduce((sum, point) => sum + point[1], 0) / ring.length;
  return `${Math.floor(east / TILE_METERS)}_${Math.floor(north / TILE_METERS)}`;
}

/**
 * Writes the footprints as LoD2 CityGML 2.0 (see syntheticLod2Building.ts) into `folder`, split into 1 km tile
 * files named as NRW names them, each building in the tile of its footprint's centre, tiles in name order.
 * Streams each file in chunks; only the grouping of features by tile is held.
 */
export function writeSyntheticLod2City(
  features: readonly GeneratedFootprintFeature[],
  folder: string,
): WrittenLod2City {
  mkdirSync(folder, { recursive: true });
  const byTile = new Map<string, number[]>();
  features.forEach((feature, index) => {
    const key = tileKeyOf(feature);
    const members = byTile.get(key);
    if (members) members.push(index);
    else byTile.set(key, [index]);
  });
  const written: WrittenLod2City = { files: [], buildings: 0, bytes: 0 };
  for (const key of [...byTile.keys()].sort()) {
    const members = byTile.get(key)!;
    const [east, north] = key.split('_').map(Number) as [number, number];
    let lowest = Infinity;
    let highest = -Infinity;
    for (const index of members) {
      const { groundHeight, height } = features[index]!.properties;
      lowest = Math.min(lowest, groundHeight);
      highest = Math.max(highest, groundHeight + height);
    }
    const name = nrwTileName(east, north);
    const path = join(folder, `${name}.gml`);
    const descriptor = openSync(path, 'w');
    let pending = cityGmlHeader(name, {
      lower: [east * TILE_METERS, north * TILE_METERS, lowest],
      upper: [(east + 1) * TILE_METERS, (north + 1) * TILE_METERS, highest],
    });
    const flush = () => {
      written.bytes += writeSync(descriptor, pending);
      pending = '';
    };
    try {
      for (const index of members) {
        pending += cityGmlBuilding(syntheticLod2Building(features[index]!, index));
        if (pending.length >= WRITE_CHUNK_CHARACTERS) flush();
      }
      pending += cityGmlFooter();
      flush();
    } finally {
      closeSync(descriptor);
    }
    written.files.push(path);
    written.buildings += members.length;
  }
  return written;
}
