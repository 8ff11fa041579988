import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { problemsFromZod } from '../../../shared/contract/errors';
import type { CallInput } from '../../../shared/contract';
import type { ConflictFacets, ConflictViewData } from '../../../shared/contract/exchange';
import { fieldOf, offersTypedValue, typedValueRule } from '../../../shared/domain/replicated-table';
import { tableSpec } from '../../../shared/domain/tables';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, type Route } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { dateForInput, formatDate, formatDateTime } from '../../ui/format';
import { translateProblem } from '../../ui/problems';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { lastPageWithItems, Pager } from '../../ui/Pager';
import { ExchangeTabs } from './ExchangeTabs';
import { conflictSubject, conflictTitle, eraseStory, resolutionLine } from './conflict-text';
import { displayValue, editableValue, fieldLabel, splitActor, tableLabel } from './values';

const PAGE = 50;

interface Filter {
  office: string;
  table: string;
  field: string;
  kind: '' | 'field' | 'delete';
}
const NO_FILTER: Filter = { office: '', table: '', field: '', kind: '' };

/**
 * The conflict review list. When two offices changed the same field at the same time, one value
 * won everywhere and the other was set aside; here a coordinator sees both side by side, with who
 * and when (to the second, the later one marked), and keeps one or types the right value — one by
 * one, or many at once ("keep what is in effect", "take Astana's values"). Filters narrow the list
 * by office, kind of record, field and kind of conflict; pages reach every conflict. Each choice
 * is an ordinary edit that travels to the other offices with the next bundle.
 */
export function ConflictsScreen() {
  const { t } = useTranslation();
  const [showResolved, setShowResolved] = useState(false);
  const [filter, setFilter] = useState<Filter>(NO_FILTER);
  const [page, setPage] = useState(0);
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [round, setRound] = useState(0);
  const filterInput = {
    ...(filter.office ? { office: filter.office } : {}),
    ...(filter.table ? { table: filter.table } : {}),
    ...(filter.field ? { field: filter.field } : {}),
    ...(filter.kind ? { kind: filter.kind } : {}),
  };
  const query = { includeResolved: showResolved, limit: PAGE, offset: page * PAGE, ...filterInput };
  const list = useLoad(() => call('conflicts.list', query), [JSON.stringify(query), round]);
  const changed = () => {
    setSelected(new Set());
    setRound((r) => r + 1);
  };
  const narrow = (next: Filter) => {
    setFilter(next);
    setPage(0);
    setSelected(new Set());
  };
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  if (list.data && page !== lastPageWithItems(page, PAGE, total)) setPage(lastPageWithItems(page, PAGE, total));
  const open = items.filter((c) => c.resolvedAt === null);
  const toggle = (id: number, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  };

  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.conflicts.title')}</h1>
        {list.data && <span className="count">{t('exchange.conflicts.count', { n: total })}</span>}
        <span className="spacer" />
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showResolved}
            onChange={(e) => {
              setShowResolved(e.target.checked);
              setPage(0);
              setSelected(new Set());
            }}
          />
          {t('exchange.conflicts.showResolved')}
        </label>
      </div>
      <ExchangeTabs current="conflicts" refresh={round} />
      <p className="muted small">{t('exchange.conflicts.intro')}</p>
      {list.data && <Filters facets={list.data.facets} filter={filter} onChange={narrow} />}
      <ErrorText error={list.error} />
      {list.loading && !list.data && <p className="muted">{t('common.loading')}</p>}
      {list.data && items.length === 0 && <p className="empty">{t('exchange.conflicts.empty')}</p>}
      {open.length > 0 && (
        <BulkBar
          filter={filterInput}
          openTotal={showResolved ? null : total}
          pageIds={open.map((c) => c.id)}
          selected={selected}
          offices={list.data?.facets.offices ?? []}
          onSelect={setSelected}
          onDone={changed}
        />
      )}
      <div className="review-list">
        {items.map((c) => (
          <ConflictCard key={c.id} conflict={c} onResolved={changed} selected={selected.has(c.id)} onSelect={(on) => toggle(c.id, on)} />
        ))}
      </div>
      <Pager page={page} pageSize={PAGE} shown={items.length} total={total} label={t('exchange.conflicts.pages')} onPage={setPage} testId="conflicts-pager" />
    </div>
  );
}

