import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { duplicatePair } from '../../../shared/contract/exchange';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone, formatDate, fullName } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { lastPageWithItems, Pager } from '../../ui/Pager';
import { ExchangeTabs } from './ExchangeTabs';
import { MergeLog } from './MergeLog';
import { displayValue, fieldLabel } from './values';

type Pair = z.infer<typeof duplicatePair>;
type Person = Pair['a'];

const PAGE = 50;

/**
 * People who look registered twice (same name and birth date, or same name and phone, without
 * an IIN to tell). A coordinator compares them side by side and merges them, keeping one record's
 * values and every hour and membership of both, or marks them as different people. Either
 * decision travels to the other offices.
 */
export function DuplicatesScreen() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const [page, setPage] = useState(0);
  const list = useLoad(() => call('duplicates.list', { limit: PAGE, offset: page * PAGE }), [round, page]);
  const changed = () => setRound((r) => r + 1);
  const pairs = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  if (list.data && page !== lastPageWithItems(page, PAGE, total)) setPage(lastPageWithItems(page, PAGE, total));
  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.duplicates.title')}</h1>
        {list.data && <span className="count">{t('exchange.duplicates.count', { n: total })}</span>}
      </div>
      <ExchangeTabs current="duplicates" refresh={round} />
      <p className="muted small">{t('exchange.duplicates.intro')}</p>
      <ErrorText error={list.error} />
      {list.loading && !list.data && <p className="muted">{t('common.loading')}</p>}
      {list.data && pairs.length === 0 && <p className="empty">{t('exchange.duplicates.empty')}</p>}
      <div className="review-list">
        {pairs.map((p) => (
          <PairCard key={`${p.a.id}:${p.b.id}`} pair={p} onDone={changed} />
        ))}
      </div>
      <Pager page={page} pageSize={PAGE} shown={pairs.length} total={total} label={t('exchange.duplicates.pages')} onPage={setPage} testId="duplicates-pager" />
      <p className="muted small">{t('exchange.duplicates.travels')}</p>
      <MergeLog refresh={round} onUndone={changed} />
    </div>
  );
}

