import { Fragment, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictViewData } from '../../../shared/contract/exchange';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';
import { Pager } from '../../ui/Pager';
import { ChangeReport } from './ChangeReport';
import { conflictSubject, conflictTitle, resolutionLine } from './conflict-text';
import { formatBytes, splitActor, tableLabel } from './values';

const PAGE = 50;

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

/** Bundles this office exported and imported, newest first; a row opens to show what that bundle did. */
export function ExchangeHistory({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [page, setPage] = useState(0);
  // A new bundle comes in at the top: back to the first page to show it.
  useEffect(() => setPage(0), [refresh]);
  const history = useLoad(() => call('exchange.history', { limit: PAGE, offset: page * PAGE }), [refresh, page]);
  const [opened, setOpened] = useState<number | null>(null);
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
              const isOpen = opened === h.id;
              const toggle = () => setOpened(isOpen ? null : h.id);
              return (
                <Fragment key={h.id}>
                  <tr className="clickable" data-testid="exchange-history-row" onClick={toggle}>
                    <td className="mono">
                      <button type="button" className="link" aria-expanded={isOpen} aria-label={t(isOpen ? 'exchange.history.close' : 'exchange.history.open')} onClick={(e) => { e.stopPropagation(); toggle(); }}>
                        {isOpen ? '▾' : '▸'}
                      </button>
                      {formatDateTime(h.at)}
                    </td>
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
                  {isOpen && (
                    <tr className="history-detail-row">
                      <td colSpan={8}>
                        <HistoryDetail id={h.id} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
      <Pager page={page} pageSize={PAGE} shown={items.length} total={history.data?.total ?? 0} label={t('exchange.history.pages')} onPage={setPage} testId="history-pager" />
    </section>
  );
}

/** Prints only the opened bundle (the rest of the screen is hidden by the print stylesheet). */
function printOne(): void {
  document.body.dataset.print = 'one';
  const done = () => {
    delete document.body.dataset.print;
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

/** One bundle opened: who, when, what it carried, what it did record by record, and the conflicts it raised with what was decided. */
function HistoryDetail({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useLoad(() => call('exchange.historyEntry', { id }), [id]);
  const d = detail.data;
  if (!d) return <ErrorText error={detail.error} />;
  const { entry, report, conflicts } = d;
  const office = `${entry.peerOffice} · ${regionName(entry.peerOffice, lang)}`;
  const counts = entry.direction === 'export' ? exportCounts(entry.summary) : null;
  return (
    <div className="history-detail print-area" data-testid="history-detail">
      <div className="review-head">
        <h3>
          {entry.direction === 'import' ? t('exchange.history.detailImport', { office }) : t('exchange.history.detailExport', { office })}
        </h3>
        <span className="spacer" />
        <button type="button" className="no-print" data-testid="history-print" onClick={printOne}>{t('exchange.history.print')}</button>
      </div>
      <dl className="exchange-facts">
        <dt>{t('exchange.history.at')}</dt>
        <dd>{formatDateTime(entry.at)} · {splitActor(entry.actor).login}</dd>
        <dt>{t('exchange.history.kind')}</dt>
        <dd>{entry.full ? t('exchange.full') : t('exchange.incremental')} · {t('exchange.history.rowsBytes', { rows: entry.rows, size: formatBytes(entry.bytes) })}</dd>
        <dt>{t('exchange.history.bundleId')}</dt>
        <dd className="mono small">{entry.bundleId}</dd>
      </dl>
      {counts && (
        <p className="small" data-testid="history-export-counts">
          {counts.length === 0 ? t('exchange.export.empty') : counts.map(([table, n]) => `${tableLabel(t, table)}: ${n}`).join(' · ')}
        </p>
      )}
      {entry.direction === 'import' && !report && <p className="muted small">{t('exchange.history.noReport')}</p>}
      {report && (
        <>
          {Object.values(report.counts).every((n) => n === 0) && <p className="muted">{t('exchange.import.doneNothing')}</p>}
          <ChangeReport report={report} fileName={`erikti-report-${entry.peerOffice}-${entry.at.slice(0, 10)}.csv`} />
        </>
      )}
      {conflicts.length > 0 && <Decisions conflicts={conflicts} />}
    </div>
  );
}

function exportCounts(summary: unknown): [string, number][] | null {
  if (typeof summary !== 'object' || summary === null || !('counts' in summary)) return null;
  return Object.entries((summary as { counts: Record<string, number> }).counts).filter(([, n]) => n > 0);
}

/** The conflicts a bundle raised and, for each, what was decided since (or that it is still open). */
function Decisions({ conflicts }: { conflicts: ConflictViewData[] }) {
  const { t } = useTranslation();
  const decided = conflicts.filter((c) => c.resolvedAt !== null).length;
  return (
    <>
      <h3>{t('exchange.history.decisions', { decided, total: conflicts.length })}</h3>
      <table className="plain-table" data-testid="history-decisions">
        <tbody>
          {conflicts.map((c) => (
            <tr key={c.id}>
              <td>{conflictTitle(t, c)}</td>
              <td>{conflictSubject(t, c)}</td>
              <td className="small">{c.resolvedAt ? resolutionLine(t, c) : <span className="warning">{t('exchange.history.stillOpen')}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
