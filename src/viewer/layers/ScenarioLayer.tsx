import { ArcType, Cartesian3, Color, PolygonHierarchy } from 'cesium';
import { useMemo } from 'react';
import { CorridorGraphics, Entity, PolygonGraphics, PolylineGraphics } from 'resium';
import { dominantUse, massingHeightMeters, USE_COLORS } from '../../domain/scenarios/massingAppearance';
import type { PolygonCoordinates } from '../../domain/scenarios/scenarioGeometry';
import type { Massing } from '../../domain/scenarios/scenarioSchema';
import { activeEdit, shownVariant } from '../../store/scenarioEditing';
import { useTwinStore } from '../../store/StoreContext';

const SITE_COLOR = Color.fromCssColorString('#7a1fa2');
const GREEN = Color.fromCssColorString('#5fa35a').withAlpha(0.85);
const PAVED = Color.fromCssColorString('#b9b2a6').withAlpha(0.85);
const WATER = Color.fromCssColorString('#5b8fd1').withAlpha(0.85);
const STREET = Color.fromCssColorString('#6f6f6f').withAlpha(0.9);
/** The massing selected for editing: the focus colour of the UI, so it reads as "this one". */
const SELECTED = Color.fromCssColorString('#ffbf47');

/** Entity id prefix of massings; the editing hooks pick massings by it. */
export const MASSING_ENTITY_PREFIX = 'scenario-massing:';

interface MassingShape {
  id: string;
  hierarchy: PolygonHierarchy;
  height: number;
  color: Color;
}

/** Edits share untouched massings, so their shapes are built once and kept while the massing object lives. */
const massingShapes = new WeakMap<Massing, MassingShape>();

function massingShape(massing: Massing): MassingShape {
  let shape = massingShapes.get(massing);
  if (!shape) {
    shape = {
      id: massing.id,
      hierarchy: hierarchy(massing.footprint),
      height: massingHeightMeters(massing),
      color: Color.fromCssColorString(USE_COLORS[dominantUse(massing)]),
    };
    massingShapes.set(massing, shape);
  }
  return shape;
}

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
 * The open planning quarter: its site outline, and the chosen variant's massings (extruded by storeys, coloured
 * by main use), open spaces and streets. A few hundred static shapes that change only on edits, so Entities.
 */
export function ScenarioLayer() {
  const scenario = useTwinStore((state) =>
    state.scenarios.find((entry) => entry.id === state.view.scenarioId),
  );
  // While editing, the edited variant, so every edit shows at once.
  const variant = useTwinStore(shownVariant);
  const selectedMassingId = useTwinStore((state) => activeEdit(state)?.selectedMassingId);
  const site = useMemo(
    () =>
      scenario &&
      Cartesian3.fromDegreesArrayHeights(scenario.site.boundary[0]!.flatMap(([lon, lat]) => [lon!, lat!, 1])),
    [scenario],
  );
  const shapes = useMemo(() => {
    if (!variant) return undefined;
    return {
      massings: variant.massings.map(massingShape),
      openSpaces: variant.openSpaces.map((space) => ({
        id: space.id,
        hierarchy: hierarchy(space.area),
        color: space.surface === 'green' ? GREEN : space.surface === 'water' ? WATER : PAVED,
      })),
      streets: variant.streets.map((street) => ({
        id: street.id,
        positions: Cartesian3.fromDegreesArray(street.line.flatMap(([lon, lat]) => [lon!, lat!])),
        width: street.widthMeters,
      })),
    };
  }, [variant]);
  if (!scenario || !site) return null;
  return (
    <>
      <Entity id={`scenario-site:${scenario.id}`}>
        <PolylineGraphics positions={site} width={3} material={SITE_COLOR} arcType={ArcType.NONE} />
      </Entity>
      {shapes?.openSpaces.map((space) => (
        <Entity key={`open:${space.id}`} id={`scenario-open:${space.id}`}>
          <PolygonGraphics hierarchy={space.hierarchy} height={0.3} material={space.color} />
        </Entity>
      ))}
      {shapes?.streets.map((street) => (
        <Entity key={`street:${street.id}`} id={`scenario-street:${street.id}`}>
          <CorridorGraphics
            positions={street.positions}
            width={street.width}
            height={0.2}
            material={STREET}
          />
        </Entity>
      ))}
      {shapes?.massings.map((massing) => (
        <Entity key={`massing:${massing.id}`} id={`${MASSING_ENTITY_PREFIX}${massing.id}`}>
          <PolygonGraphics
            hierarchy={massing.hierarchy}
            height={0}
            extrudedHeight={massing.height}
            material={massing.id === selectedMassingId ? SELECTED : massing.color}
            outline
            outlineColor={massing.id === selectedMassingId ? SELECTED : Color.BLACK}
          />
        </Entity>
      ))}
    </>
  );
}