/** Narrowing the list: by office (either side written there), kind of record, field and kind of conflict. */
function Filters({ facets, filter, onChange }: { facets: ConflictFacets; filter: Filter; onChange(next: Filter): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const fields = facets.fields.filter((f) => !filter.table || f.table === filter.table);
  return (
    <div className="filters conflict-filters" data-testid="conflict-filters">
      <select aria-label={t('exchange.conflicts.filter.office')} data-testid="conflict-filter-office" value={filter.office} onChange={(e) => onChange({ ...filter, office: e.target.value })}>
        <option value="">{t('exchange.conflicts.filter.anyOffice')}</option>
        {[...new Set([...facets.offices, filter.office].filter(Boolean))].map((o) => (
          <option key={o} value={o}>{o} · {regionName(o, lang)}</option>
        ))}
      </select>
      <select aria-label={t('exchange.conflicts.filter.table')} data-testid="conflict-filter-table" value={filter.table} onChange={(e) => onChange({ ...filter, table: e.target.value, field: '' })}>
        <option value="">{t('exchange.conflicts.filter.anyTable')}</option>
        {[...new Set([...facets.tables, filter.table].filter(Boolean))].map((table) => (
          <option key={table} value={table}>{tableLabel(t, table)}</option>
        ))}
      </select>
      <select aria-label={t('exchange.conflicts.filter.field')} data-testid="conflict-filter-field" value={filter.field} onChange={(e) => onChange({ ...filter, field: e.target.value })}>
        <option value="">{t('exchange.conflicts.filter.anyField')}</option>
        {fields.map((f) => (
          <option key={`${f.table}.${f.field}`} value={f.field}>{fieldLabel(t, f.table, f.field)}</option>
        ))}
      </select>
      <select aria-label={t('exchange.conflicts.filter.kind')} data-testid="conflict-filter-kind" value={filter.kind} onChange={(e) => onChange({ ...filter, kind: e.target.value as Filter['kind'] })}>
        <option value="">{t('exchange.conflicts.filter.anyKind')}</option>
        <option value="field">{t('exchange.conflicts.filter.fieldKind')}</option>
        <option value="delete">{t('exchange.conflicts.deleteKind')}</option>
      </select>
      {(filter.office || filter.table || filter.field || filter.kind) && (
        <button type="button" className="link" onClick={() => onChange(NO_FILTER)}>{t('exchange.conflicts.filter.clear')}</button>
      )}
    </div>
  );
}

/** Many decisions at once: select conflicts, then keep what is in effect, take what was set aside, or take one office's values. */
/** The most ids one call takes (the contract's page and bulk limit). */
const CALL_MAX = 1000;

/** Every open conflict the filter matches, across pages. */
async function matchingIds(filter: Partial<Pick<Filter, 'office' | 'table' | 'field'>> & { kind?: 'field' | 'delete' }): Promise<number[]> {
  const ids: number[] = [];
  for (let offset = 0; ; offset += CALL_MAX) {
    const page = await call('conflicts.list', { ...filter, limit: CALL_MAX, offset });
    ids.push(...page.items.map((c) => c.id));
    if (page.items.length < CALL_MAX || ids.length >= page.total) return ids;
  }
}

function BulkBar({ filter, openTotal, pageIds, selected, offices, onSelect, onDone }: {
  filter: Partial<Pick<Filter, 'office' | 'table' | 'field'>> & { kind?: 'field' | 'delete' };
  /** Open conflicts matching the filter (null while resolved ones are listed too). */
  openTotal: number | null;
  pageIds: number[];
  selected: Set<number>;
  offices: string[];
  onSelect(next: Set<number>): void;
  onDone(): void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const action = useAction();
  const [office, setOffice] = useState('');
  const [skipped, setSkipped] = useState<{ n: number; reason: string } | null>(null);
  const allOnPage = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const ids = [...selected];
  const run = async (input: { choice: 'winner' | 'loser' } | { choice: 'office'; office: string }) => {
    setSkipped(null);
    const result = await action.run(async () => {
      const total = { resolved: [] as number[], skipped: [] as { id: number; key: string; params?: Record<string, string | number> }[] };
      for (let i = 0; i < ids.length; i += CALL_MAX) {
        const part = await call('conflicts.resolveMany', { ids: ids.slice(i, i + CALL_MAX), ...input } as CallInput<'conflicts.resolveMany'>);
        total.resolved.push(...part.resolved);
        total.skipped.push(...part.skipped);
      }
      return total;
    }, toastError);
    if (!result) return;
    if (result.resolved.length > 0) toastOk('exchange.conflicts.bulkDone', { n: result.resolved.length });
    const first = result.skipped[0];
    if (first) setSkipped({ n: result.skipped.length, reason: translateProblem(t, first.params ? { key: first.key, params: first.params } : { key: first.key }) });
    onDone();
  };
  return (
    <div className="bulk-bar" data-testid="conflict-bulk">
      <label className="checkbox">
        <input type="checkbox" data-testid="conflict-select-page" checked={allOnPage} onChange={(e) => onSelect(e.target.checked ? new Set([...selected, ...pageIds]) : new Set([...selected].filter((id) => !pageIds.includes(id))))} />
        {t('exchange.conflicts.selectPage')}
      </label>
      {openTotal !== null && openTotal > pageIds.length && selected.size < openTotal && (
        <button type="button" className="link" data-testid="conflict-select-all" disabled={action.busy} onClick={() => void action.run(async () => onSelect(new Set(await matchingIds(filter))))}>
          {t('exchange.conflicts.selectAll', { n: openTotal })}
        </button>
      )}
      <span className="muted" data-testid="conflict-selected">{t('exchange.conflicts.selected', { n: selected.size })}</span>
      {selected.size > 0 && (
        <>
          <button type="button" data-testid="conflict-bulk-winner" disabled={action.busy} onClick={() => void run({ choice: 'winner' })}>{t('exchange.conflicts.bulkWinner')}</button>
          <button type="button" data-testid="conflict-bulk-loser" disabled={action.busy} onClick={() => void run({ choice: 'loser' })}>{t('exchange.conflicts.bulkLoser')}</button>
          <span className="bulk-office">
            <select aria-label={t('exchange.conflicts.bulkOfficeLabel')} data-testid="conflict-bulk-office" value={office} onChange={(e) => setOffice(e.target.value)}>
              <option value="">{t('exchange.conflicts.bulkOfficeChoose')}</option>
              {offices.map((o) => (
                <option key={o} value={o}>{o} · {regionName(o, lang)}</option>
              ))}
            </select>
            <button type="button" className="primary" data-testid="conflict-bulk-office-run" disabled={action.busy || office === ''} onClick={() => void run({ choice: 'office', office })}>
              {office ? t('exchange.conflicts.bulkOffice', { office: regionName(office, lang) }) : t('exchange.conflicts.bulkOfficeLabel')}
            </button>
          </span>
        </>
      )}
      {skipped && <p className="notice" role="status" data-testid="conflict-bulk-skipped">{t('exchange.conflicts.bulkSkipped', { n: skipped.n, reason: skipped.reason })}</p>}
    </div>
  );
}

/** Whether the coordinator may type a value: its table declares a rule for it and it is not a closed list. */
function canEdit(c: ConflictViewData): boolean {
  const spec = tableSpec(c.table);
  return c.kind === 'field' && spec !== undefined && offersTypedValue(spec, c.field);
}

/** The record's screen, as its table declares it; none for a delete conflict, whose record is erased until someone restores it. */
function recordHref(c: ConflictViewData): string | null {
  const screen = tableSpec(c.table)?.screen;
  if (c.kind === 'delete' || !screen) return null;
  return hrefFor({ name: screen, id: c.rowId } as Route);
}

function ConflictCard({ conflict: c, onResolved, selected, onSelect }: { conflict: ConflictViewData; onResolved(): void; selected: boolean; onSelect(on: boolean): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [editing, setEditing] = useState(false);
  const resolved = c.resolvedAt !== null;
  const href = recordHref(c);

  const resolve = async (input: { choice: 'winner' | 'loser' } | { choice: 'value'; value: string | number | null }) => {
    const done = await action.run(() => call('conflicts.resolve', { id: c.id, ...input }), toastError);
    if (done) {
      toastOk('exchange.conflicts.resolved');
      setEditing(false);
      onResolved();
    }
  };

  const isDelete = c.kind === 'delete';
  const title = conflictTitle(t, c);
  return (
    <article className={`review-card${resolved ? ' resolved' : ''}`} data-testid="conflict" aria-labelledby={`conflict-${c.id}`}>
      <header className="review-head">
        {!resolved && (
          <input type="checkbox" data-testid="conflict-select" checked={selected} onChange={(e) => onSelect(e.target.checked)} aria-label={t('exchange.conflicts.select', { name: title })} />
        )}
        <h2 id={`conflict-${c.id}`} data-testid="conflict-title">
          {href && !resolved ? <a href={href}>{title}</a> : title}
        </h2>
        <span className="badge">{conflictSubject(t, c)}</span>
        <span className="spacer" />
        <span className="muted small">{t('exchange.conflicts.detected', { at: formatDateTime(c.detectedAt) })}</span>
      </header>
      {isDelete ? (
        <EraseDecision conflict={c} />
      ) : (
        <div className="sides">
          <Side conflict={c} side="winner" />
          <Side conflict={c} side="loser" />
        </div>
      )}
      {resolved ? (
        <p className="muted small" data-testid="conflict-resolved-line">{resolutionLine(t, c)}</p>
      ) : (
        <div className="review-actions">
          <button type="button" data-testid="conflict-keep-winner" onClick={() => void resolve({ choice: 'winner' })} disabled={action.busy}>
            {isDelete ? t('exchange.conflicts.keepErased') : t('exchange.conflicts.keepWinner')}
          </button>
          <button type="button" data-testid="conflict-keep-loser" onClick={() => void resolve({ choice: 'loser' })} disabled={action.busy}>
            {isDelete ? t('exchange.conflicts.restoreLater') : t('exchange.conflicts.keepLoser')}
          </button>
          {canEdit(c) && !editing && (
            <button type="button" data-testid="conflict-edit" onClick={() => setEditing(true)} disabled={action.busy}>
              {t('exchange.conflicts.edit')}
            </button>
          )}
          {editing && <EditValue conflict={c} busy={action.busy} onSave={(value) => void resolve({ choice: 'value', value })} onCancel={() => setEditing(false)} />}
        </div>
      )}
      {!editing && <ErrorText error={action.error} />}
    </article>
  );
}

/**
 * A record erased at one office and edited at another, as one decision: who erased and who edited
 * (where and when), and what restoring gives back — only what the later edits hold, since the
 * erasure took the rest. Empty values in the edits are left out: they are not "changed to empty".
 */
function EraseDecision({ conflict: c }: { conflict: ConflictViewData }) {
  const { t } = useTranslation();
  const lang = useLang();
  const held = typeof c.loser.value === 'object' && c.loser.value !== null ? Object.entries(c.loser.value as Record<string, unknown>) : [];
  const restores = held.map(([field, value]) => ({ field, shown: displayValue(t, lang, c.table, field, value) })).filter((f) => f.shown !== '');
  return (
    <div className="erase-decision">
      <p data-testid="conflict-erase-story">{eraseStory(t, lang, c)}</p>
      {c.resolvedAt === null && (
        <div className="erase-restores" data-testid="conflict-restores">
          <p className="small">{restores.length > 0 ? t('exchange.conflicts.restoreGives') : t('exchange.conflicts.restoreGivesNothing')}</p>
          {restores.length > 0 && (
            <dl className="side-edits">
              {restores.map((f) => (
                <div key={f.field}>
                  <dt>{fieldLabel(t, c.table, f.field)}</dt>
                  <dd>{f.shown}</dd>
                </div>
              ))}
            </dl>
          )}
          {tableSpec(c.table)?.erasure && <p className="muted small">{t('exchange.conflicts.restRemainsErased')}</p>}
        </div>
      )}
    </div>
  );
}

/** One side of a conflict: the value and who wrote it, where and when. */
function Side({ conflict: c, side }: { conflict: ConflictViewData; side: 'winner' | 'loser' }) {
  const { t } = useTranslation();
  const lang = useLang();
  const s = c[side];
  const who = splitActor(s.actor);
  const chosen = c.resolution === side;
  return (
    <section className={`side side-${side}${chosen ? ' chosen' : ''}`} data-testid={`conflict-${side}`}>
      <h3>
        {side === 'winner' ? t('exchange.conflicts.winner') : t('exchange.conflicts.loser')}
        {c.later === side && <span className="badge later" data-testid="conflict-later">{t('exchange.conflicts.later')}</span>}
      </h3>
      <p className="side-value" data-testid={`conflict-${side}-value`}>
        {displayValue(t, lang, c.table, c.field, s.value) || <span className="muted">{t('exchange.conflicts.emptyValue')}</span>}
      </p>
      <p className="muted small">
        {t('exchange.conflicts.who', { by: who.login, office: who.office ? `${who.office} · ${regionName(who.office, lang)}` : '—', at: formatDateTime(s.at, { seconds: true }) })}
      </p>
    </section>
  );
}

function EditValue({ conflict: c, busy, onSave, onCancel }: { conflict: ConflictViewData; busy: boolean; onSave(value: string | null): void; onCancel(): void }) {
  const { t } = useTranslation();
  const spec = tableSpec(c.table);
  const isDate = spec !== undefined && fieldOf(spec, c.field)?.kind === 'date';
  const start = editableValue(c.winner.value);
  const [text, setText] = useState(isDate ? formatDate(start) : start);
  const [problem, setProblem] = useState<{ key: string; params?: Record<string, string | number> } | null>(null);
  const id = `conflict-value-${c.id}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const raw = isDate ? dateForInput(text) : text.trim();
    // The record's own rules, as its form applies them (normalised phone, IIN, ISO date).
    const rule = spec && typedValueRule(spec, c.field);
    if (rule) {
      const parsed = rule.safeParse(raw);
      if (!parsed.success) {
        setProblem(problemsFromZod(parsed.error)[0] ?? { key: 'error.invalid' });
        return;
      }
      setProblem(null);
      const value = parsed.data;
      onSave(typeof value === 'string' ? value : null);
      return;
    }
    setProblem(null);
    onSave(raw === '' ? null : raw);
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate>
      <label htmlFor={id} className="muted small">{t('exchange.conflicts.newValue')}</label>
      <input id={id} data-testid="conflict-value" value={text} autoFocus onChange={(e) => setText(e.target.value)} aria-invalid={problem ? true : undefined} placeholder={isDate ? t('exchange.conflicts.datePlaceholder') : undefined} />
      <button type="submit" className="primary" disabled={busy}>{t('exchange.conflicts.saveValue')}</button>
      <button type="button" onClick={onCancel} disabled={busy}>{t('common.cancel')}</button>
      {problem && <span className="field-error" role="alert">{translateProblem(t, problem)}</span>}
    </form>
  );
}
