import { LocaleSchema, type Locale } from '@app/contracts';
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { it } from '@/locales/it';
import type { LocaleTree } from '@/locales/tree';

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

// Italian (the default and the fallback) is bundled; English is a separate chunk fetched the first
// time it is needed, so the first download carries one language. i18next asks this "backend" for
// any language not bundled, and changeLanguage resolves only once the language is loaded.
const otherLanguages: Partial<Record<Locale, () => Promise<LocaleTree>>> = {
  en: () => import('@/locales/en').then((module) => module.en),
};

const lazyLanguages: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const load = otherLanguages[toLocale(language)];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (tree) => callback(null, tree),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

export const i18n = i18next.createInstance();

// Resolves when the starting language is ready (at once in Italian; after the English chunk
// otherwise): main.tsx renders after it, so an English user never sees Italian first.
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .use(lazyLanguages)
  .init({
    resources: { it: { translation: it } },
    // The languages missing from `resources` come from the backend above.
    partialBundledLanguages: true,
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
