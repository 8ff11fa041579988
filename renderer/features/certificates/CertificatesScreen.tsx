import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/contract/certificates';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';
import { useCan } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { TextInput } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';
import { CertificatesTabs } from './CertificatesTabs';
import { IssueBatch } from './IssueBatch';
import { PrintAgain } from './PrintAgain';
import { VerifyBox } from './VerifyBox';
import { ActionsHeader } from '../../ui/ActionsHeader';

const PAGE = 100;

/** The register of certificates: search, print again, revoke with a reason; verify any certificate; issue a batch. */
export function CertificatesScreen() {
  const { t } = useTranslation();
  const admin = useCan('administrator');
  const [text, setText] = useState('');
  const search = useDebounced(text, 250);
  const list = useLoad(() => call('certificates.list', { text: search || undefined, limit: PAGE }), [search]);
  const rows = list.data?.rows ?? [];
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('certificates.title')}</h1>
        {list.data && <span className="count" data-testid="certificates-total">{t('certificates.count', { count: list.data.total })}</span>}
      </div>
      <CertificatesTabs current="certificates" />
      <VerifyBox />
      {admin && <IssueBatch onIssued={list.reload} />}
      <h2>{t('certificates.register')}</h2>
      <div className="filters">
        <TextInput id="certificates-search" type="search" value={text} onChange={setText} placeholder={t('certificates.searchPlaceholder')} />
      </div>
      <ErrorText error={list.error} />
      <table className="plain-table" data-testid="certificates-table">
        <thead>
          <tr>
            <th>{t('certificates.number')}</th>
            <th>{t('certificateField.holderName')}</th>
            <th>{t('certificateField.kind')}</th>
            <th className="num">{t('certificateField.hours')}</th>
            <th>{t('certificateField.issuedOn')}</th>
            <th>{t('certificates.status')}</th>
            {admin && <ActionsHeader />}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <RegisterRow key={c.number} certificate={c} admin={admin} onChanged={list.reload} />
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('certificates.empty')}</p>}
    </div>
  );
}

function RegisterRow({ certificate: c, admin, onChanged }: { certificate: Certificate; admin: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<string | null>(null);
  const action = useAction();
  const revoke = async () => {
    if (!reason?.trim()) return;
    const done = await action.run(() => call('certificates.revoke', { number: c.number, reason: reason.trim() }));
    if (done) {
      toastOk('certificates.revoked', { number: c.number });
      setReason(null);
      onChanged();
    }
  };
  return (
    <tr data-testid="certificate-row">
      <td className="mono">{c.number}</td>
      <td>{c.holderErased ? <span className="muted">{t('certificates.holderErased')}</span> : <a href={hrefFor({ name: 'volunteer', id: c.volunteerId })}>{c.holderName}</a>}</td>
      <td>{t(`vocab.certificateKind.${c.kind}`)}</td>
      <td className="num">{c.hours}</td>
      <td className="mono">{formatDate(c.issuedOn)}</td>
      <td>{c.revokedAt ? <span className="badge danger" title={c.revokeReason ?? ''}>{t('certificates.statusRevoked')}</span> : <span className="badge">{t('certificates.statusIssued')}</span>}</td>
      {admin && (
        <td className="actions">
          <ErrorText error={action.error} />
          {!c.holderErased && <PrintAgain number={c.number} label={t('certificates.print')} />}
          {!c.revokedAt && reason === null && <button type="button" className="danger" onClick={() => setReason('')}>{t('certificates.revoke')}</button>}
          {reason !== null && (
            <span className="confirm">
              <TextInput id={`revoke-${c.number}`} value={reason} onChange={setReason} placeholder={t('certificateField.revokeReason')} autoFocus />
              <button type="button" className="danger" disabled={!reason.trim() || action.busy} onClick={() => void revoke()}>{t('certificates.revokeConfirm')}</button>
              <button type="button" onClick={() => setReason(null)}>{t('common.cancel')}</button>
            </span>
          )}
        </td>
      )}
    </tr>
  );
}
