import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../../shared/contract/certificates';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { formatDate, formatHours } from '../../ui/format';
import { certificateSubject } from './IssuePreview';
import { PrintAgain } from './PrintAgain';
import { ActionsHeader } from '../../ui/ActionsHeader';

export interface IssuedTableProps {
  rows: Certificate[];
  /** The second column: who holds it (a session's or the register's list) or what it is for (a person's). */
  show: 'holder' | 'subject';
  /** The register lists every kind of certificate: it shows the kind in a column of its own. */
  withKind?: boolean;
  /** What the person may do with a row (administrators print again, revoke); none: no actions column. */
  actions?: ((c: Certificate) => ReactNode) | null;
  testId?: string;
  rowTestId?: string;
}

/** Issued certificates, each with its number, hours, date and status: on a person, a session and the register. */
export function IssuedTable({ rows, show, withKind = false, actions = null, testId = 'issued-table', rowTestId = 'issued-row' }: IssuedTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <table className="plain-table" data-testid={testId}>
      <thead>
        <tr>
          <th>{t('certificates.number')}</th>
          <th>{show === 'holder' ? t('certificateField.holderName') : t('certificates.preview.what')}</th>
          {withKind && <th>{t('certificateField.kind')}</th>}
          <th className="num">{t('certificateField.hours')}</th>
          <th>{t('certificateField.issuedOn')}</th>
          <th>{t('certificates.status')}</th>
          {actions && <ActionsHeader />}
        </tr>
      </thead>
      <tbody>
        {rows.map((c) => (
          <tr key={c.number} data-testid={rowTestId}>
            <td className="mono nowrap">{c.number}</td>
            <td>
              {show === 'subject' ? `${t(`vocab.certificateKind.${c.kind}`)}: ${certificateSubject(c, lang)}` : c.holderErased ? (
                <span className="muted">{t('certificates.holderErased')}</span>
              ) : (
                <a href={hrefFor({ name: 'volunteer', id: c.volunteerId })}>{c.holderName}</a>
              )}
            </td>
            {withKind && <td>{t(`vocab.certificateKind.${c.kind}`)}</td>}
            <td className="num">{formatHours(c.hours, lang)}</td>
            <td className="nowrap">{formatDate(c.issuedOn)}</td>
            <td>{c.revokedAt ? <span className="badge danger" title={c.revokeReason ?? ''}>{t('certificates.statusRevoked')}</span> : <span className="badge">{t('certificates.statusIssued')}</span>}</td>
            {actions && <td className="actions">{actions(c)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Administrators print a certificate again, with its own number, while it stands. */
export const printAgainAction = (c: Certificate) => !c.holderErased && !c.revokedAt && <PrintAgain number={c.number} />;
