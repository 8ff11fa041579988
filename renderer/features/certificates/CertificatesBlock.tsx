import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useCan } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate, formatDateRange } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { useLoad } from '../../ui/useLoad';
import { IssuedTable, printAgainAction } from './IssuedTable';
import { IssuePreview, type Selection } from './IssuePreview';

/**
 * The profile's certificates: those issued to the person (printable again, same number) and, for
 * administrators, issuing one: for a training they passed, or for their service in a period
 * (the current calendar year by default), after a preview.
 */
export function CertificatesBlock({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const admin = useCan('administrator');
  const [asking, setAsking] = useState(false);
  const issued = useLoad(() => call('certificates.list', { volunteerId, limit: 1000 }), [volunteerId]);
  const rows = issued.data?.rows ?? [];
  if (!admin && rows.length === 0) return null;
  return (
    <section className="facts" aria-labelledby="volunteer-certificates-title" data-testid="volunteer-certificates">
      <div className="section-head">
        <h2 id="volunteer-certificates-title">{t('certificates.title')}</h2>
        <span className="spacer" />
        {admin && !asking && (
          <button type="button" className="primary" onClick={() => setAsking(true)} data-testid="volunteer-issue-certificate">
            {t('certificates.issueOne')}
          </button>
        )}
      </div>
      {asking && <IssueOne volunteerId={volunteerId} onClose={() => setAsking(false)} onIssued={issued.reload} />}
      <ErrorText error={issued.error} />
      {rows.length > 0 ? <IssuedTable rows={rows} show="subject" actions={admin ? printAgainAction : null} /> : <p className="muted">{t('certificates.noneIssued')}</p>}
    </section>
  );
}

function IssueOne({ volunteerId, onClose, onIssued }: { volunteerId: string; onClose(): void; onIssued(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const year = todayInKazakhstan().slice(0, 4);
  const [kind, setKind] = useState<'training' | 'service'>('training');
  const [sessionId, setSessionId] = useState('');
  const [from, setFrom] = useState(formatDate(`${year}-01-01`));
  const [to, setTo] = useState(formatDate(`${year}-12-31`));
  const [selection, setSelection] = useState<Selection | null>(null);
  const trainings = useLoad(() => call('trainings.ofVolunteer', { volunteerId }), [volunteerId]);
  const passed = (trainings.data ?? []).filter((s) => s.result === 'passed').map((s) => ({ value: s.id, label: `${formatDateRange(s)} · ${localizedText(s.programTitle, lang)}` }));
  const preview = () =>
    setSelection({ one: kind === 'training' ? { kind, volunteerId, sessionId } : { kind, volunteerId, from: dateForInput(from), to: dateForInput(to) } });
  return (
    <div className="panel issue-one" data-testid="issue-one">
      <div className="filters">
        <div className="segmented" role="group" aria-label={t('certificateField.kind')}>
          {(['training', 'service'] as const).map((k) => (
            <button key={k} type="button" className={kind === k ? 'active' : undefined} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`vocab.certificateKind.${k}`)}
            </button>
          ))}
        </div>
        {kind === 'training' ? (
          passed.length > 0 ? (
            <Select id="issue-one-session" ariaLabel={t('certificates.passedSession')} value={sessionId} options={passed} empty={t('certificates.passedSession')} onChange={setSessionId} />
          ) : (
            <span className="muted">{trainings.data ? t('certificates.noPassedSessions') : ''}</span>
          )
        ) : (
          <>
            <Field id="issue-one-from" label={t('certificateField.periodFrom')}>
              <TextInput id="issue-one-from" value={from} onChange={setFrom} placeholder={t('form.dateHint')} />
            </Field>
            <Field id="issue-one-to" label={t('certificateField.periodTo')}>
              <TextInput id="issue-one-to" value={to} onChange={setTo} placeholder={t('form.dateHint')} />
            </Field>
          </>
        )}
        <button type="button" className="primary" disabled={kind === 'training' && !sessionId} onClick={preview} data-testid="issue-one-preview">
          {t('certificates.preview.open')}
        </button>
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      </div>
      <ErrorText error={trainings.error} />
      {selection && (
        <IssuePreview
          selection={selection}
          onClose={() => setSelection(null)}
          onIssued={() => {
            onIssued();
            onClose();
          }}
        />
      )}
    </div>
  );
}
