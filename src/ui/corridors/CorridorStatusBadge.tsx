import { useTranslation } from 'react-i18next';
import type { CorridorStatus, FindingSeverity } from '../../domain/corridors/corridorFindings';

/** Not by colour alone: each state has its own sign and its word. */
const SIGNS: Record<CorridorStatus | FindingSeverity, string> = {
  clear: '✓',
  warning: '⚠',
  conflict: '✗',
  info: 'ℹ',
};

/** A corridor's status or a finding's severity as sign + word, coloured as a third cue. */
export function CorridorStatusBadge({ status }: { status: CorridorStatus | FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <span className={`corridor-status corridor-status-${status}`} data-status={status}>
      <span aria-hidden="true">{SIGNS[status]}</span> {t(`corridors.status.${status}`)}
    </span>
  );
}
