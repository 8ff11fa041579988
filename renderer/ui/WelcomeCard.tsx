import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the screens before sign-in: the app's name, the language switch, one card. */
export function WelcomeCard({ title, subtitle, children }: { title: string; subtitle?: string | undefined; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="welcome">
      {/* Landmarks, so a screen reader can jump to the form and nothing lies outside them. */}
      <header className="welcome-top">
        <span className="brand-name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main className="welcome-card">
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
        {children}
      </main>
    </div>
  );
}
