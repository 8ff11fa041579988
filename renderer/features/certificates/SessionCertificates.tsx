import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionDetail } from '../../../shared/contract/trainings';
import { call } from '../../app/api';
import { useCan } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { useLoad } from '../../ui/useLoad';
import { IssuedTable, printAgainAction } from './IssuedTable';
import { IssuePreview } from './IssuePreview';

/**
 * A session's certificates: those issued for it, and (administrators) issuing them for everyone
 * who passed, after a preview of who gets one and who is left out.
 */
export function SessionCertificates({ session }: { session: SessionDetail }) {
  const sessionId = session.id;
  const passed = session.enrolments.filter((e) => e.place !== 'withdrawn' && e.result === 'passed').length;
  const { t } = useTranslation();
  const admin = useCan('administrator');
  const [previewing, setPreviewing] = useState(false);
  const issued = useLoad(() => call('certificates.list', { sessionId, limit: 1000 }), [sessionId]);
  const rows = issued.data?.rows ?? [];
  if (!admin && rows.length === 0) return null;
  return (
    <section className="facts" aria-labelledby="session-certificates-title" data-testid="session-certificates">
      <div className="section-head">
        <h2 id="session-certificates-title">
          {t('certificates.title')} <span className="muted">({rows.length})</span>
        </h2>
        <span className="spacer" />
        {admin && (
          <button type="button" className="primary" disabled={passed === 0} onClick={() => setPreviewing(true)} data-testid="session-issue-certificates">
            {t('certificates.issueForSession')}
          </button>
        )}
      </div>
      <ErrorText error={issued.error} />
      {rows.length > 0 ? <IssuedTable rows={rows} show="holder" actions={admin ? printAgainAction : null} /> : <p className="muted">{passed === 0 ? t('certificates.noPassYet') : t('certificates.noneIssued')}</p>}
      {previewing && <IssuePreview selection={{ batch: { kind: 'training', sessionId } }} onClose={() => setPreviewing(false)} onIssued={issued.reload} />}
    </section>
  );
}
