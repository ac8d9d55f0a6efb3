import { Cartesian3, Color, PolygonHierarchy } from 'cesium';
import { useMemo } from 'react';
import { Entity, PolygonGraphics } from 'resium';
import { dominantUse, massingHeightMeters, USE_COLORS } from '../../domain/scenarios/massingAppearance';
import type { PolygonCoordinates } from '../../domain/scenarios/scenarioGeometry';
import type { ScenarioVariant } from '../../domain/scenarios/scenarioSchema';

const GREEN = Color.fromCssColorString('#5fa35a').withAlpha(0.85);
const PAVED = Color.fromCssColorString('#b9b2a6').withAlpha(0.85);
const WATER = Color.fromCssColorString('#5b8fd1').withAlpha(0.85);

function hierarchy(polygon: PolygonCoordinates): PolygonHierarchy {
  const ring = (coordinates: readonly (readonly number[])[]) =>
    Cartesian3.fromDegreesArray(coordinates.slice(0, -1).flatMap(([lon, lat]) => [lon!, lat!]));
  const [outer, ...holes] = polygon;
  return new PolygonHierarchy(
    ring(outer!),
    holes.map((hole) => new PolygonHierarchy(ring(hole))),
  );
}

/**
 * The compared variant in the right half of the split view: massings (extruded, coloured by main use, as
 * ScenarioLayer draws the open one) and open spaces; streets are left out to keep the second view light.
 */
export function ComparedVariantLayer({ variant }: { variant: ScenarioVariant }) {
  const shapes = useMemo(
    () => ({
      massings: variant.massings.map((massing) => ({
        id: massing.id,
        hierarchy: hierarchy(massing.footprint),
        height: massingHeightMeters(massing),
        color: Color.fromCssColorString(USE_COLORS[dominantUse(massing)]),
      })),
      openSpaces: variant.openSpaces.map((space) => ({
        id: space.id,
        hierarchy: hierarchy(space.area),
        color: space.surface === 'green' ? GREEN : space.surface === 'water' ? WATER : PAVED,
      })),
    }),
    [variant],
  );
  return (
    <>
      {shapes.openSpaces.map((space) => (
        <Entity key={`open:${space.id}`} id={`compare-open:${space.id}`}>
          <PolygonGraphics hierarchy={space.hierarchy} height={0.3} material={space.color} />
        </Entity>
      ))}
      {shapes.massings.map((massing) => (
        <Entity key={`massing:${massing.id}`} id={`compare-massing:${massing.id}`}>
          <PolygonGraphics
            hierarchy={massing.hierarchy}
            height={0}
            extrudedHeight={massing.height}
            material={massing.color}
            outline
            outlineColor={Color.BLACK}
          />
        </Entity>
      ))}
    </>
  );
}
