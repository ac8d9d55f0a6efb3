import {
  ArcType,
  Cartesian2,
  Cartesian3,
  Color,
  DistanceDisplayCondition,
  HorizontalOrigin,
  LabelStyle,
  PolygonHierarchy,
  VerticalOrigin,
} from 'cesium';
import { useEffect, useMemo } from 'react';
import {
  CorridorGraphics,
  Entity,
  LabelGraphics,
  PointGraphics,
  PolygonGraphics,
  PolylineGraphics,
  useCesium,
} from 'resium';
import type { CorridorReport } from '../../domain/corridors/checkCorridors';
import {
  corridorDisplayBand,
  displayGroundOf,
  findingDisplayPosition,
  zoneDisplay,
} from '../../domain/corridors/corridorDisplay';
import { localize } from '../../domain/scenes/sceneDocument';
import { CORRIDOR_STATUS_COLORS, RESTRICTION_ZONE_COLORS } from '../../domain/corridors/corridorColors';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import {
  CORRIDOR_ENTITY_PREFIX,
  CORRIDOR_POINT_ENTITY_PREFIX,
  FINDING_ENTITY_PREFIX,
} from '../adapters/corridorPickIds';
import { DroneFlights } from './DroneFlights';

/** Status colours (the legends use the same list), with sign and word beside them in the panel. */
const STATUS_COLORS = {
  clear: Color.fromCssColorString(CORRIDOR_STATUS_COLORS.clear),
  warning: Color.fromCssColorString(CORRIDOR_STATUS_COLORS.warning),
  conflict: Color.fromCssColorString(CORRIDOR_STATUS_COLORS.conflict),
  info: Color.fromCssColorString(CORRIDOR_STATUS_COLORS.info),
  unchecked: Color.fromCssColorString(CORRIDOR_STATUS_COLORS.unchecked),
} as const;
const ZONE_COLORS = {
  conflict: Color.fromCssColorString(RESTRICTION_ZONE_COLORS.conflict),
  warning: Color.fromCssColorString(RESTRICTION_ZONE_COLORS.warning),
};
const HANDLE_COLOR = Color.WHITE;
const SELECTED_HANDLE_COLOR = Color.YELLOW;
/** Labels of zones only from nearby, so the city is not covered in text from afar. */
const LABEL_DISTANCE = new DistanceDisplayCondition(0, 12_000);
const LABEL_OFFSET = new Cartesian2(0, -6);

const degrees = (points: readonly (readonly [number, number])[], height?: number) =>
  height === undefined
    ? Cartesian3.fromDegreesArray(points.flatMap(([lon, lat]) => [lon, lat]))
    : Cartesian3.fromDegreesArrayHeights(points.flatMap(([lon, lat]) => [lon, lat, height]));

function statusColor(report: CorridorReport | undefined): Color {
  return STATUS_COLORS[report?.status ?? 'unchecked'];
}

/** Restriction zones as extruded translucent volumes, labelled with their names and limits. */
function ZoneVolumes() {
  const zones = useTwinStore((state) => state.restrictionZones);
  const language = useTwinStore((state) => state.view.language);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const shapes = useMemo(
    () =>
      zones.map((zone) => {
        const display = zoneDisplay(zone, ground);
        const color = ZONE_COLORS[zone.severity];
        return {
          id: zone.id,
          hierarchy: new PolygonHierarchy(degrees(display.ring)),
          bottom: display.bottomMeters,
          top: display.topMeters,
          fill: color.withAlpha(0.12),
          outline: color.withAlpha(0.6),
          label: `${localize(zone.name, language)}\n${display.limitsText}`,
          labelPosition: Cartesian3.fromDegrees(
            display.labelPosition.longitudeDegrees,
            display.labelPosition.latitudeDegrees,
            display.labelPosition.heightMeters,
          ),
        };
      }),
    [zones, ground, language],
  );
  return shapes.map((shape) => (
    <Entity key={shape.id} id={`corridor-zone:${shape.id}`} position={shape.labelPosition}>
      <PolygonGraphics
        hierarchy={shape.hierarchy}
        height={shape.bottom}
        extrudedHeight={shape.top}
        material={shape.fill}
        outline
        outlineColor={shape.outline}
      />
      <LabelGraphics
        text={shape.label}
        font="13px sans-serif"
        fillColor={Color.WHITE}
        outlineColor={Color.BLACK}
        outlineWidth={3}
        style={LabelStyle.FILL_AND_OUTLINE}
        horizontalOrigin={HorizontalOrigin.CENTER}
        verticalOrigin={VerticalOrigin.BOTTOM}
        pixelOffset={LABEL_OFFSET}
        distanceDisplayCondition={LABEL_DISTANCE}
      />
    </Entity>
  ));
}

