import { useTranslation } from 'react-i18next';
import { useTwinStore } from '../store/StoreContext';
import { ExportViewImageButton } from './viewImage/ExportViewImageButton';

/** Home, compass, zoom and the image export: every camera move is reachable by keyboard and touch, not only by gestures. */
export function MapControls() {
  const { t } = useTranslation();
  const headingDegrees = useTwinStore((state) => Math.round(state.view.camera.headingDegrees) % 360);
  const flyHome = useTwinStore((state) => state.flyHome);
  const requestCameraCommand = useTwinStore((state) => state.requestCameraCommand);
  return (
    <nav className="map-controls" id="map-controls" aria-label={t('controls.label')}>
      <button type="button" onClick={flyHome} title={t('controls.home')} aria-label={t('controls.home')}>
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 3 2 12h3v8h6v-6h2v6h6v-8h3z" />
        </svg>
      </button>
      <button
        type="button"
        className="compass"
        onClick={() => requestCameraCommand({ kind: 'face-north' })}
        title={t('controls.north', { heading: headingDegrees })}
        aria-label={t('controls.north', { heading: headingDegrees })}
      >
        <svg
          viewBox="0 0 24 24"
          aria-hidden="true"
          focusable="false"
          style={{ transform: `rotate(${-headingDegrees}deg)` }}
        >
          <path d="M12 2 16 12h-8z" className="compass-north" />
          <path d="M12 22 8 12h8z" className="compass-south" />
        </svg>
      </button>
      <button
        type="button"
        onClick={() => requestCameraCommand({ kind: 'zoom', factor: 0.5 })}
        title={t('controls.zoomIn')}
        aria-label={t('controls.zoomIn')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M11 5h2v6h6v2h-6v6h-2v-6H5v-2h6z" />
        </svg>
      </button>
      <button
        type="button"
        onClick={() => requestCameraCommand({ kind: 'zoom', factor: 2 })}
        title={t('controls.zoomOut')}
        aria-label={t('controls.zoomOut')}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M5 11h14v2H5z" />
        </svg>
      </button>
      <ExportViewImageButton />
    </nav>
  );
}
