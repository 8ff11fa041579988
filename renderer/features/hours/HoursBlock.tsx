import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { formatHours } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';
import { EntriesTable } from './EntriesTable';
import { byYear, showMonth } from './hours';

/** The profile's volunteer hours: per year and month, verified and not, and every entry with its history. */
export function HoursBlock({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const h = (n: number) => formatHours(n, lang);
  const totals = useLoad(() => call('hours.total', { volunteerId }), [volunteerId]);
  const entries = useLoad(() => call('hours.list', { volunteerId, history: true }), [volunteerId]);
  const reload = () => (totals.reload(), entries.reload());
  const years = byYear(totals.data?.byMonth ?? []);

  return (
    <section className="facts hours-block" aria-labelledby="hours-title" data-testid="hours-block">
      <div className="section-head">
        <h2 id="hours-title">{t('hours.profileTitle')}</h2>
        {totals.data && (
          <span className="muted" data-testid="hours-block-total">
            {t('hours.totalLine', { hours: h(totals.data.hours), verified: h(totals.data.verified), waiting: h(totals.data.unverified) })}
          </span>
        )}
      </div>
      <ErrorText error={totals.error ?? entries.error} />
      {totals.data && totals.data.entries === 0 && <p className="muted">{t('hours.none')}</p>}
      {years.length > 0 && (
        <table className="plain-table hours-years" data-testid="hours-years">
          <thead>
            <tr>
              <th>{t('hours.period')}</th>
              <th className="num">{t('hours.hours')}</th>
              <th className="num">{t('hours.verifiedHours')}</th>
              <th className="num">{t('hours.waitingHours')}</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => [
              <tr key={y.year} className="year-row" data-testid="hours-year">
                <th scope="row">{y.year}</th>
                <td className="num"><strong>{h(y.hours)}</strong></td>
                <td className="num"><strong>{h(y.verified)}</strong></td>
                <td className="num">{h(y.hours - y.verified)}</td>
              </tr>,
              ...y.months.map((m) => (
                <tr key={m.month} data-testid="hours-month">
                  <td className="mono month">{showMonth(m.month)}</td>
                  <td className="num">{h(m.hours)}</td>
                  <td className="num">{h(m.verified)}</td>
                  <td className="num">{h(m.hours - m.verified)}</td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
      {(entries.data?.length ?? 0) > 0 && (
        <>
          <h3>{t('hours.entries')}</h3>
          <EntriesTable entries={entries.data!} onChanged={reload} testId="hours-entries" />
        </>
      )}
    </section>
  );
}
