import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract';
import { instantOf } from '../../../shared/domain/events';
import { regionName } from '../../../shared/domain/regions';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { CertificatesTabs } from './CertificatesTabs';
import { ActionsHeader } from '../../ui/ActionsHeader';

type Key = CallResult<'certificates.keys'>[number];

/** The national office: it vouches for every office's certificate key and may end any of them. */
const CENTRE = 'KZ';

/** A key id as people compare it aloud or on paper: four groups of four hex digits. */
const fingerprint = (keyId: string) => keyId.match(/.{1,4}/g)!.join(' ');

/**
 * The certificate keys an administrator looks after: this office's (the one that signs now,
 * whether the centre has vouched for it yet, replacing or revoking it), and the other offices'
 * keys the centre vouched for, as this office's verifier trusts them (the centre may end any).
 */
export function KeysScreen() {
  const { t } = useTranslation();
  const own = useSession((s) => s.office?.code ?? null);
  const keys = useLoad(() => call('certificates.keys', {}), []);
  const all = keys.data ?? [];
  // The one that signs now first, then the newest.
  const mine = all.filter((k) => k.own).sort((a, b) => Number(b.current) - Number(a.current) || b.validFrom.localeCompare(a.validFrom));
  const others = all.filter((k) => !k.own);
  return (
    <div className="screen" data-testid="certificate-keys">
      <div className="screen-head">
        <h1>{t('certificates.title')}</h1>
      </div>
      <CertificatesTabs current="certificateKeys" />
      <p className="muted">{t('certificates.keys.intro')}</p>
      <ErrorText error={keys.error} />
      <h2>{t('certificates.keys.own')}</h2>
      {keys.data && mine.length === 0 ? <p className="empty">{t('certificates.keys.noneOwn')}</p> : <KeysTable rows={mine} mayEnd onChanged={keys.reload} />}
      {mine.length > 0 && !mine.some((k) => k.current) && <p className="notice">{t('certificates.keys.noCurrent')}</p>}
      <h2>{t('certificates.keys.others')}</h2>
      {keys.data && others.length === 0 ? (
        <p className="empty">{t('certificates.keys.noneOthers')}</p>
      ) : (
        <KeysTable rows={others} showOffice mayEnd={own === CENTRE} onChanged={keys.reload} />
      )}
    </div>
  );
}

function KeysTable({ rows, showOffice, mayEnd, onChanged }: { rows: Key[]; showOffice?: boolean; mayEnd: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <table className="plain-table" data-testid={showOffice ? 'keys-others' : 'keys-own'}>
      <thead>
        <tr>
          {showOffice && <th>{t('certificates.keys.office')}</th>}
          <th>{t('certificates.keys.fingerprint')}</th>
          <th>{t('certificates.keys.validFrom')}</th>
          <th>{t('certificates.keys.validUntil')}</th>
          <th>{t('certificates.keys.vouched')}</th>
          <th>{t('certificates.status')}</th>
          {mayEnd && <ActionsHeader />}
        </tr>
      </thead>
      <tbody>
        {rows.map((k) => (
          <tr key={k.keyId} data-testid="key-row">
            {showOffice && <td>{regionName(k.office, lang)}</td>}
            <td className="mono nowrap">{fingerprint(k.keyId)}</td>
            <td className="nowrap">{formatDateTime(k.validFrom)}</td>
            <td className="nowrap">{k.validUntil ? formatDateTime(k.validUntil) : '—'}</td>
            <td>{k.vouched ? t('certificates.keys.vouchedYes') : <span className="muted">{k.own ? t('certificates.keys.vouchedPending') : t('certificates.keys.vouchedNo')}</span>}</td>
            <td><KeyState k={k} /></td>
            {mayEnd && <td className="actions">{!ended(k) && <EndKey k={k} onChanged={onChanged} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const ended = (k: Key) => k.validUntil !== null && Date.parse(k.validUntil) <= Date.now();

function KeyState({ k }: { k: Key }) {
  const { t } = useTranslation();
  if (ended(k)) return <span className="badge danger">{t('certificates.keys.ended')}</span>;
  if (k.current) return <span className="badge">{t('certificates.keys.current')}</span>;
  if (k.validUntil) return <span className="badge muted">{t('certificates.keys.ending')}</span>;
  return <span className="badge">{t('certificates.keys.active')}</span>;
}

/** The start of tomorrow in Kazakhstan: a key replaced today still covers what it signed today. */
function tomorrowStarts(): string {
  return instantOf(`${todayInKazakhstan(new Date(Date.now() + 86_400_000))}T00:00`).toISOString();
}

/**
 * Replacing ends the key at midnight, so certificates it signed stay valid (the office signs with
 * a new key at once); revoking, for a key that may be in other hands, ends it now.
 */
function EndKey({ k, onChanged }: { k: Key; onChanged(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const end = async (at: string | undefined, done: string) => {
    const result = await action.run(() => call('certificates.revokeKey', { keyId: k.keyId, ...(at ? { at } : {}) }), toastError);
    if (result) {
      toastOk(done);
      onChanged();
    }
  };
  return (
    <span className="actions">
      {k.current && (
        <ConfirmButton label={t('certificates.keys.replace')} question={t('certificates.keys.replaceQuestion')} disabled={action.busy} onConfirm={() => void end(tomorrowStarts(), 'certificates.keys.replaced')} />
      )}
      <ConfirmButton danger label={t('certificates.keys.revoke')} question={t(k.own ? 'certificates.keys.revokeOwnQuestion' : 'certificates.keys.revokeQuestion')} disabled={action.busy} onConfirm={() => void end(undefined, 'certificates.keys.revoked')} />
    </span>
  );
}
