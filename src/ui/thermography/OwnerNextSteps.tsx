import { useTranslation } from 'react-i18next';
import type { OwnerDocument } from '../../domain/thermography/ownerDocument';
import { ownerNextSteps } from '../../domain/thermography/ownerNextSteps';

/** Concrete things to do next, chosen by the class, the hot spots and the roof type. */
export function OwnerNextSteps({ document }: { document: OwnerDocument }) {
  const { t } = useTranslation();
  return (
    <section className="owner-next-steps" aria-labelledby="owner-next-steps-title">
      <h4 id="owner-next-steps-title">{t('thermographyOwner.nextSteps.heading')}</h4>
      <ul>
        {ownerNextSteps(document).map((step) => (
          <li key={step} data-next-step={step}>
            {t(`thermographyOwner.nextSteps.steps.${step}`)}
          </li>
        ))}
      </ul>
      <p className="note">{t('thermographyOwner.nextSteps.hint')}</p>
    </section>
  );
}
