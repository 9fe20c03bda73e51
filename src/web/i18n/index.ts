// i18next set-up: Danish by default, the choice remembered in localStorage, <html lang> kept in step.
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import da from './da.json';
import en from './en.json';
import { DEFAULT_LANGUAGE, LANGUAGES, toLanguage, type Language } from './languages.js';

const STORAGE_KEY = 'medspiller.language';

function storedLanguage(): Language {
  try {
    return toLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    // Storage can be blocked (privacy settings); the default language still works.
    return DEFAULT_LANGUAGE;
  }
}

function remember(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is acceptable; failing the switch is not.
  }
}

function apply(language: Language): void {
  document.documentElement.lang = language;
}

export async function initI18n(): Promise<void> {
  i18n.on('languageChanged', (lng) => {
    apply(toLanguage(lng));
  });
  await i18n.use(initReactI18next).init({
    resources: { da: { translation: da }, en: { translation: en } },
    lng: storedLanguage(),
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  apply(toLanguage(i18n.language));
}

/** Switches the UI language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
  remember(language);
}

/** The current UI language as one of ours (i18next itself speaks in plain strings). */
export function useLanguage(): Language {
  const { i18n: instance } = useTranslation();
  return toLanguage(instance.resolvedLanguage ?? instance.language);
}
