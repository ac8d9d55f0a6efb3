import { Cartographic, Math as CesiumMath, type Cartesian2, type Cartesian3, type Viewer } from 'cesium';
import type { LonLat } from '../../domain/corridors/corridorScene';
import type { TwinStore } from '../../store/createTwinStore';
import { readCorridorPick } from '../adapters/corridorPickIds';

/** The ground under a screen position: the model where something is drawn, else the ellipsoid. */
export function groundLonLatAt(viewer: Viewer, position: Cartesian2): LonLat | undefined {
  const ray = viewer.camera.getPickRay(position);
  const onGlobe: Cartesian3 | undefined =
    (ray && viewer.scene.globe.pick(ray, viewer.scene)) ?? viewer.camera.pickEllipsoid(position);
  if (!onGlobe) return undefined;
  const cartographic = Cartographic.fromCartesian(onGlobe);
  return [CesiumMath.toDegrees(cartographic.longitude), CesiumMath.toDegrees(cartographic.latitude)];
}

/**
 * Clicks the corridor tools take: while drawing, a click adds a point; a click on a finding, a corridor or one
 * of its points selects it. Returns whether the click was taken (then nothing else handles it).
 */
export function handleCorridorClick(viewer: Viewer, store: TwinStore, position: Cartesian2): boolean {
  const state = store.getState();
  if (state.corridorDraft) {
    const point = groundLonLatAt(viewer, position);
    if (point) state.addCorridorDraftPoint(point);
    return true;
  }
  if (!state.view.visibleLayerIds.includes('corridors')) return false;
  const pick = readCorridorPick(viewer.scene.pick(position));
  if (!pick) return false;
  if (pick.kind === 'finding') state.selectFinding(pick.findingId);
  else if (pick.kind === 'corridor') state.selectCorridor(pick.corridorId);
  else state.selectCorridorPoint(pick.index);
  return true;
}
