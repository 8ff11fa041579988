import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { Select, TextInput } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';

/**
 * Issues a batch into one PDF: everyone who passed a session of the last year, or everyone with
 * at least N verified hours in a year. The core numbers, signs and prints
 * in one step; a failure issues nothing.
 */
export function IssueBatch({ onIssued }: { onIssued(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'training' | 'service'>('service');
  const [sessionId, setSessionId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [minHours, setMinHours] = useState('20');
  const [english, setEnglish] = useState(false);
  const lang = useLang();
  const lastYear = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
  const sessions = useLoad(() => (kind === 'training' ? call('trainings.sessions.list', { from: lastYear, limit: 1000 }) : Promise.resolve(null)), [kind]);
  const sessionOptions = (sessions.data?.rows ?? [])
    .filter((r) => r.status !== 'cancelled' && r.status !== 'planned')
    .map((r) => ({ value: r.id, label: `${formatDate(r.start)} · ${localizedText(r.programTitle, lang)}` }));
  const action = useLongCall();
  const issue = async () => {
    const input = kind === 'training' ? { kind, sessionId: sessionId.trim(), english } : { kind, year: Number(year), minHours: Number(minHours), english };
    const result = await action.run('certificates.batch', input);
    if (!result) return;
    toastOk('certificates.issued', { count: result.certificates.length });
    if (result.file) await saveFile(result.file, { open: true });
    onIssued();
  };
  return (
    <section className="panel" data-testid="certificate-batch">
      <h2>{t('certificates.issueBatch')}</h2>
      <div className="filters">
        <div className="segmented" role="group" aria-label={t('certificateField.kind')}>
          {(['service', 'training'] as const).map((k) => (
            <button key={k} type="button" className={kind === k ? 'active' : undefined} aria-pressed={kind === k} onClick={() => setKind(k)}>
              {t(`vocab.certificateKind.${k}`)}
            </button>
          ))}
        </div>
        {kind === 'training' ? (
          <Select id="batch-session" ariaLabel={t('certificateField.sessionId')} value={sessionId} options={sessionOptions} empty={t('certificateField.sessionId')} onChange={setSessionId} />
        ) : (
          <>
            <label>{t('certificateField.year')} <TextInput id="batch-year" value={year} onChange={setYear} inputMode="numeric" /></label>
            <label>{t('certificates.minHours')} <TextInput id="batch-min-hours" value={minHours} onChange={setMinHours} inputMode="numeric" /></label>
          </>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={english} onChange={(e) => setEnglish(e.target.checked)} />
          {t('certificates.english')}
        </label>
        <button type="button" className="primary" disabled={action.busy || (kind === 'training' && !sessionId.trim())} onClick={() => void issue()} data-testid="certificate-issue">
          {action.busy ? t('certificates.issuing') : t('certificates.issueAndPrint')}
        </button>
      </div>
      <LongCallProgress call={action} testId="certificate-batch-progress" />
      <ErrorText error={action.error} />
    </section>
  );
}
