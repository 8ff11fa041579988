import { useEffect, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { SUMMARY_GROUPS, type HourEntry, type SummaryGroup } from '../../../shared/contract/events';
import { FILE_TYPES } from '../../../shared/contract/files';
import { EVENT_CATEGORIES } from '../../../shared/domain/events';
import { isoDate } from '../../../shared/domain/text';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate, formatHours } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { pickFrom } from '../../ui/vocab';
import { AddHours } from './AddHours';
import { EntriesTable } from './EntriesTable';
import { ActionsHeader } from '../../ui/ActionsHeader';

/** A typed date that filters once it is a date; anything else (still being typed) does not filter. */
function typedDate(text: string): string | undefined {
  const iso = dateForInput(text);
  return isoDate.safeParse(iso).success ? iso : undefined;
}

/**
 * What an address may set ('#/hours?from=2026-11-01&to=2026-11-28&verified=1', '#/hours?waiting=1'):
 * the period (ISO dates), verified hours only, and every date with the waiting entries in view.
 */
export const HOURS_ADDRESS = ['from', 'to', 'verified', 'waiting'] as const;
export type HoursAddress = Partial<Record<(typeof HOURS_ADDRESS)[number], string>>;

/**
 * The office's hours ledger: totals per person, event or category for a period, the entries
 * waiting for verification (one by one or a whole shift), hours typed by hand, the .xlsx export.
 */
export function HoursScreen({ query = {} }: { query?: HoursAddress }) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = (n: number) => formatHours(n, lang);
  const may = useMayCall();
  const today = todayInKazakhstan();
  // What waits for verification waits whatever its date: that address opens every date.
  const dateOr = (iso: string | undefined, otherwise: string) => (iso ? formatDate(iso) : query.waiting ? '' : formatDate(otherwise));
  const [fromText, setFrom] = useState(dateOr(query.from, `${today.slice(0, 4)}-01-01`));
  const [toText, setTo] = useState(dateOr(query.to, today));
  const [category, setCategory] = useState('');
  const [verifiedOnly, setVerifiedOnly] = useState(query.verified === '1');

  const [by, setBy] = useState<SummaryGroup>('volunteer');
  /** The person whose entries are open under their totals (to verify or correct them). */
  const [opened, setOpened] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [round, setRound] = useState(0);
  const from = typedDate(useDebounced(fromText, 300));
  const to = typedDate(useDebounced(toText, 300));
  const period = { from, to, category: pickFrom(EVENT_CATEGORIES, category), verified: verifiedOnly };
  const deps = [from, to, category, verifiedOnly, round];
  const totals = useLoad(() => call('hours.total', period), deps);
  const summary = useLoad(() => call('hours.summary', { ...period, by }), [...deps, by]);
  const waiting = useLoad(() => call('hours.list', { from, to, unverified: true }), [from, to, round]);
  // Opened for what waits: the waiting list in view once it and the totals above it are there (once).
  const waitingRef = useRef<HTMLElement>(null);
  const scrolled = useRef(false);
  const laidOut = waiting.data !== undefined && summary.data !== undefined;
  useEffect(() => {
    if (!query.waiting || !laidOut || scrolled.current) return;
    scrolled.current = true;
    waitingRef.current?.scrollIntoView({ block: 'start' });
  }, [query.waiting, laidOut]);
  const exporting = useLongCall();
  const reload = () => setRound((r) => r + 1);
  const categories = EVENT_CATEGORIES.map((c) => ({ value: c, label: t(`vocab.eventCategory.${c}`) }));

  const exportXlsx = async () => {
    const file = await exporting.run('hours.export', { ...period, lang });
    if (file && (await saveFile({ ...file, mime: FILE_TYPES.xlsx }))) toastOk('hours.exported', { count: file.rows });
  };

  return (
    <div className="screen hours-screen" data-testid="hours-screen">
      <div className="screen-head">
        <h1>{t('hours.title')}</h1>
        {totals.data && (
          <span className="count" data-testid="hours-total">
            {t('hours.totalLine', { hours: h(totals.data.hours), verified: h(totals.data.verified), waiting: h(totals.data.unverified) })}
          </span>
        )}
        <span className="spacer" />
        {may('hours.add') && !adding && (
          <button type="button" onClick={() => setAdding(true)} data-testid="hours-add-open">{t('hours.add')}</button>
        )}
        <button type="button" onClick={() => void exportXlsx()} disabled={exporting.busy || !totals.data?.entries} data-testid="hours-export">
          {exporting.busy ? t('rosterImport.exporting') : t('rosterImport.exportXlsx')}
        </button>
      </div>
      {adding && <AddHours onDone={() => (setAdding(false), reload())} onCancel={() => setAdding(false)} />}
      <div className="filters">
        <Field id="hours-from" label={t('hours.from')}>
          <TextInput id="hours-from" value={fromText} onChange={setFrom} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={fromText.trim() !== '' && !from} />
        </Field>
        <Field id="hours-to" label={t('hours.to')}>
          <TextInput id="hours-to" value={toText} onChange={setTo} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={toText.trim() !== '' && !to} />
        </Field>
        <Field id="hours-category" label={t('eventField.category')}>
          <Select id="hours-category" value={category} options={categories} empty={t('roster.any')} onChange={setCategory} />
        </Field>
        <label className="checkbox field-end">
          <input type="checkbox" checked={verifiedOnly} onChange={(e) => setVerifiedOnly(e.target.checked)} />
          {t('hours.verifiedOnly')}
        </label>
      </div>
      <LongCallProgress call={exporting} testId="hours-export-progress" />
      <ErrorText error={totals.error ?? summary.error ?? waiting.error ?? exporting.error} />

      <section aria-labelledby="hours-summary-title">
        <div className="section-head">
          <h2 id="hours-summary-title">{t('hours.totals')}</h2>
          <div className="segmented" role="group" aria-label={t('hours.totals')}>
            {SUMMARY_GROUPS.map((g) => (
              <button key={g} type="button" className={by === g ? 'active' : undefined} aria-pressed={by === g} onClick={() => setBy(g)} data-testid={`hours-by-${g}`}>
                {t(`hours.by.${g}`)}
              </button>
            ))}
          </div>
        </div>
        <table className="plain-table" data-testid="hours-summary">
          <thead>
            <tr>
              <th>{t(`hours.by.${by}`)}</th>
              <th className="num">{t('hours.hours')}</th>
              <th className="num">{t('hours.verifiedHours')}</th>
              <th className="num">{t('hours.waitingHours')}</th>
              <th className="num">{t('hours.entriesCount')}</th>
              {by === 'volunteer' && <ActionsHeader />}
            </tr>
          </thead>
          <tbody>
            {(summary.data ?? []).map((r) => [
              <tr key={r.key ?? ''} data-testid="hours-summary-row">
                <td>
                  {by === 'volunteer' && r.key ? <a href={hrefFor({ name: 'volunteer', id: r.key })}>{r.label}</a>
                    : by === 'category' ? (r.key ? t(`vocab.eventCategory.${r.key}`) : t('hours.noCategory'))
                    : (r.label ?? t('hours.outsideEvents'))}
                </td>
                <td className="num">{h(r.hours)}</td>
                <td className="num">{h(r.verified)}</td>
                <td className="num">{h(r.hours - r.verified)}</td>
                <td className="num">{r.entries}</td>
                {by === 'volunteer' && (
                  <td className="actions">
                    <button type="button" className="link" aria-expanded={opened === r.key} onClick={() => setOpened(opened === r.key ? null : r.key)} data-testid="hours-open-entries">
                      {t('hours.entries')}
                    </button>
                  </td>
                )}
              </tr>,
              by === 'volunteer' && r.key && opened === r.key && (
                <tr key={`${r.key}-entries`} className="hours-person-entries">
                  <td colSpan={6}>
                    <PersonEntries volunteerId={r.key} from={from} to={to} round={round} onChanged={reload} />
                  </td>
                </tr>
              ),
            ])}
          </tbody>
        </table>
        {summary.data && summary.data.length === 0 && <p className="empty">{t('hours.emptyPeriod')}</p>}
      </section>

      <Waiting ref={waitingRef} entries={waiting.data ?? []} loaded={waiting.data !== undefined} onChanged={reload} />
    </div>
  );
}

