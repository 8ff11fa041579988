import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/contract/certificates';
import { call } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { TextInput } from '../../ui/Field';
import { toastOk } from '../../ui/toasts';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';
import { CertificatesTabs } from './CertificatesTabs';
import { IssueBatch } from './IssueBatch';
import { IssuedTable } from './IssuedTable';
import { PrintAgain } from './PrintAgain';
import { VerifyBox } from './VerifyBox';

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
      <IssuedTable
        rows={rows}
        show="holder"
        withKind
        actions={admin ? (c) => <RegisterActions certificate={c} onChanged={list.reload} /> : null}
        testId="certificates-table"
        rowTestId="certificate-row"
      />
      {list.data && rows.length === 0 && <p className="empty">{t('certificates.empty')}</p>}
    </div>
  );
}

/** Print again (same number) and revoke with a reason, which the register and every verification then show. */
function RegisterActions({ certificate: c, onChanged }: { certificate: Certificate; onChanged(): void }) {
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
    <>
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
    </>
  );
}
