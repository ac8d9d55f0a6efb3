import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelId } from '../store/createTwinStore';
import { useTwinStore } from '../store/StoreContext';
import { CorridorPanel } from './corridors/CorridorPanel';
import { InfoPanel } from './InfoPanel';
import { LayerPanel } from './LayerPanel';
import { MeasurePanel } from './MeasurePanel';
import { ScenarioPanel } from './scenarios/ScenarioPanel';
import { SensorPanel } from './sensors/SensorPanel';
import { ThermographyPanel } from './thermography/ThermographyPanel';
import { StoryboardPanel } from './workshop/StoryboardPanel';

const PANELS: { id: PanelId; titleKey: `panels.${PanelId}` }[] = [
  { id: 'layers', titleKey: 'panels.layers' },
  { id: 'sensors', titleKey: 'panels.sensors' },
  { id: 'scenarios', titleKey: 'panels.scenarios' },
  { id: 'corridors', titleKey: 'panels.corridors' },
  { id: 'thermography', titleKey: 'panels.thermography' },
  { id: 'workshop', titleKey: 'panels.workshop' },
  { id: 'measure', titleKey: 'panels.measure' },
  { id: 'info', titleKey: 'panels.info' },
];

/** The content of a panel, chosen by id (a component declared here, not created while rendering). */
function PanelContent({ panelId }: { panelId: PanelId }) {
  switch (panelId) {
    case 'layers':
      return <LayerPanel />;
    case 'sensors':
      return <SensorPanel />;
    case 'scenarios':
      return <ScenarioPanel />;
    case 'corridors':
      return <CorridorPanel />;
    case 'thermography':
      return <ThermographyPanel />;
    case 'workshop':
      return <StoryboardPanel />;
    case 'measure':
      return <MeasurePanel />;
    case 'info':
      return <InfoPanel />;
  }
}

/** The panel buttons and, when one is open, its content beside the 3D view. */
export function SidePanel() {
  const { t } = useTranslation();
  const openPanel = useTwinStore((state) => state.openPanel);
  const togglePanel = useTwinStore((state) => state.togglePanel);
  const closePanel = useTwinStore((state) => state.closePanel);
  const open = PANELS.find((panel) => panel.id === openPanel);
  useEffect(() => {
    if (!openPanel) return;
    // Esc closes the open panel, wherever the focus is.
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && closePanel();
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openPanel, closePanel]);
  return (
    <>
      <div className="panel-buttons">
        {PANELS.map((panel) => (
          <button
            key={panel.id}
            type="button"
            aria-expanded={openPanel === panel.id}
            aria-controls={`panel-${panel.id}`}
            onClick={() => togglePanel(panel.id)}
          >
            {t(panel.titleKey)}
          </button>
        ))}
      </div>
      {open && (
        <section className="side-panel" id={`panel-${open.id}`} aria-labelledby={`panel-${open.id}-title`}>
          <header>
            <h2 id={`panel-${open.id}-title`}>{t(open.titleKey)}</h2>
            <button type="button" onClick={closePanel} aria-label={t('panels.close')}>
              ×
            </button>
          </header>
          <PanelContent panelId={open.id} />
        </section>
      )}
    </>
  );
}
