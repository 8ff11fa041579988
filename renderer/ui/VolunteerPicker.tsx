import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VolunteerRow } from '../../shared/contract/volunteers';
import { call } from '../app/api';
import { formatDate, fullName } from './format';
import { useDebounced, useLoad } from './useLoad';

const SUGGESTIONS = 8;

/**
 * One person picked from the roster by name, IIN or phone (the roster's own search): a search
 * box and its matches until someone is chosen, then the name with a way to change it.
 */
export function VolunteerPicker({ id, label, chosen, onChoose }: { id: string; label: string; chosen: VolunteerRow | null; onChoose(v: VolunteerRow | null): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const found = useLoad(() => (query ? call('volunteers.search', { text: query, limit: SUGGESTIONS }) : Promise.resolve(null)), [query]);
  const rows = found.data?.rows ?? [];
  if (chosen) {
    return (
      <span data-testid={`${id}-chosen`}>
        <strong>{fullName(chosen)}</strong> <span className="muted">{formatDate(chosen.birthDate)}</span>{' '}
        <button type="button" className="link" onClick={() => onChoose(null)}>{t('common.change')}</button>
      </span>
    );
  }
  return (
    <div className="member-search">
      <input id={id} type="search" className="search" aria-label={label} placeholder={t('roster.searchPlaceholder')} value={text} onChange={(e) => setText(e.target.value)} />
      {rows.length > 0 && (
        <ul className="suggestions" role="listbox" aria-label={label}>
          {rows.map((r) => (
            <li key={r.id}>
              <button type="button" role="option" aria-selected={false} onClick={() => (onChoose(r), setText(''))}>
                {fullName(r)} <span className="muted">{formatDate(r.birthDate)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {query && found.data && rows.length === 0 && <span className="muted">{t('roster.empty')}</span>}
    </div>
  );
}
