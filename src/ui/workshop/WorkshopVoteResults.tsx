import { useTranslation } from 'react-i18next';
import { localize } from '../../domain/scenes/sceneDocument';
import type { StoryboardStep } from '../../domain/storyboards/storyboardSchema';
import type { StepVoteTally } from '../../domain/workshops/workshopProtocol';

/** Votes per option of a step, as text and a bar (the bar is decoration; the numbers are the content). */
export function WorkshopVoteResults({
  step,
  tally,
  language,
}: {
  step: StoryboardStep;
  tally: StepVoteTally | undefined;
  language: string;
}) {
  const { t } = useTranslation();
  if (step.question?.kind !== 'vote') return null;
  const total = Object.values(tally?.counts ?? {}).reduce((sum, count) => sum + count, 0);
  return (
    <section className="workshop-results" aria-labelledby="workshop-results-title">
      <h3 id="workshop-results-title">
        {t('workshop.results', { prompt: localize(step.question.prompt, language) })}
      </h3>
      <ul>
        {step.question.options.map((option) => {
          const count = tally?.counts[option.id] ?? 0;
          return (
            <li key={option.id} data-vote-option={option.id} data-vote-count={count}>
              <span>{t('workshop.voteCount', { option: localize(option.label, language), count })}</span>
              <span className="workshop-bar" aria-hidden="true">
                <span style={{ width: `${total === 0 ? 0 : (100 * count) / total}%` }} />
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