/** One person's entries in the period with their history, where a coordinator corrects a verified one. */
function PersonEntries({ volunteerId, from, to, round, onChanged }: { volunteerId: string; from: string | undefined; to: string | undefined; round: number; onChanged(): void }) {
  const entries = useLoad(() => call('hours.list', { volunteerId, from, to, history: true }), [volunteerId, from, to, round]);
  return (
    <>
      <ErrorText error={entries.error} />
      {entries.data && <EntriesTable entries={entries.data} onChanged={onChanged} testId="hours-person-entries" />}
    </>
  );
}

/** Entries waiting for verification, grouped by shift (hand-typed ones together), each group verifiable at once. */
function Waiting({ entries, loaded, onChanged, ref }: { entries: readonly HourEntry[]; loaded: boolean; onChanged(): void; ref: Ref<HTMLElement> }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const action = useAction();
  const groups = new Map<string, HourEntry[]>();
  for (const e of entries) groups.set(e.shiftId ?? '', [...(groups.get(e.shiftId ?? '') ?? []), e]);

  const verifyShift = async (shiftId: string) => {
    const done = await action.run(() => call('hours.verifyShift', { shiftId }));
    if (done) {
      toastOk('hours.verifiedShift', { count: done.verified });
      onChanged();
    }
  };

  return (
    <section ref={ref} aria-labelledby="hours-waiting-title" data-testid="hours-waiting">
      <div className="section-head">
        <h2 id="hours-waiting-title">{t('hours.waitingTitle')}</h2>
        <span className="muted">{entries.length}</span>
      </div>
      <ErrorText error={action.error} />
      {loaded && entries.length === 0 && <p className="muted">{t('hours.nothingWaiting')}</p>}
      {[...groups.entries()].map(([shiftId, list]) => (
        <div key={shiftId} className="hours-group" data-testid="hours-waiting-group">
          <div className="section-head">
            <h3>
              {shiftId ? `${list[0]!.eventTitle ?? ''} · ${list[0]!.shiftTitle ?? ''} · ${formatDate(list[0]!.date)}` : t('hours.byHandGroup')}
            </h3>
            {shiftId && may('hours.verifyShift') && (
              <button type="button" disabled={action.busy} onClick={() => void verifyShift(shiftId)} data-testid="hours-verify-shift">
                {t('hours.verifyShift', { count: list.length })}
              </button>
            )}
          </div>
          <EntriesTable entries={list} showName onChanged={onChanged} testId="hours-waiting-table" />
        </div>
      ))}
    </section>
  );
}
