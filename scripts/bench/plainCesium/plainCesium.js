// Plain CesiumJS with the options of src/viewer/TwinViewer.tsx, the tileset of BuildingsLayer, the camera of
// scenes/muenster.json and the clock of useDaylightClock. `?width=&height=` sizes the canvas like the app's.
// Marks <html data-twin-ready="true"> as the app does, once a rendered frame has nothing left to load.
// The ESM bundle, not the IIFE Cesium.js: the IIFE starts its workers from blob: scripts, which the app's CSP forbids.
import * as Cesium from '/cesium/index.js';

// Where Workers/, Assets/ and Widgets/ are: the app's own copy (vite.config.ts sets the same for the app).
window.CESIUM_BASE_URL = '/cesium/';

const TILESET_URL = '/tiles/default/tileset.json';
const SCENE_URL = '/scenes/muenster.json';
const LATE_MORNING_UTC_HOURS = 11;

function sizeContainer(container) {
  const parameters = new URLSearchParams(window.location.search);
  const width = Number(parameters.get('width'));
  const height = Number(parameters.get('height'));
  if (width > 0) container.style.width = `${width}px`;
  if (height > 0) container.style.height = `${height}px`;
}

function createViewer(container) {
  const naturalEarth = Cesium.TileMapServiceImageryProvider.fromUrl(
    Cesium.buildModuleUrl('Assets/Textures/NaturalEarthII'),
  );
  return new Cesium.Viewer(container, {
    baseLayer: Cesium.ImageryLayer.fromProviderAsync(naturalEarth),
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
    terrainProvider: new Cesium.EllipsoidTerrainProvider(),
  });
}

function setLateMorning(viewer) {
  const today = new Date();
  today.setUTCHours(LATE_MORNING_UTC_HOURS, 0, 0, 0);
  viewer.clock.currentTime = Cesium.JulianDate.fromDate(today);
  viewer.clock.shouldAnimate = false;
}

function isViewComplete(viewer, tileset) {
  const layers = viewer.imageryLayers;
  if (!tileset || layers.length === 0 || !viewer.scene.globe.tilesLoaded) return false;
  for (let index = 0; index < layers.length; index++) if (!layers.get(index).ready) return false;
  return tileset.tilesLoaded;
}

async function start() {
  const container = document.getElementById('viewer');
  sizeContainer(container);
  const viewer = createViewer(container);
  // Exposed for debugging the bench page from the console; the measurement never reads it.
  window.plainCesiumViewer = viewer;
  setLateMorning(viewer);
  const scene = await (await fetch(SCENE_URL)).json();
  const camera = scene.camera;
  viewer.camera.setView({
    destination: Cesium.Cartesian3.fromDegrees(
      camera.longitudeDegrees,
      camera.latitudeDegrees,
      camera.heightMeters,
    ),
    orientation: {
      heading: Cesium.Math.toRadians(camera.headingDegrees),
      pitch: Cesium.Math.toRadians(camera.pitchDegrees),
      roll: 0,
    },
  });
  let tileset;
  const removePostRender = viewer.scene.postRender.addEventListener(() => {
    if (!isViewComplete(viewer, tileset)) {
      viewer.scene.requestRender();
      return;
    }
    document.documentElement.dataset.twinReady = 'true';
    removePostRender();
  });
  tileset = await Cesium.Cesium3DTileset.fromUrl(TILESET_URL, { shadows: Cesium.ShadowMode.DISABLED });
  window.plainCesiumTileset = tileset;
  viewer.scene.primitives.add(tileset);
  viewer.scene.requestRender();
}

start().catch((error) => {
  document.documentElement.dataset.benchError = String(error);
  console.error(error);
});
