import { writeArrayBuffer } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { readThermalGeoTiff, ThermalRasterError, writeThermalGeoTiff } from './thermalGeoTiff';
import type { ThermalRaster } from './thermalRaster';

const RASTER: ThermalRaster = {
  originEastingMeters: 405_000.5,
  originNorthingMeters: 5_757_999,
  pixelSizeMeters: 0.5,
  width: 3,
  height: 2,
  celsius: Float32Array.from([-5.25, -4.5, Number.NaN, 12.75, -9.125, 0]),
};

/** A GeoTIFF written by geotiff.js with other georeferencing than ours. */
function foreignTiff(geoKeys: Record<string, number>, values = [1, 2, 3, 4]): ArrayBuffer {
  return writeArrayBuffer(Float32Array.from(values), {
    width: 2,
    height: values.length / 2,
    BitsPerSample: [32],
    SampleFormat: [3],
    ModelPixelScale: [1, 1, 0],
    ModelTiepoint: [0, 0, 0, 32_405_000, 5_758_000, 0],
    GTModelTypeGeoKey: 1,
    GTRasterTypeGeoKey: 1,
    ...geoKeys,
  });
}

describe('thermal GeoTIFF', () => {
  it('round-trips a float32 raster with its georeference and no-data pixels', async () => {
    const bytes = writeThermalGeoTiff(RASTER);
    const read = await readThermalGeoTiff(bytes, { fileName: 'roundtrip.tif' });
    expect({ ...read, celsius: [...read.celsius] }).toEqual({ ...RASTER, celsius: [...RASTER.celsius] });
  });

  it('applies a calibration from raw values (here: centikelvin) to °C', async () => {
    const raw = { ...RASTER, celsius: Float32Array.from([27_315, 27_415, 27_215, 27_315, 27_315, 27_315]) };
    const read = await readThermalGeoTiff(writeThermalGeoTiff(raw), {
      fileName: 'raw.tif',
      calibration: { scale: 0.01, offset: -273.15 },
    });
    expect([...read.celsius].slice(0, 3).map((value) => Math.round(value * 100) / 100)).toEqual([0, 1, -1]);
  });

  it('moves EPSG:4647 (zone-prefixed eastings) onto EPSG:25832', async () => {
    const read = await readThermalGeoTiff(foreignTiff({ ProjectedCSTypeGeoKey: 4647 }), {
      fileName: 'zone.tif',
    });
    expect(read.originEastingMeters).toBe(405_000);
  });

  it('refuses another CRS with a message naming the file and what to do', async () => {
    await expect(
      readThermalGeoTiff(foreignTiff({ ProjectedCSTypeGeoKey: 3857 }), {
        fileName: 'flight/webmercator.tif',
      }),
    ).rejects.toThrow(/^flight\/webmercator\.tif: is in EPSG:3857, not EPSG:25832; reproject it first/);
    await expect(
      readThermalGeoTiff(foreignTiff({ GeographicTypeGeoKey: 4326 }), { fileName: 'wgs84.tif' }),
    ).rejects.toThrow(/^wgs84\.tif: is in geographic coordinates \(EPSG:4326\)/);
  });

  it('refuses a corrupt file, naming it', async () => {
    const corrupt = new Uint8Array(writeThermalGeoTiff(RASTER)).slice(0, 40);
    const error = await readThermalGeoTiff(corrupt.buffer, { fileName: 'broken.tif' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ThermalRasterError);
    expect((error as Error).message).toMatch(/^broken\.tif: /);
    await expect(
      readThermalGeoTiff(new TextEncoder().encode('not a tiff at all').buffer, { fileName: 'notes.tif' }),
    ).rejects.toThrow(/^notes\.tif: not a readable GeoTIFF/);
  });
});
