import { useTranslation } from 'react-i18next';
import type { WorkshopSessionState } from '../../store/workshopSlice';

/** The session code and whether this device is connected, announced when it changes. */
export function WorkshopStatus({ workshop }: { workshop: WorkshopSessionState }) {
  const { t } = useTranslation();
  return (
    <p className="workshop-status" role="status" data-workshop-connection={workshop.connection}>
      <span>{t('workshop.sessionCode', { code: workshop.code })}</span>{' '}
      <span className={`workshop-connection ${workshop.connection}`}>
        {t(`workshop.connection.${workshop.connection}`)}
      </span>
    </p>
  );
}
