import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { FALLBACK_LANG, LANGS, RESOURCES, type Lang } from '../../shared/i18n/translate';

// One list of languages and one set of resources for the renderer, the core and the CLI.
export { LANGS, type Lang };

const LANG_KEY = 'erikti.lang';
const DEFAULT_LANG: Lang = 'ru';

const isLang = (value: unknown): value is Lang => (LANGS as readonly unknown[]).includes(value);

function savedLang(): Lang {
  try {
    const saved = localStorage.getItem(LANG_KEY);
    return isLang(saved) ? saved : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Initialises translations synchronously (resources are bundled), so the first render is translated. */
export function startI18n(): void {
  void i18next.use(initReactI18next).init({
    resources: RESOURCES,
    lng: savedLang(),
    fallbackLng: FALLBACK_LANG,
    supportedLngs: [...LANGS],
    // React escapes what it renders; escaping here too would show &quot; in names.
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  document.documentElement.lang = i18next.language;
  // The desktop app's menu starts in the language the page starts in.
  window.eriktiApp?.setLanguage(i18next.language);
}

declare global {
  interface Window {
    /** The desktop app's preload: the main process's menu follows the chosen language. */
    eriktiApp?: { setLanguage(lang: string): void };
  }
}

export function setLang(lang: Lang): void {
  void i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
  window.eriktiApp?.setLanguage(lang);
  try {
    localStorage.setItem(LANG_KEY, lang);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this run only.
  }
}

/** The current language, typed, for things translated outside i18next (region names, dates). */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return isLang(i18n.language) ? i18n.language : DEFAULT_LANG;
}
