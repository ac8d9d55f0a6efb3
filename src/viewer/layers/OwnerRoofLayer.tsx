import {
  Cartesian2,
  Cartesian3,
  Cartesian4,
  ClassificationType,
  GeometryInstance,
  GroundPrimitive,
  Material,
  MaterialAppearance,
  PolygonGeometry,
  PolygonHierarchy,
  Primitive,
  type Scene,
} from 'cesium';
import { useEffect } from 'react';
import { useCesium } from 'resium';
import { utm32ToGeographic } from '../../domain/geo/projection';
import type { OwnerDocument, OwnerRoofImage } from '../../domain/thermography/ownerDocument';
import { roofImageCorners } from '../../domain/thermography/ownerDocument';
import { imageGridRotationRadians, roofImageTextureWindow } from '../../domain/thermography/roofImageDrape';
import type { OwnerRoofDrape } from '../../store/ownerThermographySlice';
import { useTwinStore } from '../../store/StoreContext';

/** The fallback plane lies just above the highest point of the roof, so no roof surface pokes through it. */
const ABOVE_ROOF_METERS = 0.3;

/** The Image material with a texture window: s/t of the roof polygon → s/t of the owner's whole image. */
const WINDOWED_IMAGE_SOURCE = `
czm_material czm_getMaterial(czm_materialInput materialInput) {
  czm_material material = czm_getDefaultMaterial(materialInput);
  vec4 colour = texture(image, imageWindow.xy + materialInput.st * imageWindow.zw);
  material.diffuse = colour.rgb;
  material.alpha = colour.a;
  return material;
}`;

type Ring = readonly (readonly [number, number])[];

function roofImageUrl(buildingId: string): string {
  return `/api/thermography/buildings/${encodeURIComponent(buildingId)}/image.png`;
}

function toCartesian(
  [eastingMeters, northingMeters]: readonly [number, number],
  heightMeters = 0,
): Cartesian3 {
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters, northingMeters });
  return Cartesian3.fromDegrees(longitudeDegrees, latitudeDegrees, heightMeters);
}

/**
 * One roof polygon classifying the 3D tiles beneath and above it (whatever the roof's pitch; neighbours outside the
 * outline stay untouched), textured with the part of the owner's image that lies over it.
 */
function drapedRoofPolygon(
  buildingId: string,
  rings: readonly Ring[],
  image: OwnerRoofImage,
): GroundPrimitive {
  const [outer, ...holes] = rings;
  const textureWindow = roofImageTextureWindow(outer!, image);
  return new GroundPrimitive({
    geometryInstances: new GeometryInstance({
      id: 'owner-roof-image',
      geometry: new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(
          outer!.map((point) => toCartesian(point)),
          holes.map((hole) => new PolygonHierarchy(hole.map((point) => toCartesian(point)))),
        ),
        // The polygon's texture axes follow the image's rows (the UTM grid), so the window is axis-aligned.
        stRotation: imageGridRotationRadians(image),
        vertexFormat: MaterialAppearance.MaterialSupport.TEXTURED.vertexFormat,
      }),
    }),
    appearance: new MaterialAppearance({
      material: new Material({
        fabric: {
          uniforms: {
            image: roofImageUrl(buildingId),
            imageWindow: new Cartesian4(
              textureWindow.offsetS,
              textureWindow.offsetT,
              textureWindow.scaleS,
              textureWindow.scaleT,
            ),
          },
          source: WINDOWED_IMAGE_SOURCE,
        },
        translucent: false,
      }),
      materialSupport: MaterialAppearance.MaterialSupport.TEXTURED,
      flat: true,
    }),
    classificationType: ClassificationType.CESIUM_3D_TILE,
  });
}

/** Fallback: the whole image as a flat textured plane just above the roof's highest point. */
function planeAboveRoof(document: OwnerDocument, image: OwnerRoofImage, topHeightMeters: number | undefined) {
  const heightMeters = (topHeightMeters ?? document.building?.heightMeters ?? 0) + ABOVE_ROOF_METERS;
  // Corners NW, NE, SE, SW; Cesium's texture origin is the image's bottom-left.
  const textureCoordinates = new PolygonHierarchy([
    new Cartesian2(0, 1),
    new Cartesian2(1, 1),
    new Cartesian2(1, 0),
    new Cartesian2(0, 0),
  ] as unknown as Cartesian3[]);
  return new Primitive({
    geometryInstances: new GeometryInstance({
      id: 'owner-roof-image',
      geometry: new PolygonGeometry({
        polygonHierarchy: new PolygonHierarchy(
          roofImageCorners(image).map((corner) => toCartesian(corner, heightMeters)),
        ),
        height: heightMeters,
        textureCoordinates,
        vertexFormat: MaterialAppearance.MaterialSupport.TEXTURED.vertexFormat,
      }),
    }),
    appearance: new MaterialAppearance({
      material: Material.fromType('Image', { image: roofImageUrl(document.buildingId) }),
      materialSupport: MaterialAppearance.MaterialSupport.TEXTURED,
      flat: true,
      translucent: false,
    }),
    asynchronous: false,
  });
}

/** Textured classification of 3D tiles needs ground primitives with materials (WEBGL_depth_texture). */
function canDrape(scene: Scene): boolean {
  return GroundPrimitive.isSupported(scene) && GroundPrimitive.supportsMaterials(scene);
}

/**
 * The logged-in owner's roof image in the city view, draped onto their 3D roof: one ground primitive per roof
 * polygon of the owner document (EPSG:25832 → WGS84), classifying only the 3D tiles, so pitched roofs carry the
 * image and taller neighbours do not cut through it. Where the browser cannot do that, a plane above the roof.
 * Reports `draped` or `plane` once the primitives are ready (shown as `data-owner-roof` in the portal).
 */
export function OwnerRoofLayer() {
  const { viewer } = useCesium();
  const document = useTwinStore((state) => state.ownerThermography.document);
  const topHeightMeters = useTwinStore(
    (state) =>
      state.searchEntries?.find((entry) => entry.buildingId === state.ownerThermography.document?.buildingId)
        ?.topHeightMeters,
  );
  const reportOwnerRoofDrape = useTwinStore((state) => state.reportOwnerRoofDrape);

  useEffect(() => {
    const image = document?.image;
    if (!viewer || !document || !image) return;
    const scene = viewer.scene;
    const outline = document.building?.outline.filter((rings) => (rings[0]?.length ?? 0) >= 3) ?? [];
    const drape: OwnerRoofDrape = canDrape(scene) && outline.length > 0 ? 'draped' : 'plane';
    const primitives: (GroundPrimitive | Primitive)[] =
      drape === 'draped'
        ? outline.map((rings) => drapedRoofPolygon(document.buildingId, rings, image))
        : [planeAboveRoof(document, image, topHeightMeters)];
    for (const primitive of primitives) scene.primitives.add(primitive);
    const reportWhenReady = () => {
      // The ground primitives build asynchronously: keep frames coming (request-render mode) until they are in.
      if (!primitives.every((primitive) => primitive.ready)) return scene.requestRender();
      removeListener();
      reportOwnerRoofDrape(drape);
    };
    const removeListener = scene.postRender.addEventListener(reportWhenReady);
    scene.requestRender();
    return () => {
      removeListener();
      reportOwnerRoofDrape(undefined);
      if (!viewer.isDestroyed()) {
        for (const primitive of primitives) scene.primitives.remove(primitive);
        scene.requestRender();
      }
    };
  }, [viewer, document, topHeightMeters, reportOwnerRoofDrape]);

  return null;
}
