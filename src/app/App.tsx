import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useTwinStore } from '../store/StoreContext';
import { AddressSearch } from '../ui/AddressSearch';
import { BuildingInfoPanel } from '../ui/BuildingInfoPanel';
import { BuildingLegend } from '../ui/BuildingLegend';
import { CameraStatus } from '../ui/CameraStatus';
import { IssuesBanner } from '../ui/IssuesBanner';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { LoadingIndicator } from '../ui/LoadingIndicator';
import { SensorDetails } from '../ui/sensors/SensorDetails';
import { SensorFeedStatus } from '../ui/sensors/SensorFeedStatus';
import { MapControls } from '../ui/MapControls';
import { SidePanel } from '../ui/SidePanel';
import { useUnsavedEditsUnloadWarning } from '../ui/scenarios/useUnsavedEditsUnloadWarning';
import { HeatLossCellInfo } from '../ui/thermography/HeatLossCellInfo';
import { StoryboardStepCard } from '../ui/workshop/StoryboardStepCard';
import { WorkshopOverlay } from '../ui/workshop/WorkshopOverlay';
import { TwinViewer } from '../viewer/TwinViewer';

/** The layout: header, the 3D view filling the rest, panels and controls floating over it. */
export function App() {
  const { t, i18n } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  useUnsavedEditsUnloadWarning();
  useEffect(() => {
    void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [i18n, language]);
  useEffect(() => {
    document.title = `${t('app.title')}: ${t('app.subtitle')}`;
  }, [t, language]);
  return (
    <div className="app">
      <a className="skip-link" href="#map-controls">
        {t('app.skipToControls')}
      </a>
      <header className="app-header">
        <h1>
          {t('app.title')} <span className="subtitle">{t('app.subtitle')}</span>
        </h1>
        <AddressSearch />
        <LanguageSwitch />
      </header>
      <main className="app-main">
        <TwinViewer />
        <SidePanel />
        <MapControls />
        <BuildingInfoPanel />
        <HeatLossCellInfo />
        <SensorDetails />
        <BuildingLegend />
        <IssuesBanner />
        <StoryboardStepCard />
        <WorkshopOverlay />
        <footer className="status-bar">
          <LoadingIndicator />
          <SensorFeedStatus />
          <CameraStatus />
        </footer>
      </main>
    </div>
  );
}
