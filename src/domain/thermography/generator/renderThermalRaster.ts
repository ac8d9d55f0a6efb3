import type Flatbush from 'flatbush';
import { rasterizeRoof } from '../rasterizeRoof';
import type { PlanarXY } from '../roofOutline';
import { boundsOfRaster, createEmptyRaster, type ThermalRaster } from '../thermalRaster';
import type { DistrictHeatingPipe, RoofThermalProfile, ThermalScene } from './thermalScene';

/** The grid a window is rendered on: its top-left corner, pixel size and size in pixels. */
export interface RasterWindow {
  originEastingMeters: number;
  originNorthingMeters: number;
  pixelSizeMeters: number;
  width: number;
  height: number;
}

/** Lattice spacing of the ground's slow variation (gardens, asphalt, shadows of trees), metres. */
const GROUND_LATTICE_METERS = 32;
const GROUND_VARIATION_KELVIN = 1;
/** Glass mirrors the clear sky: far colder than the air. */
const GLASS_BELOW_AIR_KELVIN = 9;
const SKYLIGHT_FRAME_METERS = 0.3;
const SKYLIGHT_FRAME_EXCESS_KELVIN = 4;

/**
 * Renders one window of the scene: ground with slow variation, the district-heating pipe and its leak, then every
 * roof touching the window with its warm section, chimneys and skylights, and camera noise on every pixel. A pixel
 * depends only on its position, so overlapping windows agree.
 */
export function renderThermalWindow(
  scene: ThermalScene,
  roofIndex: Flatbush,
  window: RasterWindow,
): ThermalRaster {
  const raster = createEmptyRaster(window, window.width, window.height);
  renderGround(scene, raster);
  if (scene.pipe) renderPipe(scene.pipe, raster);
  const bounds = boundsOfRaster(raster);
  const touching = roofIndex.search(
    bounds.minEasting,
    bounds.minNorthing,
    bounds.maxEasting,
    bounds.maxNorthing,
  );
  touching.sort((a, b) => a - b);
  for (const index of touching) renderRoof(scene, scene.roofs[index]!, raster);
  return raster;
}

function renderGround(scene: ThermalScene, raster: ThermalRaster): void {
  const size = raster.pixelSizeMeters;
  const groundCelsius = scene.airTemperatureCelsius - scene.groundBelowAirKelvin;
  const latticeColumn0 = Math.floor(raster.originEastingMeters / GROUND_LATTICE_METERS);
  const latticeRow0 = Math.floor(
    (raster.originNorthingMeters - raster.height * size) / GROUND_LATTICE_METERS,
  );
  const latticeWidth = Math.ceil((raster.width * size) / GROUND_LATTICE_METERS) + 2;
  const latticeHeight = Math.ceil((raster.height * size) / GROUND_LATTICE_METERS) + 2;
  const lattice = new Float32Array(latticeWidth * latticeHeight);
  for (let row = 0; row < latticeHeight; row++)
    for (let column = 0; column < latticeWidth; column++)
      lattice[row * latticeWidth + column] =
        (uniformHash(scene.seed ^ 0x5bd1e995, latticeColumn0 + column, latticeRow0 + row) * 2 - 1) *
        GROUND_VARIATION_KELVIN;
  for (let row = 0; row < raster.height; row++) {
    const northing = raster.originNorthingMeters - (row + 0.5) * size;
    const latticeY = northing / GROUND_LATTICE_METERS - latticeRow0;
    const y0 = Math.floor(latticeY);
    const fy = latticeY - y0;
    const globalRow = Math.floor(northing / size);
    for (let column = 0; column < raster.width; column++) {
      const easting = raster.originEastingMeters + (column + 0.5) * size;
      const latticeX = easting / GROUND_LATTICE_METERS - latticeColumn0;
      const x0 = Math.floor(latticeX);
      const fx = latticeX - x0;
      const a = lattice[y0 * latticeWidth + x0]!;
      const b = lattice[y0 * latticeWidth + x0 + 1]!;
      const c = lattice[(y0 + 1) * latticeWidth + x0]!;
      const d = lattice[(y0 + 1) * latticeWidth + x0 + 1]!;
      const slow = a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy;
      raster.celsius[row * raster.width + column] =
        groundCelsius +
        slow +
        scene.noiseKelvin * gaussianHash(scene.seed, Math.floor(easting / size), globalRow);
    }
  }
}

function renderPipe(pipe: DistrictHeatingPipe, raster: ThermalRaster): void {
  const halfWidth = pipe.widthMeters / 2;
  for (let index = 0; index + 1 < pipe.path.length; index++)
    addAroundShape(
      raster,
      pipe.path[index]!,
      pipe.path[index + 1]!,
      halfWidth,
      (distance) => pipe.excessKelvin * (1 - (distance / halfWidth) ** 2),
    );
  const leak: PlanarXY = [pipe.leak.easting, pipe.leak.northing];
  addAroundShape(
    raster,
    leak,
    leak,
    pipe.leak.radiusMeters,
    (distance) => pipe.leak.excessKelvin * (1 - distance / pipe.leak.radiusMeters) ** 2,
  );
}

