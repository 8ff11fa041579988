import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardFigure, Figure } from '../../../shared/contract/reports';
import { regionName } from '../../../shared/domain/regions';
import { formatNumber, noteText } from '../../../shared/domain/report-format';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { formatDate } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';
import { hrefFor } from '../../app/router';
import { listBehind } from './figure-lists';
import { ReportsTabs } from './ReportsTabs';

/** Figures that call for attention when not zero (work waiting, places to fill, conflicts). */
const ATTENTION = new Set(['unverifiedHours', 'entriesWaiting', 'staffingGaps', 'expiringQualifications', 'openConflicts', 'likelyDuplicates']);

function FigureCard({ figure, on }: { figure: Figure; on: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const body = (
    <>
      <span className="figure-value">{figure.value === null ? '—' : formatNumber(figure.value, lang)}</span>
      <span className="figure-label">{t(`dashboard.figure.${figure.key}`)}</span>
    </>
  );
  const className = `figure-card${ATTENTION.has(figure.key) && figure.value ? ' attention' : ''}`;
  const list = figure.mayOpen ? listBehind(figure.key, on) : null;
  return list ? (
    <a className={className} href={hrefFor(list)} data-testid={`figure-${figure.key}`}>{body}</a>
  ) : (
    <div className={className} data-testid={`figure-${figure.key}`}>{body}</div>
  );
}

/** At the centre: each region's freshness and its figures side by side. */
function Regions({ dashboard }: { dashboard: Dashboard }) {
  const { t } = useTranslation();
  const lang = useLang();
  const keys = Object.keys(dashboard.regions[0]?.figures ?? {});
  const freshness = new Map(dashboard.freshness.map((f) => [f.region, f]));
  const mayOpen = new Set<string>(dashboard.figures.filter((f) => f.mayOpen).map((f) => f.key));
  return (
    <section className="dashboard-regions">
      <h2>{t('dashboard.regions')}</h2>
      <div className="table-scroll">
        <table className="plain-table compact" data-testid="dashboard-regions">
          <thead>
            <tr>
              <th>{t('reports.column.region')}</th>
              <th>{t('dashboard.lastBundle')}</th>
              {keys.map((key) => <th key={key} className="num">{t(`dashboard.figure.${key}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {dashboard.regions.map((r) => {
              const f = freshness.get(r.region);
              return (
                <tr key={r.region} className={f?.stale ? 'stale' : undefined} data-testid="dashboard-region">
                  <td>{regionName(r.region, lang)}</td>
                  <td title={f && Object.keys(f.carried).length ? `${t('dashboard.carried')}: ${Object.entries(f.carried).map(([table, n]) => `${table} ${n}`).join(', ')}` : undefined}>
                    {!f?.lastBundleAt ? t('dashboard.never') : `${formatDate(f.lastBundleAt.slice(0, 10))} · ${t('dashboard.daysSilent', { count: f.daysSilent ?? 0 })}`}
                    {f?.stale && <span className="badge status-candidate">{t('dashboard.stale')}</span>}
                    {f?.lastBundleAt && <div className="muted small">{t('dashboard.records', { count: f.rows })}</div>}
                  </td>
                  {keys.map((key) => {
                    const value = formatNumber(r.figures[key] ?? 0, lang);
                    const list = mayOpen.has(key) ? listBehind(key as DashboardFigure, dashboard.on, r.region) : null;
                    return <td key={key} className="num">{list ? <a href={hrefFor(list)} data-testid={`region-${r.region}-${key}`}>{value}</a> : value}</td>;
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/** The first screen after sign-in: the office's work at a glance, each figure a link to the list behind it. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const dashboard = useLoad(() => call('dashboard.office', {}), []);
  // The duplicates count scans every name: the other figures do not wait for it.
  const duplicates = useLoad(() => call('dashboard.duplicates', {}), []);
  const d = dashboard.data;
  const figureList = d?.figures.map((f) => (f.key === 'likelyDuplicates' ? { ...f, value: duplicates.data?.count ?? null } : f));
  return (
    <div className="screen">
      <ReportsTabs current="dashboard" />
      <div className="screen-head">
        <h1>{t('dashboard.title')}</h1>
        {d && <span className="count">{t('dashboard.on', { date: formatDate(d.on) })}</span>}
      </div>
      <ErrorText error={dashboard.error} />
      {d?.notes.map((note) => <p key={note.key} className="notice warn" role="note" data-testid="dashboard-note">{noteText(note, lang)}</p>)}
      {d && (
        <div className="figure-grid" data-testid="dashboard-figures">
          {figureList!.map((f) => <FigureCard key={f.key} figure={f} on={d.on} />)}
        </div>
      )}
      {d && d.regions.length > 0 && <Regions dashboard={d} />}
    </div>
  );
}
