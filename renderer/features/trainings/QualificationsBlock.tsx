import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../../shared/domain/text';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDate } from '../../ui/format';
import { callFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { StatusBadge, sessionDates } from './SessionsScreen';
import { localizedText } from '../../ui/localized';
import { QualificationStatusBadge } from './QualificationStatusBadge';
import { ActionsHeader } from '../../ui/ActionsHeader';

/** The profile's trainings and qualifications: what the person holds today, and the sessions they took part in. */
export function QualificationsBlock({ volunteerId }: { volunteerId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const [round, setRound] = useState(0);
  const qualifications = useLoad(() => call('qualifications.list', { volunteerId }), [volunteerId, round]);
  const trainings = useLoad(() => call('trainings.ofVolunteer', { volunteerId }), [volunteerId]);
  const action = useAction();
  const [adding, setAdding] = useState(false);
  const reload = () => setRound((r) => r + 1);

  const remove = async (id: string) => {
    const done = await action.run(() => call('qualifications.delete', { id }), toastError);
    if (done) {
      toastOk('trainings.qualifications.deleted');
      reload();
    }
  };
  const list = qualifications.data ?? [];
  const sessions = trainings.data ?? [];

  return (
    <section className="facts qualifications" aria-labelledby="qualifications-title" data-testid="qualifications">
      <div className="section-head">
        <h2 id="qualifications-title">{t('trainings.qualifications.title')}</h2>
        <span className="spacer" />
        {may('qualifications.add') && !adding && (
          <button type="button" onClick={() => setAdding(true)} data-testid="qualification-add">
            {t('trainings.qualifications.add')}
          </button>
        )}
      </div>
      {adding && <AddQualification volunteerId={volunteerId} onDone={() => (setAdding(false), reload())} onCancel={() => setAdding(false)} />}
      <ErrorText error={qualifications.error ?? trainings.error ?? action.error} />
      {qualifications.data && list.length === 0 && <p className="muted">{t('trainings.qualifications.none')}</p>}
      {list.length > 0 && (
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('trainings.qualifications.kind')}</th>
              <th>{t('trainings.qualifications.from')}</th>
              <th>{t('trainings.qualifications.validUntil')}</th>
              <th>{t('trainings.qualifications.status')}</th>
              <th>{t('trainings.qualifications.source')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {list.map((q) => (
              <tr key={q.id} className={q.status === 'expired' ? 'inactive' : undefined} data-testid="qualification-row">
                <td>{localizedText(q.kindNames, lang)}</td>
                <td className="mono">{formatDate(q.from)}</td>
                <td className="mono">
                  {q.validUntil ? formatDate(q.validUntil) : t('trainings.kinds.never')}
                  {q.status === 'grace' && q.graceUntil && <span className="muted"> · {t('trainings.qualifications.graceTill', { date: formatDate(q.graceUntil) })}</span>}
                </td>
                <td><QualificationStatusBadge status={q.status} /></td>
                <td>
                  {q.source === 'training' && q.sessionId ? (
                    <a href={hrefFor({ name: 'session', id: q.sessionId })}>{t('trainings.qualifications.byTraining')}</a>
                  ) : (
                    <>
                      {t('trainings.qualifications.byHand')}
                      {q.note && <span className="muted"> · {q.note}</span>}
                    </>
                  )}
                </td>
                <td className="actions">
                  {q.source === 'manual' && may('qualifications.delete') && (
                    <ConfirmButton label={t('common.delete')} question={t('trainings.qualifications.deleteQuestion')} onConfirm={() => void remove(q.id)} disabled={action.busy} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>{t('trainings.qualifications.trainings')}</h3>
      {trainings.data && sessions.length === 0 && <p className="muted">{t('trainings.qualifications.noTrainings')}</p>}
      {sessions.length > 0 && (
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('trainings.sessions.program')}</th>
              <th>{t('trainings.sessions.dates')}</th>
              <th>{t('trainings.sessions.status')}</th>
              <th>{t('trainings.session.standing')}</th>
              <th>{t('trainings.session.result')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => (
              <tr key={s.id} data-testid="training-row">
                <td><a href={hrefFor({ name: 'session', id: s.id })}>{localizedText(s.programTitle, lang)}</a></td>
                <td className="mono">{sessionDates(s)}</td>
                <td><StatusBadge status={s.status} label={t(`trainings.status.${s.status}`)} /></td>
                <td>
                  {t(`trainings.place.${s.place}`)}
                  {s.place === 'waitlisted' && s.position !== null && ` (${s.position})`}
                </td>
                <td>
                  {s.attendance && s.attendance !== 'present' ? t(`trainings.attendance.${s.attendance}`) : ''}
                  {s.result && t(`trainings.result.${s.result}`)}
                  {s.score !== null && ` · ${s.score}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A qualification obtained elsewhere (a Red Crescent first-aid card), recorded by hand with a note. */
function AddQualification({ volunteerId, onDone, onCancel }: { volunteerId: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const options = (kinds.data ?? []).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const [kindId, setKindId] = useState('');
  const [from, setFrom] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fromIso = dateForInput(from);
    const problems: FieldErrors = {};
    if (!kindId) problems.kindId = { path: 'kindId', key: 'error.required' };
    if (!fromIso) problems.from = { path: 'from', key: 'error.required' };
    else if (!isoDate.safeParse(fromIso).success) problems.from = { path: 'from', key: 'error.date' };
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    const done = await action.run(() => call('qualifications.add', { volunteerId, kindId, from: fromIso, note: note.trim() }), (error) => setErrors(callFieldErrors(error)));
    if (done) {
      toastOk('trainings.qualifications.added');
      onDone();
    }
  };

  return (
    <form className="add-qualification" onSubmit={submit} noValidate data-testid="qualification-form">
      <div className="form-grid">
        <Field id="q-kind" label={t('trainings.qualifications.kind')} problem={errors.kindId}>
          <Select id="q-kind" value={kindId} options={options} empty={t('common.choose')} onChange={setKindId} invalid={!!errors.kindId} />
        </Field>
        <Field id="q-from" label={t('trainings.qualifications.from')} problem={errors.from}>
          <TextInput id="q-from" value={from} onChange={setFrom} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={!!errors.from} />
        </Field>
        <Field id="q-note" label={t('trainings.qualifications.note')} problem={errors.note} hint={t('trainings.qualifications.noteHint')}>
          <TextInput id="q-note" value={note} onChange={setNote} />
        </Field>
        <div className="field field-end inline-form">
          <button type="submit" className="primary" disabled={action.busy}>{t('common.save')}</button>
          <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        </div>
      </div>
      <ErrorText error={Object.keys(errors).length > 0 ? null : action.error} />
    </form>
  );
}
