import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROSTER_COLUMNS, type SavedView } from '../../../shared/contract/views';
import { call } from '../../app/api';
import { filtersOf, rosterQuery, useRoster } from '../../app/roster-store';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';

/**
 * The roster's columns and the user's saved views (columns, filters and order under a name):
 * pick one to apply it, save the current one, delete the one picked.
 */
export function RosterViewsMenu() {
  const { t } = useTranslation();
  const { filters, columns, setFilters, setColumns } = useRoster();
  const [version, setVersion] = useState(0);
  const views = useLoad(() => call('views.list', {}), [version]);
  const [current, setCurrent] = useState<SavedView | null>(null);
  const [naming, setNaming] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  const apply = (id: string) => {
    const view = views.data?.find((v) => String(v.id) === id) ?? null;
    setCurrent(view);
    if (!view) return;
    setFilters(filtersOf(view.view.query));
    setColumns(ROSTER_COLUMNS.filter((c) => view.view.columns.includes(c)));
  };
  const save = async () => {
    const name = (naming ?? '').trim();
    try {
      const { id } = await call('views.save', { name, view: { columns, query: rosterQuery(filters) } });
      setNaming(null);
      setError(null);
      setVersion((n) => n + 1);
      setCurrent({ id, name, view: { columns, query: rosterQuery(filters) } as SavedView['view'] });
      toastOk('views.saved', { name });
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (view: SavedView) => {
    try {
      await call('views.delete', { id: view.id });
      setCurrent(null);
      setVersion((n) => n + 1);
    } catch (e) {
      setError(e);
    }
  };
  const toggleColumn = (column: (typeof ROSTER_COLUMNS)[number], on: boolean) =>
    setColumns(ROSTER_COLUMNS.filter((c) => (c === column ? on : columns.includes(c))));

  return (
    <div className="roster-views" data-testid="roster-views">
      <details className="menu">
        <summary data-testid="roster-columns">{t('views.columns')}</summary>
        <div className="menu-panel">
          {ROSTER_COLUMNS.map((c) => (
            <label key={c} className="checkbox">
              <input type="checkbox" checked={columns.includes(c)} onChange={(e) => toggleColumn(c, e.target.checked)} />
              {t(`volunteer.${c}`)}
            </label>
          ))}
        </div>
      </details>
      <select aria-label={t('views.menu')} data-testid="views-pick" value={current ? String(current.id) : ''} onChange={(e) => apply(e.target.value)}>
        <option value="">{t('views.menu')}</option>
        {(views.data ?? []).map((v) => (
          <option key={v.id} value={String(v.id)}>{v.name}</option>
        ))}
      </select>
      {naming === null ? (
        <button type="button" data-testid="views-save" onClick={() => setNaming(current?.name ?? '')}>{t('views.save')}</button>
      ) : (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <input aria-label={t('views.name')} placeholder={t('views.name')} data-testid="views-name" value={naming} maxLength={80} autoFocus onChange={(e) => setNaming(e.target.value)} />
          <button type="submit" className="primary" disabled={naming.trim() === ''}>{t('common.save')}</button>
          <button type="button" onClick={() => setNaming(null)}>{t('common.cancel')}</button>
        </form>
      )}
      {current && naming === null && (
        <ConfirmButton label={t('views.delete')} question={t('views.confirmDelete', { name: current.name })} onConfirm={() => void remove(current)} danger />
      )}
      <ErrorText error={error} />
    </div>
  );
}
