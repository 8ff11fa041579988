import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate } from '../../../shared/domain/text';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { call } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field, TextInput } from '../../ui/Field';
import { dateForInput, formatDate, fullName } from '../../ui/format';
import { callFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction, useDebounced, useLoad } from '../../ui/useLoad';

const SUGGESTIONS = 8;

/** Finds a volunteer by name, IIN or phone (the roster's own search) and adds them as a member. */
export function AddMember({ organisationId, exclude, onAdded }: { organisationId: string; exclude: ReadonlySet<string>; onAdded(): void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<VolunteerRow | null>(null);
  const [role, setRole] = useState('');
  const [since, setSince] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const query = useDebounced(text.trim(), 150);
  const found = useLoad(
    () => (query ? call('volunteers.search', { text: query, limit: SUGGESTIONS }) : Promise.resolve(null)),
    [query],
  );
  const suggestions = (found.data?.rows ?? []).filter((r) => !exclude.has(r.id));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return;
    const sinceIso = dateForInput(since);
    if (sinceIso && !isoDate.safeParse(sinceIso).success) return setErrors({ since: { path: 'since', key: 'error.date' } });
    const done = await action.run(
      () => call('organisations.addMember', { organisationId, volunteerId: chosen.id, role: role.trim() || null, since: sinceIso || null }),
      (error) => setErrors(callFieldErrors(error)),
    );
    if (done) {
      toastOk('organisation.memberAdded');
      setChosen(null);
      setText('');
      setRole('');
      setSince('');
      onAdded();
    }
  };

  return (
    <form className="add-member" onSubmit={submit} noValidate>
      {chosen ? (
        <div className="form-grid">
          <div className="field">
            <span className="field-label">{t('organisation.newMember')}</span>
            <span>
              <strong>{fullName(chosen)}</strong> {formatDate(chosen.birthDate)}{' '}
              <button type="button" className="link" onClick={() => setChosen(null)}>{t('common.change')}</button>
            </span>
          </div>
          <Field id="m-role" label={t('organisation.role')} problem={errors.role}>
            <TextInput id="m-role" value={role} onChange={setRole} />
          </Field>
          <Field id="m-since" label={t('organisation.since')} problem={errors.since}>
            <TextInput id="m-since" value={since} onChange={setSince} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} />
          </Field>
          <div className="field field-end">
            <button type="submit" className="primary" disabled={action.busy}>{t('organisation.addMember')}</button>
          </div>
        </div>
      ) : (
        <div className="member-search">
          <input
            type="search"
            className="search"
            aria-label={t('organisation.findVolunteer')}
            placeholder={t('organisation.findVolunteer')}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          {suggestions.length > 0 && (
            <ul className="suggestions" role="listbox" aria-label={t('organisation.findVolunteer')}>
              {suggestions.map((r) => (
                <li key={r.id}>
                  <button type="button" role="option" aria-selected={false} onClick={() => setChosen(r)}>
                    {fullName(r)} <span className="muted">{formatDate(r.birthDate)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          {query && found.data && suggestions.length === 0 && <span className="muted">{t('roster.empty')}</span>}
        </div>
      )}
      <ErrorText error={Object.keys(errors).length > 0 ? null : action.error} />
    </form>
  );
}
