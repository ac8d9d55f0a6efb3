import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildingIssue } from '../buildingModel';
import { checkFootprintPolygon } from '../footprints/checkFootprintPolygon';
import type { PlanarPoint } from '../footprints/footprintPolygon';
import { readGeoJsonFootprints } from '../footprints/readGeoJsonFootprints';
import { ALKIS_BUILDING_FUNCTION_LABELS } from '../labels/alkisBuildingFunctions';
import { generateMuensterCity, GENERATED_CITY_CRS_NAME, type GeneratedCity } from './generateMuensterCity';
import {
  AASEE_BUOY_WGS84,
  AASEE_POLYGON,
  ANCHOR_PLACES,
  CITY_CENTRE,
  CITY_CENTRE_WGS84,
  toPlanar,
} from './muensterPlaces';
import { centroid, convexPolygonsOverlap, distanceToBoundary, isInsidePolygon } from './planarGeometry';

const SEED = 42;
let city: GeneratedCity;
let footprints: PlanarPoint[][];

beforeAll(() => {
  city = generateMuensterCity({ seed: SEED });
  footprints = city.features.map((feature) => feature.geometry.coordinates[0]!.slice(0, -1));
});

describe('generateMuensterCity', () => {
  it('is deterministic for a seed and differs for another seed', () => {
    const again = generateMuensterCity({ seed: SEED });
    expect(JSON.stringify(again)).toBe(JSON.stringify(city));
    const other = generateMuensterCity({ seed: SEED + 1 });
    expect(JSON.stringify(other.features.slice(0, 50))).not.toBe(JSON.stringify(city.features.slice(0, 50)));
  });

  it('generates the requested number of buildings, with stable unique ids', () => {
    expect(city.features).toHaveLength(20_000);
    expect(generateMuensterCity({ seed: 5, buildingCount: 1200 }).features).toHaveLength(1200);
    const ids = city.features.map((feature) => feature.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('GEN_000001');
    expect(ids.every((id) => /^GEN_\d{6}$/.test(id))).toBe(true);
  });

  it('declares EPSG:25832 and is read by the GeoJSON footprint reader without a single issue', () => {
    expect(city.crs.properties.name).toBe(GENERATED_CITY_CRS_NAME);
    const issues: BuildingIssue[] = [];
    let count = 0;
    for (const building of readGeoJsonFootprints(city, {
      sourceFile: 'generated',
      onIssue: (issue) => issues.push(issue),
    })) {
      expect(building.attributes.levelOfDetail).toBe(1);
      count++;
    }
    expect(issues).toEqual([]);
    expect(count).toBe(city.features.length);
  });

  it('keeps the buoy in the Aasee and every building out of it', () => {
    const buoy = toPlanar(AASEE_BUOY_WGS84.longitudeDegrees, AASEE_BUOY_WGS84.latitudeDegrees);
    expect(isInsidePolygon(AASEE_POLYGON, buoy)).toBe(true);
    const wet = footprints.filter(
      (footprint) =>
        isInsidePolygon(AASEE_POLYGON, centroid(footprint)) ||
        footprint.some((corner) => isInsidePolygon(AASEE_POLYGON, corner)),
    );
    expect(wet).toEqual([]);
  });

  it('gives every building a valid footprint', () => {
    const invalid = footprints.filter((footprint) => checkFootprintPolygon([footprint]).problems.length > 0);
    expect(invalid).toEqual([]);
  });

  it('lets no two buildings overlap (neighbours may share a wall), for two seeds', () => {
    expect(overlappingPairs(city)).toEqual([]);
    expect(overlappingPairs(generateMuensterCity({ seed: 7 }))).toEqual([]);
  });

  it('gives plausible storeys, heights, ground heights and ALKIS functions', () => {
    const implausible = city.features.filter(
      ({ properties: p }) =>
        !Number.isInteger(p.storeys) ||
        p.storeys < 1 ||
        p.storeys > 12 ||
        p.height < 2.5 * p.storeys ||
        p.height > 45 ||
        !(p.groundHeight > 45 && p.groundHeight < 80) ||
        p.roofType !== '1000' ||
        ALKIS_BUILDING_FUNCTION_LABELS[p.function] === undefined,
    );
    expect(implausible.map((feature) => feature.properties)).toEqual([]);
    const functions = new Set(city.features.map((feature) => feature.properties.function));
    expect(functions).toContain('31001_3041'); // the cathedral
    expect(functions).toContain('31001_3012'); // the town hall at the Prinzipalmarkt
  });

  it('changes the ground height smoothly between neighbours', () => {
    for (let index = 1; index < city.features.length; index++) {
      const [previous, current] = [city.features[index - 1]!, city.features[index]!];
      const apart = Math.hypot(
        ...subtractPoints(centroid(footprints[index]!), centroid(footprints[index - 1]!)),
      );
      if (apart < 30) {
        expect(Math.abs(current.properties.groundHeight - previous.properties.groundHeight)).toBeLessThan(
          0.5,
        );
      }
    }
  });

  it('addresses every building, with house numbers unique per street, odd and even', () => {
    const unaddressed = city.features.filter(
      ({ properties: p }) =>
        p.street.length === 0 ||
        !/^[1-9]\d*$/.test(p.houseNumber) ||
        !/^481\d[13579]$/.test(p.postalCode) ||
        p.locality !== 'Münster',
    );
    expect(unaddressed).toEqual([]);
    const numbersByStreet = new Map<string, string[]>();
    for (const { properties } of city.features) {
      numbersByStreet.set(properties.street, [
        ...(numbersByStreet.get(properties.street) ?? []),
        properties.houseNumber,
      ]);
    }
    for (const [street, numbers] of numbersByStreet) {
      expect(new Set(numbers).size, street).toBe(numbers.length);
    }
    const market = numbersByStreet.get('Prinzipalmarkt')!;
    expect(market).toContain('1');
    expect(market).toContain('2');
    expect(numbersByStreet.size).toBeGreaterThan(100);
  });

  it('stays within 6 km of the Prinzipalmarkt and keeps the places clear', () => {
    const farthest = Math.max(
      ...footprints.flatMap((footprint) =>
        footprint.map(([x, y]) => Math.hypot(x - CITY_CENTRE[0], y - CITY_CENTRE[1])),
      ),
    );
    expect(farthest).toBeLessThan(6000);
    for (const place of ANCHOR_PLACES) {
      const point = toPlanar(place.longitudeDegrees, place.latitudeDegrees);
      const nearest = Math.min(...footprints.map((footprint) => distanceToBoundary(footprint, point)));
      expect(nearest, place.id).toBeGreaterThanOrEqual(place.clearanceMeters);
      expect(
        footprints.some((footprint) => isInsidePolygon(footprint, point)),
        place.id,
      ).toBe(false);
    }
  });

  it('builds only sparsely around the conversion sites', () => {
    for (const id of ['york-quartier', 'oxford-quartier']) {
      const place = ANCHOR_PLACES.find((candidate) => candidate.id === id)!;
      const point = toPlanar(place.longitudeDegrees, place.latitudeDegrees);
      const within300 = footprints.filter((footprint) => distanceToBoundary(footprint, point) < 300).length;
      expect(within300, id).toBeLessThan(40);
    }
  });

  it('anchors to the same places as scenes/muenster.json', () => {
    const scene = JSON.parse(
      readFileSync(new URL('../../../../scenes/muenster.json', import.meta.url), 'utf8'),
    ) as {
      places: { id: string; longitudeDegrees: number; latitudeDegrees: number }[];
    };
    const byId = new Map(scene.places.map((place) => [place.id, place]));
    for (const place of ANCHOR_PLACES) {
      expect(byId.get(place.id), place.id).toMatchObject({
        longitudeDegrees: place.longitudeDegrees,
        latitudeDegrees: place.latitudeDegrees,
      });
    }
    expect(byId.get('prinzipalmarkt')).toMatchObject(CITY_CENTRE_WGS84);
    expect(byId.get('aasee')).toMatchObject(AASEE_BUOY_WGS84);
  });
});

/** Ids of overlapping pairs, found through a 100 m grid and bounding boxes, confirmed by separating axes. */
function overlappingPairs(generated: GeneratedCity): string[] {
  const rings = generated.features.map((feature) => feature.geometry.coordinates[0]!.slice(0, -1));
  const bounds = rings.map((ring) => {
    const xs = ring.map(([x]) => x);
    const ys = ring.map(([, y]) => y);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] as const;
  });
  const cellSize = 100;
  const grid = new Map<string, number[]>();
  bounds.forEach(([minX, minY, maxX, maxY], index) => {
    for (let cx = Math.floor(minX / cellSize); cx <= Math.floor(maxX / cellSize); cx++) {
      for (let cy = Math.floor(minY / cellSize); cy <= Math.floor(maxY / cellSize); cy++) {
        const members = grid.get(`${cx},${cy}`) ?? [];
        members.push(index);
        grid.set(`${cx},${cy}`, members);
      }
    }
  });
  const pairs = new Set<string>();
  for (const members of grid.values()) {
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        const [a, b] = [bounds[members[i]!]!, bounds[members[j]!]!];
        if (!(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3])) continue;
        if (convexPolygonsOverlap(rings[members[i]!]!, rings[members[j]!]!, 0.02)) {
          pairs.add(
            `${generated.features[members[i]!]!.properties.id} × ${generated.features[members[j]!]!.properties.id}`,
          );
        }
      }
    }
  }
  return [...pairs];
}

function subtractPoints(a: PlanarPoint, b: PlanarPoint): [number, number] {
  return [a[0] - b[0], a[1] - b[1]];
}
