import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourEntry } from '../../../shared/contract/events';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, TextInput } from '../../ui/Field';
import { formatDate, formatDateTime, formatHours } from '../../ui/format';
import { useLang } from '../../app/i18n';
import { callFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';
import { withHistory } from './hours';
import { ActionsHeader } from '../../ui/ActionsHeader';

interface EntriesTableProps {
  /** With history (`hours.list {history: true}`): replaced entries are shown under what replaced them. */
  entries: readonly HourEntry[];
  /** Show whose entry it is (the office's lists; the profile knows). */
  showName?: boolean;
  onChanged(): void;
  testId: string;
}

/** Hour entries with their event and shift, status and correction history; verify and correct where the user may. */
export function EntriesTable({ entries, showName, onChanged, testId }: EntriesTableProps) {
  const { t } = useTranslation();
  const may = useMayCall();
  const action = useAction();
  const [correcting, setCorrecting] = useState<string | null>(null);
  const rows = withHistory(entries);
  const columns = showName ? 7 : 6;

  const verify = async (id: string) => {
    if (await action.run(() => call('hours.verify', { id }))) {
      toastOk('hours.verified');
      onChanged();
    }
  };

  return (
    <>
      <ErrorText error={action.error} />
      <table className="plain-table hours-table" data-testid={testId}>
        <thead>
          <tr>
            <th>{t('hours.date')}</th>
            {showName && <th>{t('volunteer.fullName')}</th>}
            <th>{t('hours.work')}</th>
            <th>{t('eventField.category')}</th>
            <th className="num">{t('hours.hours')}</th>
            <th>{t('hours.status')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map(({ entry: e, history }) => (
            <EntryRows
              key={e.id}
              e={e}
              history={history}
              showName={!!showName}
              columns={columns}
              actions={
                <td className="actions">
                  {!e.verifiedAt && may('hours.verify') && (
                    <button type="button" disabled={action.busy} onClick={() => void verify(e.id)} data-testid="hours-verify">{t('hours.verify')}</button>
                  )}
                  {may('hours.correct') && (
                    <button type="button" className="link" onClick={() => setCorrecting(correcting === e.id ? null : e.id)} aria-expanded={correcting === e.id}>
                      {t('hours.correct')}
                    </button>
                  )}
                </td>
              }
              form={
                correcting === e.id && (
                  <tr className="hours-correct-row">
                    <td colSpan={columns}>
                      <CorrectEntry entry={e} onDone={() => (setCorrecting(null), onChanged())} onCancel={() => setCorrecting(null)} />
                    </td>
                  </tr>
                )
              }
            />
          ))}
        </tbody>
      </table>
    </>
  );
}

interface EntryRowsProps {
  e: HourEntry;
  history: HourEntry[];
  showName: boolean;
  columns: number;
  actions: ReactNode;
  form: ReactNode;
}

function EntryRows({ e, history, showName, columns, actions, form }: EntryRowsProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <>
      <tr data-testid="hours-entry">
        <td className="mono">{formatDate(e.date)}</td>
        {showName && <td><a href={hrefFor({ name: 'volunteer', id: e.volunteerId })}>{e.name}</a></td>}
        <td>
          {e.eventTitle ?? t('hours.byHand')}
          {e.shiftTitle && <span className="muted"> · {e.shiftTitle}</span>}
          {e.note && <span className="muted"> · {e.note}</span>}
        </td>
        <td>{e.category ? t(`vocab.eventCategory.${e.category}`) : ''}</td>
        <td className="num">{formatHours(e.hours, lang)}</td>
        <td>
          <span className={`badge ${e.verifiedAt ? 'status-active' : 'status-candidate'}`}>{t(e.verifiedAt ? 'hours.isVerified' : 'hours.waiting')}</span>
        </td>
        {actions}
      </tr>
      {e.corrects && (
        <tr className="hours-history">
          <td colSpan={columns} className="muted small">
            {t('hours.correctedNote', { by: e.correctedBy ?? '', at: formatDateTime(e.correctedAt), reason: e.correctionReason ?? '' })}
            {history.map((h) => (
              <span key={h.id}> · {t('hours.was', { hours: formatHours(h.hours, lang) })}</span>
            ))}
          </td>
        </tr>
      )}
      {form}
    </>
  );
}

/** A coordinator's correction: the new hours and why; the entry it replaces stays as history. */
function CorrectEntry({ entry, onDone, onCancel }: { entry: HourEntry; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [hours, setHours] = useState(formatHours(entry.hours, useLang()));
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const prefix = `correct-${entry.id.replace(/[^a-zA-Z0-9-]/g, '')}`;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    const value = Number(hours.replace(',', '.'));
    const problems: FieldErrors = {};
    if (hours.trim() === '' || !Number.isFinite(value)) problems.hours = { path: 'hours', key: 'error.events.hours' };
    if (reason.trim() === '') problems.reason = { path: 'reason', key: 'error.required' };
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    const done = await action.run(() => call('hours.correct', { id: entry.id, hours: value, reason: reason.trim() }), (error) => setErrors(callFieldErrors(error)));
    if (done) {
      toastOk('hours.corrected');
      onDone();
    }
  };

  return (
    <form className="inline-form" onSubmit={submit} noValidate data-testid="hours-correct">
      <Field id={`${prefix}-hours`} label={t('hours.newHours')} problem={errors.hours}>
        <TextInput id={`${prefix}-hours`} value={hours} onChange={setHours} inputMode="numeric" maxLength={6} autoFocus invalid={!!errors.hours} />
      </Field>
      <Field id={`${prefix}-reason`} label={t('hours.reason')} problem={errors.reason}>
        <TextInput id={`${prefix}-reason`} value={reason} onChange={setReason} maxLength={500} invalid={!!errors.reason} />
      </Field>
      <button type="submit" className="primary" disabled={action.busy}>{t('common.save')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      <ErrorText error={Object.keys(errors).length > 0 ? null : action.error} />
    </form>
  );
}