function PairCard({ pair, onDone }: { pair: Pair; onDone(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [choosing, setChoosing] = useState(false);
  const merge = async (keep: Person, other: Person, choices: Record<string, 'keep' | 'other'> = {}) => {
    const done = await action.run(() => call('duplicates.merge', { keepId: keep.id, otherId: other.id, choices }), toastError);
    if (done) {
      toastOk('exchange.duplicates.merged', { name: fullName(keep) });
      onDone();
    }
  };
  const distinct = async () => {
    const done = await action.run(() => call('duplicates.markDistinct', { a: pair.a.id, b: pair.b.id }), toastError);
    if (done) {
      toastOk('exchange.duplicates.distinct');
      onDone();
    }
  };
  return (
    <article className="review-card" data-testid="duplicate">
      <header className="review-head">
        <span className="badge">{t(`exchange.duplicates.reason.${pair.reason}`)}</span>
      </header>
      <div className="sides">
        <PersonSide person={pair.a} other={pair.b} />
        <PersonSide person={pair.b} other={pair.a} />
      </div>
      <div className="review-actions">
        <ConfirmButton
          label={t('exchange.duplicates.keepLeft')}
          question={t('exchange.duplicates.mergeQuestion', { name: fullName(pair.a) })}
          onConfirm={() => void merge(pair.a, pair.b)}
          disabled={action.busy}
        />
        <ConfirmButton
          label={t('exchange.duplicates.keepRight')}
          question={t('exchange.duplicates.mergeQuestion', { name: fullName(pair.b) })}
          onConfirm={() => void merge(pair.b, pair.a)}
          disabled={action.busy}
        />
        <button type="button" data-testid="duplicate-distinct" onClick={() => void distinct()} disabled={action.busy}>
          {t('exchange.duplicates.markDistinct')}
        </button>
        <button type="button" data-testid="duplicate-choose" onClick={() => setChoosing((c) => !c)} aria-expanded={choosing}>
          {t('exchange.duplicates.choose')}
        </button>
      </div>
      {choosing && <FieldChoice pair={pair} busy={action.busy} onMerge={(choices) => void merge(pair.a, pair.b, choices)} />}
      <ErrorText error={action.error} />
    </article>
  );
}

/** One of the two records; what differs from the other is marked. */
function PersonSide({ person: p, other }: { person: Person; other: Person }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rows: [string, string, boolean][] = [
    [t('volunteer.birthDate'), formatDate(p.birthDate), p.birthDate !== other.birthDate],
    [t('volunteer.phone'), displayPhone(p.phone), p.phone !== other.phone],
    [t('volunteer.iin'), p.hasIin ? t('exchange.duplicates.iinPresent') : '', p.hasIin !== other.hasIin],
    [t('volunteer.region'), p.region ? regionName(p.region, lang) : '', p.region !== other.region],
  ];
  return (
    <section className="side">
      {/* The card has no heading of its own: each person's name is the next level under the screen's. */}
      <h2 className="side-name">
        <a href={hrefFor({ name: 'volunteer', id: p.id })}>{fullName(p)}</a>
      </h2>
      <dl className="side-edits">
        {rows.map(([label, value, differs]) => (
          <div key={label} className={differs ? 'differs' : undefined}>
            <dt>{label}</dt>
            <dd className="mono">{value || <span className="muted">—</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * Every field of both records side by side, differences marked; per differing field the
 * coordinator picks the value the merged record keeps (by default the left one, or the right
 * one where the left is empty).
 */
function FieldChoice({ pair, busy, onMerge }: { pair: Pair; busy: boolean; onMerge(choices: Record<string, 'keep' | 'other'>): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const compared = useLoad(() => call('duplicates.compare', { a: pair.a.id, b: pair.b.id }), [pair.a.id, pair.b.id]);
  const [picked, setPicked] = useState<Record<string, 'keep' | 'other'>>({});
  const rows = (compared.data?.fields ?? []).filter((f) => !isEmpty(f.a) || !isEmpty(f.b));
  const sideOf = (f: { field: string; a: unknown; b: unknown }) => picked[f.field] ?? (isEmpty(f.a) && !isEmpty(f.b) ? 'other' : 'keep');
  return (
    <div className="field-choice" data-testid="field-choice">
      <p className="muted small">{t('exchange.duplicates.chooseHint')}</p>
      <ErrorText error={compared.error} />
      <table className="plain-table">
        <thead>
          <tr>
            <th>{t('exchange.duplicates.field')}</th>
            <th>{t('exchange.duplicates.left')}</th>
            <th>{t('exchange.duplicates.right')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((f) => {
            const differs = JSON.stringify(f.a) !== JSON.stringify(f.b);
            const label = fieldLabel(t, 'volunteers', f.field);
            const cell = (side: 'keep' | 'other', value: unknown) => (
              <td>
                {differs ? (
                  <label>
                    <input type="radio" name={`${pair.a.id}-${f.field}`} checked={sideOf(f) === side} onChange={() => setPicked((p) => ({ ...p, [f.field]: side }))}
                      data-testid={`choose-${f.field}-${side === 'keep' ? 'left' : 'right'}`} />{' '}
                    {displayValue(t, lang, 'volunteers', f.field, value) || <span className="muted">—</span>}
                  </label>
                ) : (
                  displayValue(t, lang, 'volunteers', f.field, value) || <span className="muted">—</span>
                )}
              </td>
            );
            return (
              <tr key={f.field} className={differs ? 'differs' : undefined}>
                <th scope="row">{label}</th>
                {cell('keep', f.a)}
                {cell('other', f.b)}
              </tr>
            );
          })}
        </tbody>
      </table>
      <button type="button" className="primary" disabled={busy || !compared.data} data-testid="merge-chosen"
        onClick={() => onMerge(Object.fromEntries(rows.map((f) => [f.field, sideOf(f)])))}>
        {t('exchange.duplicates.mergeChosen')}
      </button>
    </div>
  );
}

const isEmpty = (v: unknown) => v === null || v === '' || v === '[]';
