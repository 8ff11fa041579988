import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from './ErrorText';
import type { Loaded } from './useLoad';

/**
 * The states every screen about one record goes through before it has the record: loading, then
 * not found or failed (the error in the user's language, with the way back when there is one).
 * A reload keeps the record on screen instead of flashing the loading state.
 */
export function DetailScreen<T>({ loaded, back, children }: { loaded: Loaded<T>; back?: { href: string; label: string }; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (loaded.loading && loaded.data === undefined) return <div className="screen">{t('common.loading')}</div>;
  if (loaded.data === undefined) {
    return (
      <div className="screen">
        <ErrorText error={loaded.error} />
        {back && <a href={back.href}>{back.label}</a>}
      </div>
    );
  }
  return children(loaded.data);
}

/** The screen that edits one record (or makes a new one, `stored` null): the way back, the title, then the form. */
export function EditScreen<T>({ loaded, back, title, children }: { loaded: Loaded<T>; back: { href: string; label: string }; title: (stored: T) => string; children: (stored: T) => ReactNode }) {
  return (
    <DetailScreen loaded={loaded} back={back}>
      {(stored) => (
        <div className="screen">
          <div className="screen-head">
            <a href={back.href} className="back">← {back.label}</a>
            <h1>{title(stored)}</h1>
          </div>
          {children(stored)}
        </div>
      )}
    </DetailScreen>
  );
}
