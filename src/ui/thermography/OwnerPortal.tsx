import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { utm32ToGeographic } from '../../domain/geo/projection';
import type { OwnerDocument } from '../../domain/thermography/ownerDocument';
import { cameraLookingAt } from '../../domain/view/cameraLookAt';
import { useTwinStore, useTwinStoreApi } from '../../store/StoreContext';
import { currentSessionBuildingId, fetchOwnerDocument, logout } from './ownerApi';
import { OwnerLoginForm } from './OwnerLoginForm';
import { OwnerResult } from './OwnerResult';
import './ownerPortal.css';

/** How far from the owner's building the camera stops: the roof fills a good part of the view. */
const OWNER_VIEW_RANGE_METERS = 90;

/**
 * The homeowner's part of the thermography panel: the access code from the letter, then their one building
 * (class, statistics, colours, next steps, comparison, downloads, 3D view). The document stays in memory only.
 */
export function OwnerPortal() {
  const { t } = useTranslation();
  const headingId = useId();
  const store = useTwinStoreApi();
  const document = useTwinStore((state) => state.ownerThermography.document);
  const setOwnerDocument = useTwinStore((state) => state.setOwnerDocument);
  const [loadFailed, setLoadFailed] = useState(false);

  const showBuilding = useCallback(
    async (buildingId: string) => {
      try {
        const loaded = await fetchOwnerDocument(buildingId);
        setLoadFailed(false);
        setOwnerDocument(loaded);
        const { searchEntries, requestCamera } = store.getState();
        const entry = searchEntries?.find((candidate) => candidate.buildingId === buildingId);
        requestCamera(ownerCameraPose(loaded, entry?.topHeightMeters), 2);
      } catch (error) {
        console.error('Thermografie: eigenes Gebäude nicht lesbar', error);
        setLoadFailed(true);
      }
    },
    [setOwnerDocument, store],
  );

  // A session still open in this browser (HttpOnly cookie) shows the building again after a reload.
  useEffect(() => {
    let cancelled = false;
    if (store.getState().ownerThermography.document) return;
    void currentSessionBuildingId().then((buildingId) => {
      if (buildingId && !cancelled) void showBuilding(buildingId);
    });
    return () => {
      cancelled = true;
    };
  }, [showBuilding, store]);

  const signOut = async () => {
    setOwnerDocument(undefined);
    await logout();
  };

  return (
    <section
      className="owner-portal"
      aria-labelledby={headingId}
      data-owner-state={document ? 'logged-in' : 'logged-out'}
    >
      <h3 id={headingId}>{t('thermographyOwner.heading')}</h3>
      {document ? (
        <OwnerResult document={document} onLogout={() => void signOut()} />
      ) : (
        <>
          <p>{t('thermographyOwner.intro')}</p>
          <OwnerLoginForm onLoggedIn={showBuilding} />
        </>
      )}
      {loadFailed && (
        <p role="alert" className="form-error">
          {t('thermographyOwner.loadFailed')}
        </p>
      )}
    </section>
  );
}

/** Looking at the building's centre from the south-west, its top at the height the city view draws it. */
function ownerCameraPose(document: OwnerDocument, topHeightMeters: number | undefined) {
  const [eastingMeters, northingMeters] = document.result.centre;
  const { longitudeDegrees, latitudeDegrees } = utm32ToGeographic({ eastingMeters, northingMeters });
  return cameraLookingAt(
    {
      longitudeDegrees,
      latitudeDegrees,
      heightMeters: topHeightMeters ?? document.building?.heightMeters ?? 0,
    },
    { rangeMeters: OWNER_VIEW_RANGE_METERS, pitchDegrees: -50, headingDegrees: 30 },
  );
}