/** Each corridor as a translucent volume between floor and ceiling, coloured by the status of its checks. */
function CorridorVolumes() {
  const corridors = useTwinStore((state) => state.corridors);
  const reports = useTwinStore((state) => state.corridorReports);
  const selectedId = useTwinStore((state) => state.view.corridorId);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const shapes = useMemo(
    () =>
      corridors.map((corridor) => {
        const band = corridorDisplayBand(corridor, ground);
        const color = statusColor(reports[corridor.id]);
        const selected = corridor.id === selectedId;
        return {
          id: corridor.id,
          positions: degrees(corridor.centreLine),
          width: corridor.widthMeters,
          bottom: band.bottomMeters,
          top: band.topMeters,
          fill: color.withAlpha(selected ? 0.5 : 0.3),
          outline: selected ? Color.WHITE : color,
        };
      }),
    [corridors, reports, selectedId, ground],
  );
  return shapes.map((shape) => (
    <Entity key={shape.id} id={`${CORRIDOR_ENTITY_PREFIX}${shape.id}`}>
      <CorridorGraphics
        positions={shape.positions}
        width={shape.width}
        height={shape.bottom}
        extrudedHeight={shape.top}
        material={shape.fill}
        outline
        outlineColor={shape.outline}
      />
    </Entity>
  ));
}

/** Findings of every corridor as markers seen through the volumes; the selected one larger and outlined. */
function FindingMarkers() {
  const reports = useTwinStore((state) => state.corridorReports);
  const selectedFindingId = useTwinStore((state) => state.selectedFindingId);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const markers = useMemo(
    () =>
      Object.values(reports).flatMap((report) =>
        report.findings.map((finding) => {
          const position = findingDisplayPosition(finding.position, ground);
          return {
            id: finding.id,
            position: Cartesian3.fromDegrees(
              position.longitudeDegrees,
              position.latitudeDegrees,
              position.heightMeters,
            ),
            color: STATUS_COLORS[finding.severity],
          };
        }),
      ),
    [reports, ground],
  );
  return markers.map((marker) => {
    const selected = marker.id === selectedFindingId;
    return (
      <Entity key={marker.id} id={`${FINDING_ENTITY_PREFIX}${marker.id}`} position={marker.position}>
        <PointGraphics
          pixelSize={selected ? 20 : 11}
          color={marker.color}
          outlineColor={selected ? Color.YELLOW : Color.WHITE}
          outlineWidth={selected ? 4 : 2}
          disableDepthTestDistance={Number.POSITIVE_INFINITY}
        />
      </Entity>
    );
  });
}

/** Handles on the selected corridor's points (drag one, see sync/useCorridorPointDrag) and the corridor being drawn. */
function EditHandles() {
  const corridor = useTwinStore((state) =>
    state.corridors.find((entry) => entry.id === state.view.corridorId),
  );
  const pointIndex = useTwinStore((state) => state.selectedCorridorPointIndex);
  const draft = useTwinStore((state) => state.corridorDraft);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  const handleHeight = corridor ? corridorDisplayBand(corridor, ground).bottomMeters : 0;
  const draftLine = useMemo(() => (draft && draft.length > 1 ? degrees(draft, 2) : undefined), [draft]);
  return (
    <>
      {corridor?.centreLine.map(([lon, lat], index) => (
        <Entity
          key={`point:${index}`}
          id={`${CORRIDOR_POINT_ENTITY_PREFIX}${index}`}
          position={Cartesian3.fromDegrees(lon, lat, handleHeight)}
        >
          <PointGraphics
            pixelSize={index === pointIndex ? 16 : 11}
            color={index === pointIndex ? SELECTED_HANDLE_COLOR : HANDLE_COLOR}
            outlineColor={Color.BLACK}
            outlineWidth={2}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      ))}
      {draft?.map(([lon, lat], index) => (
        <Entity key={`draft:${index}`} position={Cartesian3.fromDegrees(lon, lat, 2)}>
          <PointGraphics
            pixelSize={10}
            color={SELECTED_HANDLE_COLOR}
            disableDepthTestDistance={Number.POSITIVE_INFINITY}
          />
        </Entity>
      ))}
      {draftLine && (
        <Entity>
          <PolylineGraphics
            positions={draftLine}
            width={3}
            material={SELECTED_HANDLE_COLOR}
            arcType={ArcType.NONE}
          />
        </Entity>
      )}
    </>
  );
}

/**
 * Drone corridors: restriction zones and corridors as translucent volumes, findings as markers, handles for
 * editing, and a drone flying each corridor. Some dozens of shapes that change only on edits, so Entities.
 */
export function CorridorLayer() {
  const { viewer } = useCesium();
  const store = useTwinStoreApi();
  const visible = useTwinStore((state) => state.view.visibleLayerIds.includes('corridors'));
  // The viewer renders on request: redraw whenever the store changes what this layer shows.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const changed =
          state.corridors !== previous.corridors ||
          state.corridorReports !== previous.corridorReports ||
          state.restrictionZones !== previous.restrictionZones ||
          state.view !== previous.view ||
          state.selectedFindingId !== previous.selectedFindingId ||
          state.selectedCorridorPointIndex !== previous.selectedCorridorPointIndex ||
          state.corridorDraft !== previous.corridorDraft;
        if (changed && viewer && !viewer.isDestroyed()) viewer.scene.requestRender();
      }),
    [store, viewer],
  );
  if (!visible) return null;
  return (
    <>
      <ZoneVolumes />
      <CorridorVolumes />
      <FindingMarkers />
      <EditHandles />
      <DroneFlights />
    </>
  );
}
