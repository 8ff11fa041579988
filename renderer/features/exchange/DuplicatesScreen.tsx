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
import { ExchangeTabs } from './ExchangeTabs';

type Pair = z.infer<typeof duplicatePair>;
type Person = Pair['a'];

const LIMIT = 200;

/**
 * People who look registered twice (same name and birth date, or same name and phone, without
 * an IIN to tell). A coordinator compares them side by side and merges them, keeping one record's
 * values and every hour and membership of both, or marks them as different people. Either
 * decision travels to the other offices.
 */
export function DuplicatesScreen() {
  const { t } = useTranslation();
  const [round, setRound] = useState(0);
  const list = useLoad(() => call('duplicates.list', { limit: LIMIT }), [round]);
  const changed = () => setRound((r) => r + 1);
  const pairs = list.data ?? [];
  return (
    <div className="screen exchange">
      <div className="screen-head">
        <h1>{t('exchange.duplicates.title')}</h1>
        {list.data && <span className="count">{t('exchange.duplicates.count', { n: pairs.length })}</span>}
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
      {pairs.length >= LIMIT && <p className="muted small">{t('exchange.duplicates.more', { shown: LIMIT })}</p>}
    </div>
  );
}

function PairCard({ pair, onDone }: { pair: Pair; onDone(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const merge = async (keep: Person, other: Person) => {
    const done = await action.run(() => call('duplicates.merge', { keepId: keep.id, otherId: other.id }), toastError);
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
      </div>
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
      <h3 className="side-name">
        <a href={hrefFor({ name: 'volunteer', id: p.id })}>{fullName(p)}</a>
      </h3>
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
