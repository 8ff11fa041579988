import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/contract/certificates';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { formatDate, formatHours } from '../../ui/format';
import { certificateSubject } from './IssuePreview';
import { PrintAgain } from './PrintAgain';
import { ActionsHeader } from '../../ui/ActionsHeader';

/** Certificates already issued for a person or a session, each printable again with its own number. */
export function IssuedTable({ rows, show, admin }: { rows: Certificate[]; show: 'holder' | 'subject'; admin: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <table className="plain-table" data-testid="issued-table">
      <thead>
        <tr>
          <th>{t('certificates.number')}</th>
          <th>{show === 'holder' ? t('certificateField.holderName') : t('certificates.preview.what')}</th>
          <th className="num">{t('certificateField.hours')}</th>
          <th>{t('certificateField.issuedOn')}</th>
          <th>{t('certificates.status')}</th>
          {admin && <ActionsHeader />}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.number} data-testid="issued-row">
            <td className="mono nowrap">{c.number}</td>
            <td>
              {show === 'subject' ? `${t(`vocab.certificateKind.${c.kind}`)}: ${certificateSubject(c, lang)}` : c.holderErased ? (
                <span className="muted">{t('certificates.holderErased')}</span>
              ) : (
                <a href={hrefFor({ name: 'volunteer', id: c.volunteerId })}>{c.holderName}</a>
              )}
            </td>
            <td className="num">{formatHours(c.hours, lang)}</td>
            <td className="nowrap">{formatDate(c.issuedOn)}</td>
            <td>{c.revokedAt ? <span className="badge danger" title={c.revokeReason ?? ''}>{t('certificates.statusRevoked')}</span> : <span className="badge">{t('certificates.statusIssued')}</span>}</td>
            {admin && <td className="actions">{!c.holderErased && !c.revokedAt && <PrintAgain number={c.number} />}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
