import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ACCOUNT_ACTIONS, type AuditEntry } from '../../../shared/contract/audit';
import { hrefFor } from '../../app/router';
import { call } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { useLoad } from '../../ui/useLoad';
import { useVocabLabel } from '../../ui/vocab';

const PAGE = 20;

/** What an act changed, in words: the roles before and after for a role change, nothing more for the others. */
function useDetail(): (entry: AuditEntry) => string {
  const vocab = useVocabLabel();
  return (entry) => (entry.action === 'user.roleChanged' ? `${vocab('role', entry.detail.from)} → ${vocab('role', entry.detail.to)}` : '');
}

/** The audit trail of account changes at this office, newest first, a page at a time. */
export function AccountChanges() {
  const { t } = useTranslation();
  const detail = useDetail();
  const [offset, setOffset] = useState(0);
  const log = useLoad(() => call('audit.log', { actions: [...ACCOUNT_ACTIONS], offset, limit: PAGE }), [offset]);
  const total = log.data?.total ?? 0;
  return (
    <section className="form-section" aria-labelledby="account-changes-title" data-testid="account-changes">
      <h2 id="account-changes-title">{t('users.changes')}</h2>
      <p>
        <a href={hrefFor({ name: 'audit' })} data-testid="open-audit">{t('audit.open')}</a>
      </p>
      <ErrorText error={log.error} />
      {log.data && total === 0 && <p className="muted">{t('users.changesNone')}</p>}
      {log.data && total > 0 && (
        <>
          <table className="plain-table">
            <thead>
              <tr>
                <th>{t('users.changeAt')}</th>
                <th>{t('users.changeBy')}</th>
                <th>{t('users.changeWhat')}</th>
                <th>{t('auth.login')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {log.data.rows.map((entry, i) => (
                <tr key={`${entry.at}-${i}`}>
                  <td>{formatDateTime(entry.at)}</td>
                  <td className="mono">{entry.actor}</td>
                  <td>{t(`users.action.${entry.action}`)}</td>
                  <td className="mono">{entry.subject}</td>
                  <td>{detail(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="pager">
            <span className="muted small">{t('users.changesShown', { from: offset + 1, to: offset + log.data.rows.length, total })}</span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              {t('users.newer')}
            </button>
            <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>
              {t('users.older')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
