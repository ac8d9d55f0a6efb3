/**
 * NRW publishes LoD2 CityGML in 1 km tiles named after their south-west corner in EPSG:25832 kilometres:
 * `LoD2_32_<east km>_<north km>_1_NW.gml` (Geobasis NRW, dl-de/zero-2-0).
 */
export const NRW_LOD2_DEFAULT_BASE_URL =
  'https://www.opengeodata.nrw.de/produkte/geobasis/3dg/lod2_gml/lod2_gml/';

/** Münster's tiles lie within these kilometre ranges (E 395–415, N 5744–5768). */
const PLAUSIBLE_EAST_KM = [280, 540] as const;
const PLAUSIBLE_NORTH_KM = [5560, 5830] as const;

/**
 * Turns what a user types (`405_5757`, `405 5757`, `LoD2_32_405_5757_1_NW` or the file name) into the file name,
 * or explains why it is not an NRW tile.
 */
export function parseNrwLod2TileName(text: string): { fileName: string } | { error: string } {
  const match = /^(?:LoD2_32_)?(\d{3})[_\s](\d{4})(?:_1_NW(?:\.gml)?)?$/i.exec(text.trim());
  if (!match) return { error: `"${text}" is not a tile name like 405_5757 or LoD2_32_405_5757_1_NW.gml` };
  const eastKm = Number(match[1]);
  const northKm = Number(match[2]);
  if (
    eastKm < PLAUSIBLE_EAST_KM[0] ||
    eastKm > PLAUSIBLE_EAST_KM[1] ||
    northKm < PLAUSIBLE_NORTH_KM[0] ||
    northKm > PLAUSIBLE_NORTH_KM[1]
  ) {
    return { error: `tile ${eastKm}_${northKm} lies outside North Rhine-Westphalia` };
  }
  return { fileName: `LoD2_32_${eastKm}_${northKm}_1_NW.gml` };
}

/** The tiles covering a box in EPSG:25832 metres, e.g. a few kilometres around the Prinzipalmarkt. */
export function nrwLod2TilesCovering(box: {
  minEast: number;
  minNorth: number;
  maxEast: number;
  maxNorth: number;
}): string[] {
  const names: string[] = [];
  for (
    let eastKm = Math.floor(box.minEast / 1000);
    eastKm <= Math.floor((box.maxEast - 1e-6) / 1000);
    eastKm++
  ) {
    for (
      let northKm = Math.floor(box.minNorth / 1000);
      northKm <= Math.floor((box.maxNorth - 1e-6) / 1000);
      northKm++
    ) {
      names.push(`LoD2_32_${eastKm}_${northKm}_1_NW.gml`);
    }
  }
  return names;
}

/** The credit for Geobasis NRW's LoD2 building models (dl-de/zero-2-0 asks for none; we name the source anyway). */
export const NRW_LOD2_ATTRIBUTION =
  '3D-Gebäudemodell LoD2: Geobasis NRW, Datenlizenz Deutschland – Zero – 2.0';

const NRW_LOD2_FILE_NAME = /^LoD2_\d{2}_\d{3}_\d{4}_1_NW\.(gml|xml)$/i;

/**
 * The attribution a tileset gets without `--attribution`: Geobasis NRW's when every input file is one of its LoD2
 * tiles by name, none otherwise (the tiler cannot know where other files come from).
 */
export function defaultAttributionFor(fileNames: readonly string[]): string | undefined {
  return fileNames.length > 0 && fileNames.every((name) => NRW_LOD2_FILE_NAME.test(name))
    ? NRW_LOD2_ATTRIBUTION
    : undefined;
}
