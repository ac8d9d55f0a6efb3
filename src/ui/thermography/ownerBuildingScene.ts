/**
 * The three.js scene of the owner's building (used only by OwnerBuildingView, loaded on demand). Z is up; x east,
 * y north, in metres around the building's centre. It renders on demand (when the view turns or resizes), not in
 * a loop, so a phone's battery is spared.
 */
import {
  AmbientLight,
  CircleGeometry,
  Color,
  DirectionalLight,
  ExtrudeGeometry,
  type ExtrudeGeometryOptions,
  Mesh,
  MeshBasicMaterial,
  MeshLambertMaterial,
  Path,
  PerspectiveCamera,
  Scene,
  Shape,
  SRGBColorSpace,
  TextureLoader,
  Vector2,
  WebGLRenderer,
  type Texture,
} from 'three';
import { OrbitControls } from 'three/addons/controls/OrbitControls.js';
import type { OwnerBuildingGeometry, OwnerRoofImage } from '../../domain/thermography/ownerDocument';

/** When the pipeline knows no height (a footprint without one), a two-storey house. */
const FALLBACK_HEIGHT_METERS = 6;

export interface OwnerBuildingScene {
  /** Loads the roof image onto the roof and renders; rejects when the image cannot be loaded. */
  loadRoofImage(url: string): Promise<void>;
  dispose(): void;
}

export function createOwnerBuildingScene(
  canvas: HTMLCanvasElement,
  building: OwnerBuildingGeometry,
  image: OwnerRoofImage,
): OwnerBuildingScene {
  const renderer = new WebGLRenderer({ canvas, antialias: true });
  renderer.setPixelRatio(Math.min(window.devicePixelRatio, 2));
  const scene = new Scene();
  scene.background = new Color('#1d2530');
  const heightMeters = building.heightMeters ?? FALLBACK_HEIGHT_METERS;
  const centre = outlineCentre(building, image);
  const roofMaterial = new MeshBasicMaterial({ color: '#808080' });
  const wallMaterial = new MeshLambertMaterial({ color: '#c9c4bb' });
  const groundMaterial = new MeshLambertMaterial({ color: '#3b4350' });
  const geometries = building.outline.map((polygon) =>
    buildingGeometry(polygon, centre, heightMeters, image),
  );
  for (const geometry of geometries) scene.add(new Mesh(geometry, [roofMaterial, wallMaterial]));
  const radius = Math.max(
    8,
    ...building.outline.flat(2).map(([x, y]) => Math.hypot(x - centre[0], y - centre[1])),
  );
  // Tall narrow houses (a Prinzipalmarkt gable) are framed by their height, wide halls by their outline.
  const size = Math.max(radius, heightMeters);
  const groundGeometry = new CircleGeometry(size * 2.5, 48);
  scene.add(new Mesh(groundGeometry, groundMaterial));
  scene.add(new AmbientLight('#ffffff', 1.6));
  const sun = new DirectionalLight('#ffffff', 1.4);
  sun.position.set(-0.6 * size, -1 * size, 2 * size);
  scene.add(sun);

  const camera = new PerspectiveCamera(45, 1, 0.5, size * 30);
  camera.up.set(0, 0, 1);
  camera.position.set(-size * 0.9, -size * 1.3, heightMeters + size * 1.1);
  const controls = new OrbitControls(camera, canvas);
  controls.target.set(0, 0, heightMeters * 0.6);
  controls.maxPolarAngle = Math.PI / 2 - 0.05;
  controls.minDistance = size * 0.6;
  controls.maxDistance = size * 8;
  controls.update();

  const render = () => renderer.render(scene, camera);
  const resize = () => {
    const width = canvas.clientWidth || 300;
    const height = canvas.clientHeight || 220;
    renderer.setSize(width, height, false);
    camera.aspect = width / height;
    camera.updateProjectionMatrix();
    render();
  };
  controls.addEventListener('change', render);
  const observer = new ResizeObserver(resize);
  observer.observe(canvas);
  resize();

  let texture: Texture | undefined;
  return {
    async loadRoofImage(url) {
      texture = await new TextureLoader().loadAsync(url);
      texture.colorSpace = SRGBColorSpace;
      texture.anisotropy = renderer.capabilities.getMaxAnisotropy();
      roofMaterial.map = texture;
      roofMaterial.color.set('#ffffff');
      roofMaterial.needsUpdate = true;
      render();
    },
    dispose() {
      observer.disconnect();
      controls.removeEventListener('change', render);
      controls.dispose();
      for (const geometry of [...geometries, groundGeometry]) geometry.dispose();
      for (const material of [roofMaterial, wallMaterial, groundMaterial]) material.dispose();
      texture?.dispose();
      renderer.dispose();
    },
  };
}

/** One roof polygon extruded from the ground to the building's height; the top carries the image's UVs. */
function buildingGeometry(
  polygon: readonly (readonly (readonly [number, number])[])[],
  centre: readonly [number, number],
  heightMeters: number,
  image: OwnerRoofImage,
): ExtrudeGeometry {
  const toLocal = ([x, y]: readonly [number, number]) => new Vector2(x - centre[0], y - centre[1]);
  const [outer, ...holes] = polygon;
  const shape = new Shape((outer ?? []).map(toLocal));
  shape.holes = holes.map((ring) => new Path(ring.map(toLocal)));
  const widthMeters = image.width * image.pixelSizeMeters;
  const heightOfImageMeters = image.height * image.pixelSizeMeters;
  const southMeters = image.originNorthingMeters - heightOfImageMeters;
  // u runs west → east over the image, v south → north (three flips image rows: v = 1 is the top row).
  const uvOf = (x: number, y: number) =>
    new Vector2(
      (x + centre[0] - image.originEastingMeters) / widthMeters,
      (y + centre[1] - southMeters) / heightOfImageMeters,
    );
  const options: ExtrudeGeometryOptions = {
    depth: heightMeters,
    bevelEnabled: false,
    UVGenerator: {
      generateTopUV: (_geometry, vertices, a, b, c) =>
        [a, b, c].map((index) => uvOf(vertices[index * 3]!, vertices[index * 3 + 1]!)),
      generateSideWallUV: () => [new Vector2(), new Vector2(), new Vector2(), new Vector2()],
    },
  };
  return new ExtrudeGeometry(shape, options);
}

/** The middle of the building's outline (or of the image when the outline is empty). */
function outlineCentre(building: OwnerBuildingGeometry, image: OwnerRoofImage): [number, number] {
  const points = building.outline.flatMap((polygon) => polygon[0] ?? []);
  if (points.length === 0)
    return [
      image.originEastingMeters + (image.width * image.pixelSizeMeters) / 2,
      image.originNorthingMeters - (image.height * image.pixelSizeMeters) / 2,
    ];
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}