/** Adds `excess(distance)` to every pixel within `reach` of the segment a–b (a point when a = b). */
function addAroundShape(
  raster: ThermalRaster,
  [ax, ay]: PlanarXY,
  [bx, by]: PlanarXY,
  reach: number,
  excess: (distance: number) => number,
): void {
  const size = raster.pixelSizeMeters;
  const firstColumn = Math.max(0, Math.floor((Math.min(ax, bx) - reach - raster.originEastingMeters) / size));
  const lastColumn = Math.min(
    raster.width - 1,
    Math.ceil((Math.max(ax, bx) + reach - raster.originEastingMeters) / size),
  );
  const firstRow = Math.max(0, Math.floor((raster.originNorthingMeters - Math.max(ay, by) - reach) / size));
  const lastRow = Math.min(
    raster.height - 1,
    Math.ceil((raster.originNorthingMeters - Math.min(ay, by) + reach) / size),
  );
  const dx = bx - ax;
  const dy = by - ay;
  const lengthSquared = dx * dx + dy * dy;
  for (let row = firstRow; row <= lastRow; row++) {
    const y = raster.originNorthingMeters - (row + 0.5) * size;
    for (let column = firstColumn; column <= lastColumn; column++) {
      const x = raster.originEastingMeters + (column + 0.5) * size;
      const t =
        lengthSquared === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
      const distance = Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
      if (distance < reach) raster.celsius[row * raster.width + column]! += excess(distance);
    }
  }
}

function renderRoof(scene: ThermalScene, profile: RoofThermalProfile, raster: ThermalRaster): void {
  const pixels = rasterizeRoof(raster, profile.roof);
  const size = raster.pixelSizeMeters;
  const air = scene.airTemperatureCelsius;
  for (let windowRow = 0; windowRow < pixels.height; windowRow++) {
    const row = pixels.row + windowRow;
    if (row < 0 || row >= raster.height) continue;
    const northing = raster.originNorthingMeters - (row + 0.5) * size;
    for (let windowColumn = 0; windowColumn < pixels.width; windowColumn++) {
      const column = pixels.column + windowColumn;
      if (column < 0 || column >= raster.width) continue;
      if (pixels.mask[windowRow * pixels.width + windowColumn] !== 1) continue;
      const easting = raster.originEastingMeters + (column + 0.5) * size;
      let celsius = profile.baseCelsius;
      const section = profile.warmSection;
      if (section && northing >= section.fromNorthing && northing <= section.toNorthing)
        celsius += section.excessKelvin;
      for (const skylight of profile.skylights) {
        const offsetX = Math.abs(easting - skylight.easting);
        const offsetY = Math.abs(northing - skylight.northing);
        const halfWidth = skylight.widthMeters / 2;
        const halfDepth = skylight.depthMeters / 2;
        if (offsetX > halfWidth || offsetY > halfDepth) continue;
        const isFrame =
          offsetX > halfWidth - SKYLIGHT_FRAME_METERS || offsetY > halfDepth - SKYLIGHT_FRAME_METERS;
        celsius = isFrame ? profile.baseCelsius + SKYLIGHT_FRAME_EXCESS_KELVIN : air - GLASS_BELOW_AIR_KELVIN;
      }
      for (const chimney of profile.chimneys) {
        const half = chimney.sizeMeters / 2;
        if (Math.abs(easting - chimney.easting) <= half && Math.abs(northing - chimney.northing) <= half)
          celsius = chimney.celsius;
      }
      raster.celsius[row * raster.width + column] =
        celsius +
        scene.noiseKelvin * gaussianHash(scene.seed, Math.floor(easting / size), Math.floor(northing / size));
    }
  }
}

/** A hash of (seed, x, y) as a number in [0, 1). */
function uniformHash(seed: number, x: number, y: number): number {
  let hash = Math.imul(x | 0, 0x27d4eb2d) ^ Math.imul(y | 0, 0x165667b1) ^ seed;
  hash = Math.imul(hash ^ (hash >>> 15), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return ((hash ^ (hash >>> 16)) >>> 0) / 4294967296;
}

/** Roughly normal (mean 0, standard deviation about 1): the sum of three 10-bit parts of one hash of the position. */
function gaussianHash(seed: number, x: number, y: number): number {
  const hash = uniformHash(seed, x, y) * 1073741824;
  const a = hash & 1023;
  const b = (hash >>> 10) & 1023;
  const c = (hash >>> 20) & 1023;
  return ((a + b + c) / 1024 - 1.5) * 2;
}
