import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MassingEdit } from '../../domain/scenarios/massingEdits';
import {
  SOCIAL_INFRASTRUCTURE_USE_KEYS,
  type Massing,
  type MassingUses,
} from '../../domain/scenarios/scenarioSchema';

/** The use groups a workshop sets; social infrastructure is day-care, school and community together. */
const USE_GROUPS = ['housing', 'commerce', 'social', 'mobility'] as const;
type UseGroup = (typeof USE_GROUPS)[number];

function percent(share: number | undefined): number {
  return Math.round((share ?? 0) * 1000) / 10;
}

function groupPercents(massing: Massing): Record<UseGroup, number> {
  const social = SOCIAL_INFRASTRUCTURE_USE_KEYS.reduce((sum, key) => sum + (massing.uses[key] ?? 0), 0);
  return {
    housing: percent(massing.uses.housing),
    commerce: percent(massing.uses.commerce),
    social: percent(social),
    mobility: percent(massing.uses.mobility),
  };
}

/** Shares in percent back to the document's uses; social infrastructure keeps its split (else all community). */
function usesFromPercents(massing: Massing, percents: Record<UseGroup, number>): MassingUses {
  const uses: MassingUses = {};
  if (percents.housing > 0) uses.housing = percents.housing / 100;
  if (percents.commerce > 0) uses.commerce = percents.commerce / 100;
  if (percents.mobility > 0) uses.mobility = percents.mobility / 100;
  const socialBefore = SOCIAL_INFRASTRUCTURE_USE_KEYS.reduce((sum, key) => sum + (massing.uses[key] ?? 0), 0);
  if (percents.social > 0) {
    if (socialBefore > 0) {
      for (const key of SOCIAL_INFRASTRUCTURE_USE_KEYS) {
        const part = (massing.uses[key] ?? 0) / socialBefore;
        if (part > 0) uses[key] = (percents.social / 100) * part;
      }
    } else uses.community = percents.social / 100;
  }
  return uses;
}

/** Floor-area shares of the selected massing in percent, applied together once they add up to 100 %. */
export function MassingUsesForm({ massing, onEdit }: { massing: Massing; onEdit(edit: MassingEdit): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState(() => groupPercents(massing));
  const [subsidised, setSubsidised] = useState(() => percent(massing.subsidisedHousingShare));
  const sum = Math.round(USE_GROUPS.reduce((total, group) => total + draft[group], 0) * 10) / 10;
  const valid =
    Math.abs(sum - 100) < 0.1 &&
    USE_GROUPS.every((group) => draft[group] >= 0 && draft[group] <= 100) &&
    subsidised >= 0 &&
    subsidised <= 100;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    onEdit({
      kind: 'setUses',
      massingId: massing.id,
      uses: usesFromPercents(massing, draft),
      subsidisedHousingShare: subsidised / 100,
    });
  };
  return (
    <form className="uses-form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{t('scenarioEdit.uses')}</h4>
      {USE_GROUPS.map((group) => (
        <div key={group} className="field edit-field">
          <label htmlFor={`${id}-${group}`}>{t(`scenarioEdit.use.${group}`)}</label>
          <input
            id={`${id}-${group}`}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step={1}
            value={draft[group]}
            onChange={(event) => setDraft({ ...draft, [group]: Number(event.currentTarget.value) || 0 })}
          />
        </div>
      ))}
      <div className="field edit-field">
        <label htmlFor={`${id}-subsidised`}>{t('scenarioEdit.subsidised')}</label>
        <input
          id={`${id}-subsidised`}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={1}
          value={subsidised}
          onChange={(event) => setSubsidised(Number(event.currentTarget.value) || 0)}
        />
      </div>
      <p role="status" className={valid ? 'note' : 'edit-problem'}>
        {valid ? t('scenarioEdit.usesSumOk') : t('scenarioEdit.usesSumWrong', { sum })}
      </p>
      <button type="submit" className="touch-button" disabled={!valid}>
        {t('scenarioEdit.applyUses')}
      </button>
    </form>
  );
}
