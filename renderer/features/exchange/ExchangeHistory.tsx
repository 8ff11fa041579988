import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';
import { formatBytes, splitActor } from './values';

const SHOWN = 100;

interface TableCounts {
  created?: number;
  updated?: number;
  conflicts?: number;
}

/** What an import did, added up over the kinds of record (the history keeps the import's summary). */
function importTotals(summary: unknown): { created: number; updated: number; conflicts: number } | null {
  if (typeof summary !== 'object' || summary === null || !('tables' in summary)) return null;
  const tables = (summary as { tables: Record<string, TableCounts> }).tables;
  const total = { created: 0, updated: 0, conflicts: 0 };
  for (const s of Object.values(tables)) {
    total.created += s.created ?? 0;
    total.updated += s.updated ?? 0;
    total.conflicts += s.conflicts ?? 0;
  }
  return total;
}

/** Bundles this office exported and imported, newest first. */
export function ExchangeHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const history = useLoad(() => call('exchange.history', { limit: SHOWN }), [refresh]);
  const items = history.data?.items ?? [];
  return (
    <section className="form-section" aria-labelledby="exchange-history-title">
      <h2 id="exchange-history-title">
        {t('exchange.history.title')} {history.data && history.data.total > 0 && <span className="muted">({history.data.total})</span>}
      </h2>
      <ErrorText error={history.error} />
      {history.data && items.length === 0 && <p className="empty">{t('exchange.history.empty')}</p>}
      {items.length > 0 && (
        <table className="plain-table" data-testid="exchange-history">
          <thead>
            <tr>
              <th>{t('exchange.history.at')}</th>
              <th>{t('exchange.history.direction')}</th>
              <th>{t('exchange.history.office')}</th>
              <th>{t('exchange.history.kind')}</th>
              <th className="num">{t('exchange.history.rows')}</th>
              <th>{t('exchange.history.result')}</th>
              <th className="num">{t('exchange.history.size')}</th>
              <th>{t('exchange.history.by')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((h) => {
              const totals = h.direction === 'import' ? importTotals(h.summary) : null;
              return (
                <tr key={h.id} data-testid="exchange-history-row">
                  <td className="mono">{formatDateTime(h.at)}</td>
                  <td>
                    <span className={`badge direction-${h.direction}`}>
                      {h.direction === 'import' ? `↓ ${t('exchange.history.imported')}` : `↑ ${t('exchange.history.exported')}`}
                    </span>
                  </td>
                  <td>
                    <span className="mono">{h.peerOffice}</span> · {regionName(h.peerOffice, lang)}
                  </td>
                  <td>{h.full ? t('exchange.full') : t('exchange.incremental')}</td>
                  <td className="num mono">{h.rows}</td>
                  <td className="small">
                    {totals
                      ? t('exchange.history.importTotals', totals)
                      : h.direction === 'export'
                        ? <span className="muted">—</span>
                        : null}
                  </td>
                  <td className="num mono">{formatBytes(h.bytes)}</td>
                  <td className="muted">{splitActor(h.actor).login}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {history.data && history.data.total > SHOWN && <p className="muted small">{t('exchange.history.more', { shown: SHOWN, total: history.data.total })}</p>}
    </section>
  );
}
