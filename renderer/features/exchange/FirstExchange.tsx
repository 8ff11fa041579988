import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useCan } from '../../app/session';
import { translateProblem, problemOf } from '../../ui/problems';
import { useLoad } from '../../ui/useLoad';
import { Fingerprint } from './TrustScreen';
import { saveKeyFile } from './values';

const CENTRE = 'KZ';

/**
 * The first exchange, as a calm sequence rather than an error: before any bundle can travel, two
 * offices swap public-key files and read their fingerprints to each other over the phone, and an
 * administrator of each trusts the other's key. Shown on the Exchange screen while this office
 * trusts no other; it says what to do, and who does it, for coordinators and administrators alike.
 */
export function FirstExchange({ refresh }: { refresh: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const isAdmin = useCan('administrator');
  const trusted = useLoad(() => call('trust.list', {}), [refresh]);
  const own = useLoad(() => call('keys.own', {}), []);
  if (!trusted.data || trusted.data.length > 0) return null;
  if (own.error) {
    return (
      <section className="form-section first-exchange" data-testid="first-exchange">
        <h2>{t('exchange.first.title')}</h2>
        <p className="notice">{translateProblem(t, problemOf(own.error))}</p>
      </section>
    );
  }
  const k = own.data;
  if (!k) return null;
  const partner = k.office === CENTRE ? t('exchange.first.eachRegion') : `${CENTRE} · ${regionName(CENTRE, lang)}`;
  return (
    <section className="form-section first-exchange" aria-labelledby="first-exchange-title" data-testid="first-exchange">
      <h2 id="first-exchange-title">{t('exchange.first.title')}</h2>
      <p>{t('exchange.first.intro', { partner })}</p>
      <ol className="first-steps">
        <li>
          {t('exchange.first.send', { partner })}{' '}
          <button type="button" data-testid="first-save-key" onClick={() => saveKeyFile(k)}>{t('exchange.trust.downloadKey')}</button>
        </li>
        <li>{t('exchange.first.receive', { partner })}</li>
        <li>
          {t('exchange.first.readAloud')}
          <div className="fingerprint-line">
            <span className="field-label">{t('exchange.fingerprint')}</span>
            <Fingerprint value={k.fingerprint} testId="first-fingerprint" />
          </div>
        </li>
        <li data-testid="first-trust-step">
          {isAdmin ? (
            <>
              {t('exchange.first.trustAdmin')} <a href={hrefFor({ name: 'trust' })}>{t('exchange.tabs.trust')}</a>
            </>
          ) : (
            t('exchange.first.trustCoordinator')
          )}
        </li>
        <li>{t('exchange.first.then', { partner })}</li>
      </ol>
    </section>
  );
}
