import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Verdict } from '../../../shared/contract/certificates';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { TextArea } from '../../ui/Field';
import { formatDate, formatDateTime } from '../../ui/format';
import { useAction } from '../../ui/useLoad';

/** Type the short code or paste (scan) the QR content: valid, revoked, altered or unknown, and what the certificate states. */
export function VerifyBox() {
  const { t } = useTranslation();
  const lang = useLang();
  const [text, setText] = useState('');
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const action = useAction();
  const verify = async () => {
    const answer = await action.run(() => call('certificates.verify', { text, lang }));
    if (answer) setVerdict(answer);
  };
  return (
    <section className="panel" data-testid="certificate-verify">
      <h2><label htmlFor="certificate-text">{t('certificates.verify')}</label></h2>
      <TextArea id="certificate-text" value={text} onChange={(v) => (setText(v), setVerdict(null))} />
      <div className="actions">
        <button type="button" className="primary" disabled={!text.trim() || action.busy} onClick={() => void verify()}>{t('certificates.verifyButton')}</button>
      </div>
      <ErrorText error={action.error} />
      {verdict && (
        <div className={`verdict verdict-${verdict.status}`} data-testid="certificate-verdict" data-status={verdict.status}>
          <strong>{t(`certificates.verdict.${verdict.status}`)}</strong>
          {verdict.reason && <span> — {t(`certificates.reason.${verdict.reason}`)}</span>}
          {verdict.number && (
            <div className="facts"><dl>
              <dt>{t('certificates.number')}</dt><dd className="mono">{verdict.number}</dd>
              {verdict.kind && (<><dt>{t('certificateField.kind')}</dt><dd>{t(`vocab.certificateKind.${verdict.kind}`)}</dd></>)}
              <dt>{t('certificateField.holderName')}</dt>
              <dd>{verdict.holderErased ? t('certificates.holderErased') : [verdict.holderName, verdict.holderLatin].filter(Boolean).join(' · ')}</dd>
              {verdict.title && (<><dt>{t('certificateField.title')}</dt><dd>{verdict.title}</dd></>)}
              {verdict.from && (<><dt>{t('certificates.period')}</dt><dd>{formatDate(verdict.from)} – {formatDate(verdict.to)}</dd></>)}
              {verdict.hours !== null && (<><dt>{t('certificateField.hours')}</dt><dd>{verdict.hours}</dd></>)}
              {verdict.issuedOn && (<><dt>{t('certificateField.issuedOn')}</dt><dd>{formatDate(verdict.issuedOn)} · {verdict.office}</dd></>)}
              {verdict.revokedAt && (<><dt>{t('certificateField.revokeReason')}</dt><dd>{verdict.revokeReason}</dd></>)}
            </dl></div>
          )}
          <p className="muted">{verdict.asOf ? t('certificates.asOf', { date: formatDateTime(verdict.asOf) }) : t('certificates.asOfNever')}</p>
        </div>
      )}
    </section>
  );
}
