import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../domain/view/viewState';
import de from './de.json';
import en from './en.json';

/** The translation resources; German is the reference, English must have the same keys (a unit test checks). */
export const TRANSLATIONS = { de, en } as const;

/** Creates the i18next instance for one app (or one test); the language comes from the view state. */
export async function setupI18n(language: Language): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'de',
    resources: { de: { translation: de }, en: { translation: en } },
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}
