import { useTranslation } from 'react-i18next';
import type { CorridorReport } from '../../domain/corridors/checkCorridors';
import { displayGroundOf, findingCameraPose } from '../../domain/corridors/corridorDisplay';
import type { CorridorFinding } from '../../domain/corridors/corridorFindings';
import { useTwinStore } from '../../store/StoreContext';
import { CorridorStatusBadge } from './CorridorStatusBadge';
import { describeFinding, findingBasis, findingTitle } from './findingDetails';

const stretch = (finding: CorridorFinding) =>
  finding.toMeters - finding.fromMeters < 1
    ? `${Math.round(finding.fromMeters)}`
    : `${Math.round(finding.fromMeters)}–${Math.round(finding.toMeters)}`;

/** A corridor's findings; a button each (click or Enter) flies the camera there and marks it on the model. */
export function CorridorFindingList({ report }: { report: CorridorReport }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const selectedFindingId = useTwinStore((state) => state.selectedFindingId);
  const selectFinding = useTwinStore((state) => state.selectFinding);
  const requestCamera = useTwinStore((state) => state.requestCamera);
  const ground = useTwinStore((state) => displayGroundOf(state.config));
  if (report.findings.length === 0) return <p className="note">{t('corridors.noFindings')}</p>;
  const show = (finding: CorridorFinding) => {
    selectFinding(finding.id);
    requestCamera(findingCameraPose(finding.position, ground));
  };
  return (
    <ol className="corridor-findings" aria-label={t('corridors.findings')}>
      {report.findings.map((finding) => (
        <li key={finding.id}>
          <button
            type="button"
            className="corridor-finding"
            aria-pressed={selectedFindingId === finding.id}
            data-finding-id={finding.id}
            data-rule={finding.rule}
            onClick={() => show(finding)}
          >
            <CorridorStatusBadge status={finding.severity} />{' '}
            <strong>{findingTitle(finding, language)}</strong>
            <span className="corridor-finding-detail">{describeFinding(finding, language, t)}</span>
            <span className="note">{t('corridors.alongLine', { stretch: stretch(finding) })}</span>
          </button>
          <p className="note corridor-finding-basis">
            {t('corridors.basis')}: {findingBasis(finding)}
          </p>
        </li>
      ))}
    </ol>
  );
}
