/**
 * Thermal rasters as GeoTIFF (single band, EPSG:25832) through geotiff.js: read any TIFF it decodes (strips or
 * tiles, uncompressed, Deflate, LZW, …), write float32 with GeoKeys and a no-data value.
 */
import { fromArrayBuffer, writeArrayBuffer, type GeoTIFFImage } from 'geotiff';
import type { ThermalRaster } from './thermalRaster';

/** EPSG:25832, ETRS89 / UTM zone 32N: the CRS of every NRW product and of this pipeline. */
export const THERMAL_RASTER_EPSG = 25832;
/** EPSG:4647: the same projection with the zone number 32 in front of the easting (32 500 000 m false easting). */
const ZONE_PREFIXED_EPSG = 4647;
const ZONE_PREFIX_METERS = 32_000_000;
/** What a written file marks pixels without a measurement with (GDAL_NODATA). */
export const WRITTEN_NO_DATA = -9999;

/** A file the pipeline cannot use; the message names the file and says what to do. */
export class ThermalRasterError extends Error {
  constructor(
    readonly fileName: string,
    message: string,
  ) {
    super(`${fileName}: ${message}`);
    this.name = 'ThermalRasterError';
  }
}

/** How raw pixel values become °C: `celsius = raw × scale + offset` (a camera's calibration; Kelvin: offset −273.15). */
export interface RasterCalibration {
  scale: number;
  offset: number;
}

export interface ReadThermalGeoTiffOptions {
  /** Name used in messages (the path as the user typed it). */
  fileName: string;
  calibration?: RasterCalibration;
  /** Take a file without CRS information as EPSG:25832 instead of refusing it. */
  assumeEpsg25832?: boolean;
}

/**
 * Reads the first image of a GeoTIFF as a thermal raster in EPSG:25832. A file in EPSG:4647 (zone-prefixed
 * eastings) is shifted to EPSG:25832; any other CRS, a rotated or non-square grid, several bands or a broken file
 * is refused with a ThermalRasterError naming the file.
 */
export async function readThermalGeoTiff(
  bytes: ArrayBuffer,
  options: ReadThermalGeoTiffOptions,
): Promise<ThermalRaster> {
  const { fileName } = options;
  let image: GeoTIFFImage;
  try {
    const tiff = await fromArrayBuffer(bytes);
    image = await tiff.getImage(0);
  } catch (error) {
    throw new ThermalRasterError(fileName, `not a readable GeoTIFF (${messageOf(error)})`);
  }
  if (image.getSamplesPerPixel() !== 1)
    throw new ThermalRasterError(
      fileName,
      `has ${image.getSamplesPerPixel()} bands; expected one band of surface temperatures`,
    );
  const eastingShift = crsEastingShift(image, options);
  const { origin, pixelSizeMeters } = gridOf(image, fileName);
  let raw: ArrayLike<number>;
  try {
    raw = (await image.readRasters({ samples: [0], interleave: true })) as unknown as ArrayLike<number>;
  } catch (error) {
    throw new ThermalRasterError(fileName, `pixel data cannot be decoded (${messageOf(error)})`);
  }
  const width = image.getWidth();
  const height = image.getHeight();
  if (raw.length !== width * height)
    throw new ThermalRasterError(fileName, `holds ${raw.length} pixels, expected ${width} × ${height}`);
  const noData = image.getGDALNoData();
  const { scale, offset } = options.calibration ?? { scale: 1, offset: 0 };
  const celsius = new Float32Array(width * height);
  for (let index = 0; index < celsius.length; index++) {
    const value = raw[index]!;
    celsius[index] = value === noData || !Number.isFinite(value) ? Number.NaN : value * scale + offset;
  }
  return {
    originEastingMeters: origin[0]! + eastingShift,
    originNorthingMeters: origin[1]!,
    pixelSizeMeters,
    width,
    height,
    celsius,
  };
}

