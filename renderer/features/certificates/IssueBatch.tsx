import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { Select, TextInput } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { useLoad } from '../../ui/useLoad';
import { IssuePreview, type Selection } from './IssuePreview';

/**
 * A batch into one PDF: everyone who passed a session of the last year, or everyone with at
 * least N verified hours in a year. The preview shows who gets what before anything is numbered;
 * the core then numbers, signs and prints in one step (a failure issues nothing).
 */
export function IssueBatch({ onIssued }: { onIssued(): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<'training' | 'service'>('service');
  const [sessionId, setSessionId] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [minHours, setMinHours] = useState('20');
  const [selection, setSelection] = useState<Selection | null>(null);
  const lang = useLang();
  const lastYear = new Date(Date.now() - 366 * 86_400_000).toISOString().slice(0, 10);
  const sessions = useLoad(() => (kind === 'training' ? call('trainings.sessions.list', { from: lastYear, limit: 1000 }) : Promise.resolve(null)), [kind]);
  const sessionOptions = (sessions.data?.rows ?? [])
    .filter((r) => r.status !== 'cancelled' && r.status !== 'planned')
    .map((r) => ({ value: r.id, label: `${formatDate(r.start)} · ${localizedText(r.programTitle, lang)}` }));
  const preview = () =>
    setSelection({ batch: kind === 'training' ? { kind, sessionId: sessionId.trim() } : { kind, year: Number(year), minHours: Number(minHours.replace(',', '.')) } });
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
        <button type="button" className="primary" disabled={kind === 'training' && !sessionId.trim()} onClick={preview} data-testid="certificate-issue">
          {t('certificates.preview.open')}
        </button>
      </div>
      {selection && <IssuePreview selection={selection} onClose={() => setSelection(null)} onIssued={onIssued} />}
    </section>
  );
}
