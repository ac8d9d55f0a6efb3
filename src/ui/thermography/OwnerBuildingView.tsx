import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnerBuildingGeometry, OwnerRoofImage } from '../../domain/thermography/ownerDocument';
import { createOwnerBuildingScene, type OwnerBuildingScene } from './ownerBuildingScene';

type ViewState = 'loading' | 'ready' | 'failed';

/**
 * A light three.js view of just the owner's building: the outline extruded to its height, the thermal image on
 * the roof, turned and zoomed by touch or mouse. Loaded on demand (React.lazy), so three.js is its own chunk.
 */
export function OwnerBuildingView({
  imageUrl,
  image,
  building,
}: {
  imageUrl: string;
  image: OwnerRoofImage;
  building: OwnerBuildingGeometry;
}) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [state, setState] = useState<ViewState>('loading');

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let scene: OwnerBuildingScene | undefined;
    let disposed = false;
    const show = async () => {
      // Creating the renderer throws where WebGL is missing: that is a failed view, not a broken page.
      scene = createOwnerBuildingScene(canvas, building, image);
      await scene.loadRoofImage(imageUrl);
    };
    show()
      .then(() => !disposed && setState('ready'))
      .catch((error: unknown) => {
        console.error('Thermografie: 3D-Ansicht nicht möglich', error);
        if (!disposed) setState('failed');
      });
    return () => {
      disposed = true;
      scene?.dispose();
    };
  }, [building, image, imageUrl]);

  return (
    <figure className="owner-building-view" data-owner-3d={state}>
      <canvas ref={canvasRef} aria-label={t('thermographyOwner.view3d.label')} />
      <figcaption className="note">
        {state === 'failed' ? t('thermographyOwner.view3d.failed') : t('thermographyOwner.view3d.hint')}
      </figcaption>
    </figure>
  );
}
