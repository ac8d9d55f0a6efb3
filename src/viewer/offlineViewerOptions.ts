/**
 * Options every Cesium viewer of ours is created with. Cesium's own widgets are off: they would reach for Ion
 * (geocoder, base layer picker) and are not translated. Frames are drawn on request only.
 */
export const OFFLINE_VIEWER_OPTIONS = {
  baseLayer: false,
  baseLayerPicker: false,
  geocoder: false,
  homeButton: false,
  sceneModePicker: false,
  navigationHelpButton: false,
  animation: false,
  timeline: false,
  fullscreenButton: false,
  infoBox: false,
  selectionIndicator: false,
  scene3DOnly: true,
  requestRenderMode: true,
  maximumRenderTimeChange: Number.POSITIVE_INFINITY,
} as const;
