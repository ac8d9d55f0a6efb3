import { Credit, CreditDisplay } from 'cesium';

/**
 * Cesium's default credit is the "Cesium ion" logo, although this app never talks to Ion (no token, no Ion
 * imagery or terrain): a user checking where data goes should not be told otherwise. CesiumJS is credited in
 * words instead, for every viewer created after this module is loaded (the main and the compare viewer).
 */
CreditDisplay.cesiumCredit = new Credit(
  '<a href="https://cesium.com/platform/cesiumjs/" target="_blank" rel="noopener">CesiumJS</a>',
  true,
);

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
