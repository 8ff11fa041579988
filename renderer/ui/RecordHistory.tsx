import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryEntry, HistoryTable } from '../../shared/contract/audit';
import { call } from '../app/api';
import { useLang } from '../app/i18n';
import { ErrorText } from './ErrorText';
import { formatDateTime } from './format';
import { useLoad } from './useLoad';
import { displayValue, fieldLabel, splitActor } from './record-values';

const PAGE = 10;

/**
 * A record's history, field by field (history.record): collapsed until asked for, since most
 * visits to a profile are not about it. Each write shows who made it and at which office, and
 * whether it arrived in an exchange bundle; values read as the profile shows them.
 */
export function RecordHistory({ table, id }: { table: HistoryTable; id: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <section className="facts record-history" data-testid="record-history">
      <h2>
        <button type="button" className="link history-toggle" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="record-history-toggle">
          {open ? '▾' : '▸'} {t('recordHistory.title')}
        </button>
      </h2>
      {open && <HistoryList table={table} id={id} />}
    </section>
  );
}

function HistoryList({ table, id }: { table: HistoryTable; id: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(PAGE);
  const loaded = useLoad(() => call('history.record', { table, id, offset: 0, limit: shown }), [table, id, shown]);
  if (loaded.error) return <ErrorText error={loaded.error} />;
  if (!loaded.data) return null;
  const { entries, total } = loaded.data;
  if (total === 0) return <p className="muted">{t('recordHistory.none')}</p>;
  return (
    <>
      <ol className="history-list">
        {entries.map((entry) => (
          <HistoryItem key={`${entry.stamp}-${entry.kind}`} table={table} entry={entry} />
        ))}
      </ol>
      {total > entries.length && (
        <button type="button" onClick={() => setShown(shown + PAGE)} data-testid="record-history-more">
          {t('recordHistory.more')}
        </button>
      )}
    </>
  );
}

function HistoryItem({ table, entry }: { table: HistoryTable; entry: HistoryEntry }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { login, office } = splitActor(entry.actor);
  const value = (field: string, v: unknown) => displayValue(t, lang, table, field, v) || t('recordHistory.empty');
  return (
    <li className="history-item" data-testid="record-history-entry">
      <div className="history-head">
        <strong>{formatDateTime(entry.at)}</strong> · {t('recordHistory.by', { login, office })}
        {entry.kind !== 'here' && <span className="muted"> · {t(`recordHistory.${entry.kind}`)}</span>}
      </div>
      <dl className="history-changes">
        {entry.changes.map((c) => (
          <div key={c.field} className="history-change">
            <dt>{fieldLabel(t, table, c.field)}</dt>
            <dd>
              {entry.kind !== 'known' && (
                <>
                  <span className="history-old">{value(c.field, c.from)}</span> →{' '}
                </>
              )}
              <span className="history-new">{value(c.field, c.to)}</span>
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}
