import { useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { REPORT_KINDS, type ChangeReportView, type ReportItemView } from '../../../shared/contract/exchange';
import { useLang, type Lang } from '../../app/i18n';
import { download, toBase64 } from '../../app/files';
import { displayValue, fieldLabel, namedAlone, tableLabel } from './values';

type Kind = (typeof REPORT_KINDS)[number];

/** Records listed per section before "show all" (the print shows every detailed record). */
const SHOWN = 100;

/**
 * What an import does, record by record, as a careful import tool's dry-run report: one section
 * per kind of change (added, changed, erased, merged, conflicts …), each expandable, a search
 * over names, fields and values, and the whole report as a CSV file for a spreadsheet. Sections
 * open by themselves while printing, so the printed page holds the details too.
 */
export function ChangeReport({ report, fileName, open: openAll = false }: { report: ChangeReportView; fileName: string; open?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [query, setQuery] = useState('');
  const printing = usePrinting();
  const texts = useMemo(() => report.items.map((item) => searchText(t, lang, item)), [report, t, lang]);
  const needle = query.trim().toLowerCase();
  const kinds = REPORT_KINDS.filter((k) => (report.counts[k] ?? 0) > 0);
  if (kinds.length === 0) return null;

  const matching = (kind: Kind) => report.items.filter((item, i) => item.kind === kind && (needle === '' || texts[i]!.includes(needle)));
  const exportCsv = () => download(fileName, toBase64(new TextEncoder().encode(reportCsv(t, lang, report))));

  return (
    <div className="change-report" data-testid="change-report">
      <div className="filters no-print">
        <input
          type="search"
          className="search"
          data-testid="change-report-search"
          aria-label={t('exchange.report.search')}
          placeholder={t('exchange.report.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <button type="button" data-testid="change-report-export" onClick={exportCsv}>{t('exchange.report.export')}</button>
      </div>
      {kinds.map((kind) => (
        <ReportSection key={kind} kind={kind} count={report.counts[kind] ?? 0} items={matching(kind)} searching={needle !== ''} forceOpen={openAll || printing} showAll={printing} />
      ))}
      {report.truncated && <p className="muted small">{t('exchange.report.truncated')}</p>}
    </div>
  );
}

function ReportSection({ kind, count, items, searching, forceOpen, showAll }: {
  kind: Kind;
  count: number;
  items: ReportItemView[];
  searching: boolean;
  forceOpen: boolean;
  showAll: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [all, setAll] = useState(false);
  const isOpen = open || forceOpen || (searching && items.length > 0);
  const shown = all || showAll ? items : items.slice(0, SHOWN);
  return (
    <details className={`report-section report-${kind}`} open={isOpen} data-testid={`report-${kind}`}>
      <summary
        onClick={(e) => {
          e.preventDefault();
          setOpen(!isOpen);
        }}
      >
        {t(`exchange.report.kind.${kind}`)} <span className="tab-count" data-testid={`report-${kind}-count`}>{count}</span>
        {searching && <span className="muted small"> · {t('exchange.report.found', { n: items.length })}</span>}
      </summary>
      {isOpen && (
        <>
          <ul className="report-items">
            {shown.map((item, i) => (
              <ReportLine key={`${item.table}-${item.id}-${item.conflictId ?? i}`} item={item} />
            ))}
          </ul>
          {shown.length < items.length && (
            <button type="button" className="link no-print" onClick={() => setAll(true)}>
              {t('exchange.report.showAll', { n: items.length })}
            </button>
          )}
          {!searching && items.length < count && <p className="muted small">{t('exchange.report.detailed', { shown: items.length, total: count })}</p>}
        </>
      )}
    </details>
  );
}

function ReportLine({ item }: { item: ReportItemView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const kindOfRecord = namedAlone(item.table) ? null : <span className="muted small"> · {tableLabel(t, item.table)}</span>;
  const empty = <span className="muted">{t('exchange.conflicts.emptyValue')}</span>;
  return (
    <li data-testid="report-item">
      <strong>{item.label}</strong>
      {kindOfRecord}
      {item.into && (
        <>
          {' '}→ <strong>{item.into.label}</strong>
        </>
      )}
      {item.kind === 'conflict' && (
        <span className="muted"> · {item.conflictKind === 'delete' ? t('exchange.conflicts.deleteKind') : fieldLabel(t, item.table, item.field ?? '')}</span>
      )}
      {item.changes && (
        <ul className="report-changes">
          {item.changes.map((c) => (
            <li key={c.field}>
              <span className="muted">{fieldLabel(t, item.table, c.field)}:</span>{' '}
              <del>{displayValue(t, lang, item.table, c.field, c.from) || empty}</del> → <ins>{displayValue(t, lang, item.table, c.field, c.to) || empty}</ins>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** Everything a coordinator might type to find a record in the report, lower-cased. */
function searchText(t: TFunction, lang: Lang, item: ReportItemView): string {
  const parts = [item.label, item.into?.label ?? '', item.field ? fieldLabel(t, item.table, item.field) : ''];
  for (const c of item.changes ?? []) parts.push(fieldLabel(t, item.table, c.field), displayValue(t, lang, item.table, c.field, c.from), displayValue(t, lang, item.table, c.field, c.to));
  return parts.join('\n').toLowerCase();
}

/** A cell as text a spreadsheet keeps as text (a leading = + - @ would start a formula). */
const csvCell = (text: string) => {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The report as the CSV the roster export writes too: UTF-8 with BOM, semicolons, one line per field change. */
function reportCsv(t: TFunction, lang: Lang, report: ChangeReportView): string {
  const head = ['what', 'recordKind', 'record', 'field', 'from', 'to'].map((c) => t(`exchange.report.column.${c}`));
  const lines = [head];
  for (const item of report.items) {
    const base = [t(`exchange.report.kind.${item.kind}`), tableLabel(t, item.table), item.label];
    if (item.changes) {
      for (const c of item.changes) lines.push([...base, fieldLabel(t, item.table, c.field), displayValue(t, lang, item.table, c.field, c.from), displayValue(t, lang, item.table, c.field, c.to)]);
    } else if (item.kind === 'conflict') {
      lines.push([...base, item.conflictKind === 'delete' ? t('exchange.conflicts.deleteKind') : fieldLabel(t, item.table, item.field ?? ''), '', '']);
    } else {
      lines.push([...base, '', '', item.into?.label ?? '']);
    }
  }
  return `\ufeff${lines.map((l) => l.map(csvCell).join(';')).join('\r\n')}\r\n`;
}

/** True while the page is being printed (sections open and list every record). */
function usePrinting(): boolean {
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    // The page is laid out for print right after this event: render the open sections first.
    const before = () => flushSync(() => setPrinting(true));
    const after = () => setPrinting(false);
    window.addEventListener('beforeprint', before);
    window.addEventListener('afterprint', after);
    return () => {
      window.removeEventListener('beforeprint', before);
      window.removeEventListener('afterprint', after);
    };
  }, []);
  return printing;
}
