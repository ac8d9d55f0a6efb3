import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwinStore } from '../store/StoreContext';

/**
 * Shows progress until the first view is complete, then marks the page ready (`data-twin-ready` on <html>):
 * the explicit readiness signal end-to-end tests and screen readers wait for.
 */
export function LoadingIndicator() {
  const { t } = useTranslation();
  const { pendingTileCount, firstViewComplete } = useTwinStore((state) => state.loading);
  useEffect(() => {
    if (firstViewComplete) document.documentElement.dataset.twinReady = 'true';
  }, [firstViewComplete]);
  return (
    <div className={firstViewComplete ? 'loading-indicator done' : 'loading-indicator'} role="status">
      {firstViewComplete
        ? t('loading.complete')
        : pendingTileCount > 0
          ? t('loading.progress', { count: pendingTileCount })
          : t('loading.starting')}
    </div>
  );
}
