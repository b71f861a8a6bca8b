import { LocaleSchema, type Locale } from '@app/contracts';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en, it } from '@/locales';

export const LANGUAGES = LocaleSchema.options;
export const DEFAULT_LANGUAGE: Locale = 'it';

// Only the language code is stored, never anything about the user.
const STORAGE_KEY = 'lang';

const readStoredLanguage = (): Locale => {
  try {
    const parsed = LocaleSchema.safeParse(window.localStorage.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
};

const storeLanguage = (language: Locale): void => {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage can be unavailable (private mode, policy); the choice then lasts for the session.
  }
};

export const toLocale = (language: string | undefined): Locale =>
  LocaleSchema.safeParse(language).data ?? DEFAULT_LANGUAGE;

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources: { it: { translation: it }, en: { translation: en } },
  lng: readStoredLanguage(),
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  interpolation: { escapeValue: false }, // React escapes.
  initAsync: false,
});

const applyLanguage = (language: string): void => {
  document.documentElement.lang = toLocale(language);
};

applyLanguage(i18n.language);
i18n.on('languageChanged', applyLanguage);

export const changeLanguage = async (language: Locale): Promise<void> => {
  storeLanguage(language);
  await i18n.changeLanguage(language);
};

// The current UI language, for Intl formatting. Re-renders on a language switch.
export const useLocale = (): Locale => toLocale(useTranslation().i18n.language);
