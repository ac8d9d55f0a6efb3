import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../domain/view/viewState';
import { useTwinStore } from '../store/StoreContext';

/** Switches the UI language; each option is named in its own language, as WCAG 3.1.2 asks (lang on each part). */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useTwinStore((state) => state.view.language);
  const setLanguage = useTwinStore((state) => state.setLanguage);
  return (
    <div className="language-switch" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={language === option}
          onClick={() => setLanguage(option)}
        >
          {t(`language.${option}`)}
        </button>
      ))}
    </div>
  );
}
