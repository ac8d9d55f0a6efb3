import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutViewImage, viewImageFileName } from '../../domain/viewImage/viewImageLayout';
import { useMapCapturePort } from '../../store/mapCapture';
import { useTwinStoreApi } from '../../store/StoreContext';
import { canvasTextMeasure, canvasToPng, drawViewImage } from './drawViewImage';
import { viewImageContent } from './viewImageContent';
import './viewImage.css';

type ExportState = 'idle' | 'busy' | 'done' | 'failed';

/**
 * "Export view as image" for the minutes (issue #8): the 3D view as it is, with title, date (and sun time), the
 * legends of the visible layers, the data sources with licences and the link that restores the view, as a PNG.
 */
export function ExportViewImageButton() {
  const { t } = useTranslation();
  const store = useTwinStoreApi();
  const port = useMapCapturePort();
  const [state, setState] = useState<ExportState>('idle');
  const [problem, setProblem] = useState<string | undefined>();

  const exportImage = async () => {
    if (state === 'busy') return;
    setState('busy');
    setProblem(undefined);
    try {
      const captured = port.capture();
      if (!captured) throw new Error(t('viewImage.noView'));
      const exportedAt = new Date();
      const content = viewImageContent(store.getState(), t, exportedAt, window.location.href);
      const measureContext = document.createElement('canvas').getContext('2d');
      if (!measureContext) throw new Error('no 2D canvas');
      const layout = layoutViewImage(
        content,
        { width: captured.canvas.width, height: captured.canvas.height },
        canvasTextMeasure(measureContext),
        captured.pixelRatio,
      );
      const png = await canvasToPng(drawViewImage(layout, captured.canvas));
      const url = URL.createObjectURL(png);
      const link = document.createElement('a');
      link.href = url;
      link.download = viewImageFileName(exportedAt);
      link.click();
      // The download has its own copy once the click is handled.
      setTimeout(() => URL.revokeObjectURL(url), 0);
      setState('done');
    } catch (error) {
      setProblem(t('viewImage.failed', { message: error instanceof Error ? error.message : String(error) }));
      setState('failed');
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={() => void exportImage()}
        title={t('viewImage.export')}
        aria-label={t('viewImage.export')}
        aria-busy={state === 'busy'}
        data-view-image={state}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M4 5h16v14H4zm2 2v8.5l4-4 3 3 2-2 3 3V7zm10 1.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z" />
        </svg>
      </button>
      <span className="visually-hidden" role="status">
        {state === 'done' ? t('viewImage.saved') : ''}
      </span>
      {problem && (
        <p role="alert" className="map-controls-problem">
          {problem}
        </p>
      )}
    </>
  );
}
