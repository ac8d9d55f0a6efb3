import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HEAT_LOSS_LEGEND } from '../../domain/thermography/aggregateHeatLossGrid';
import type { OwnerDocument } from '../../domain/thermography/ownerDocument';
import { useTwinStore } from '../../store/StoreContext';
import { OwnerColourScale } from './OwnerColourScale';
import { OwnerComparison } from './OwnerComparison';
import { ownerExportUrl, ownerImageUrl } from './ownerApi';
import { OwnerNextSteps } from './OwnerNextSteps';
import { OwnerStatistics } from './OwnerStatistics';

// three.js only loads when an owner has logged in: it stays out of the main bundle.
const OwnerBuildingView = lazy(() =>
  import('./OwnerBuildingView').then((module) => ({ default: module.OwnerBuildingView })),
);

/** Everything the owner may see of their one building, and the way out (download, logout). */
export function OwnerResult({ document, onLogout }: { document: OwnerDocument; onLogout(): void }) {
  const { t, i18n } = useTranslation();
  // How the city view shows the roof image (set by the viewer's OwnerRoofLayer); a signal for tests too.
  const roofDrape = useTwinStore((state) => state.ownerThermography.roofDrape);
  const language = i18n.language.startsWith('en') ? 'en' : 'de';
  const { result } = document;
  const address = document.addresses
    .map((entry) => [entry.street, entry.houseNumber].filter(Boolean).join(' '))
    .filter(Boolean)
    .join(', ');
  const classEntry =
    result.status === 'classified'
      ? HEAT_LOSS_LEGEND.find((entry) => entry.class === result.heatLossClass)
      : undefined;
  return (
    <div
      className="owner-result"
      data-owner-building={document.buildingId}
      data-owner-roof={roofDrape ?? 'none'}
    >
      <p className="owner-address">
        {t('thermographyOwner.building', { address: address || document.buildingId })}
      </p>
      <p className="owner-class" data-heat-loss-class={classEntry?.class ?? 'no-data'}>
        <span className="swatch" style={{ background: classEntry?.colour ?? '#9e9e9e' }} aria-hidden="true" />
        {classEntry
          ? t('thermographyOwner.class', { class: classEntry.class, label: result.label[language] })
          : t('thermographyOwner.noData', { label: result.label[language] })}
      </p>
      <OwnerStatistics document={document} />
      {document.image && <OwnerColourScale image={document.image} />}
      {document.image && document.building && (
        <Suspense fallback={<p className="note">{t('thermographyOwner.view3d.loading')}</p>}>
          <OwnerBuildingView
            imageUrl={ownerImageUrl(document.buildingId)}
            key={document.buildingId}
            image={document.image}
            building={document.building}
          />
        </Suspense>
      )}
      <OwnerNextSteps document={document} />
      <OwnerComparison document={document} />
      <section className="owner-downloads" aria-labelledby="owner-downloads-title">
        <h4 id="owner-downloads-title">{t('thermographyOwner.downloads.heading')}</h4>
        <p className="note">{t('thermographyOwner.downloads.note')}</p>
        <a className="button" href={ownerExportUrl(document.buildingId)} download>
          {t('thermographyOwner.downloads.json')}
        </a>{' '}
        {document.image && (
          <a
            className="button"
            href={ownerImageUrl(document.buildingId)}
            download={`thermografie-${document.buildingId}.png`}
          >
            {t('thermographyOwner.downloads.png')}
          </a>
        )}
      </section>
      <button type="button" onClick={onLogout}>
        {t('thermographyOwner.logout')}
      </button>
    </div>
  );
}