/** Writes a raster as an uncompressed float32 GeoTIFF in EPSG:25832; NaN pixels become {@link WRITTEN_NO_DATA}. */
export function writeThermalGeoTiff(raster: ThermalRaster): ArrayBuffer {
  const values = new Float32Array(raster.celsius.length);
  raster.celsius.forEach((value, index) => {
    values[index] = Number.isNaN(value) ? WRITTEN_NO_DATA : value;
  });
  return writeArrayBuffer(values, {
    width: raster.width,
    height: raster.height,
    BitsPerSample: [32],
    SampleFormat: [3],
    ModelPixelScale: [raster.pixelSizeMeters, raster.pixelSizeMeters, 0],
    ModelTiepoint: [0, 0, 0, raster.originEastingMeters, raster.originNorthingMeters, 0],
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ProjectedCSTypeGeoKey: THERMAL_RASTER_EPSG,
    GDAL_NODATA: String(WRITTEN_NO_DATA),
  });
}

/** Metres to add to eastings for EPSG:25832, or a refusal naming the CRS found. */
function crsEastingShift(image: GeoTIFFImage, options: ReadThermalGeoTiffOptions): number {
  const keys = image.getGeoKeys() ?? {};
  const projected = keys.ProjectedCSTypeGeoKey as number | undefined;
  const geographic = keys.GeographicTypeGeoKey as number | undefined;
  if (projected === THERMAL_RASTER_EPSG) return 0;
  if (projected === ZONE_PREFIXED_EPSG) return -ZONE_PREFIX_METERS;
  const reproject = `reproject it first, e.g. \`gdalwarp -t_srs EPSG:${THERMAL_RASTER_EPSG} in.tif out.tif\``;
  if (projected !== undefined && projected !== 32767)
    throw new ThermalRasterError(
      options.fileName,
      `is in EPSG:${projected}, not EPSG:${THERMAL_RASTER_EPSG}; ${reproject}`,
    );
  if (geographic !== undefined && projected === undefined)
    throw new ThermalRasterError(
      options.fileName,
      `is in geographic coordinates (EPSG:${geographic}), not EPSG:${THERMAL_RASTER_EPSG}; ${reproject}`,
    );
  if (projected === 32767)
    throw new ThermalRasterError(
      options.fileName,
      `has a user-defined projection, not EPSG:${THERMAL_RASTER_EPSG}; ${reproject}`,
    );
  if (options.assumeEpsg25832) return 0;
  throw new ThermalRasterError(
    options.fileName,
    `names no coordinate reference system; if it is EPSG:${THERMAL_RASTER_EPSG}, say so with --assume-epsg25832`,
  );
}

/** The top-left corner and pixel size; refuses rotated and non-square grids. */
function gridOf(image: GeoTIFFImage, fileName: string): { origin: number[]; pixelSizeMeters: number } {
  const directory = image.getFileDirectory();
  const transformation = directory.getValue('ModelTransformation') as number[] | undefined;
  if (transformation && (transformation[1] !== 0 || transformation[4] !== 0))
    throw new ThermalRasterError(fileName, 'has a rotated grid; warp it north-up first (gdalwarp)');
  let origin: number[];
  let resolution: number[];
  try {
    origin = image.getOrigin();
    resolution = image.getResolution();
  } catch (error) {
    throw new ThermalRasterError(fileName, `has no georeference (${messageOf(error)})`);
  }
  const [sizeX, sizeY] = resolution as [number, number];
  if (!(sizeX > 0) || Math.abs(sizeX + sizeY) > 1e-9 * sizeX)
    throw new ThermalRasterError(
      fileName,
      `has pixels of ${sizeX} × ${-sizeY} m; expected square, north-up pixels`,
    );
  // A point-referenced raster names the centre of the top-left pixel; the pipeline works with its corner.
  const isPoint = !image.pixelIsArea();
  return {
    origin: isPoint ? [origin[0]! - sizeX / 2, origin[1]! + sizeX / 2] : origin,
    pixelSizeMeters: sizeX,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
