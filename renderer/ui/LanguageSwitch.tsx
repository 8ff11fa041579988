import { useTranslation } from 'react-i18next';
import { LANGS, setLang, useLang } from '../app/i18n';

/** kk / ru / en, always visible; each language names itself so anyone can find theirs. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLang();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LANGS.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          aria-pressed={lang === current}
          className={lang === current ? 'active' : undefined}
          onClick={() => setLang(lang)}
        >
          {t(`langName.${lang}`)}
        </button>
      ))}
    </div>
  );
}
