import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { contract } from '../../../shared/contract';
import type { User } from '../../../shared/contract/session';
import { ROLES, type Role } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { useSession } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { callFieldErrors, translateProblem, zodFieldErrors, type FieldErrors } from '../../ui/problems';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { SaveActions } from '../../ui/SaveActions';
import { pickFrom, useVocab, useVocabLabel } from '../../ui/vocab';
import { AccountChanges } from './AccountChanges';

/** Administrators manage who may sign in at this office and with which role. */
export function UsersScreen() {
  const { t } = useTranslation();
  const users = useLoad(() => call('users.list', {}), []);
  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('users.title')}</h1>
      </div>
      <ErrorText error={users.error} />
      <table className="plain-table">
        <thead>
          <tr>
            <th>{t('auth.login')}</th>
            <th>{t('users.displayName')}</th>
            <th>{t('users.role')}</th>
            <th>{t('users.active')}</th>
            <th>{t('auth.password')}</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((u) => (
            <UserRow key={u.id} user={u} onChanged={users.reload} />
          ))}
        </tbody>
      </table>
      {users.loading && !users.data && <p className="muted">{t('common.loading')}</p>}
      <AddUser onAdded={users.reload} />
      <AccountChanges key={users.data?.map((u) => `${u.id}:${u.role}:${String(u.active)}`).join() ?? ''} />
      <IinLookups />
    </div>
  );
}

/** How many complete-IIN lookups each staff account made (the record itself keeps no IIN). */
function IinLookups() {
  const { t } = useTranslation();
  const audit = useLoad(() => call('audit.iinLookups', { limit: 1 }), []);
  const limits = audit.data?.limits;
  return (
    <section className="form-section" aria-labelledby="iin-lookups-title">
      <h2 id="iin-lookups-title">{t('users.iinLookups')}</h2>
      {limits && <p className="muted">{t('users.iinLookupsIntro', { perHour: limits.perHour, perDay: limits.perDay })}</p>}
      <ErrorText error={audit.error} />
      {audit.data && audit.data.users.length === 0 && <p className="muted">{t('users.iinLookupsNone')}</p>}
      {audit.data && audit.data.users.length > 0 && (
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('auth.login')}</th>
              <th>{t('users.iinLookupsLastHour')}</th>
              <th>{t('users.iinLookupsLastDay')}</th>
              <th>{t('users.iinLookupsTotal')}</th>
              <th>{t('users.iinLookupsHits')}</th>
            </tr>
          </thead>
          <tbody>
            {audit.data.users.map((u) => (
              <tr key={u.userId}>
                <td className="mono">{u.login}</td>
                <td>{u.lastHour}</td>
                <td>{u.lastDay}</td>
                <td>{u.total}</td>
                <td>{u.hits}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A role or activation chosen but not yet applied: it waits for a confirmation in words. */
type Pending = { role: Role } | { active: boolean } | null;

function UserRow({ user, onChanged }: { user: User; onChanged(): void }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.user?.id === user.id);
  const roles = useVocab('role', ROLES);
  const vocab = useVocabLabel();
  const [pending, setPending] = useState<Pending>(null);
  const [password, setPassword] = useState<string | null>(null);
  const [problem, setProblem] = useState<FieldErrors>({});
  const action = useAction();

  const update = async (change: Omit<Parameters<typeof call<'users.update'>>[1], 'id'>) => {
    const done = await action.run(() => call('users.update', { id: user.id, ...change }), toastError);
    if (done) {
      toastOk('users.saved');
      onChanged();
    }
    return done;
  };
  const savePassword = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = contract['users.update'].input.safeParse({ id: user.id, password });
    if (!parsed.success) return setProblem(zodFieldErrors(parsed.error));
    setProblem({});
    if (await update({ password: password ?? '' })) setPassword(null);
  };

  // One slip of a drop-down must not demote or promote anyone: a change is asked about first.
  const question =
    pending === null
      ? null
      : 'role' in pending
        ? t('users.roleQuestion', { name: user.displayName, from: vocab('role', user.role), to: vocab('role', pending.role) })
        : t(pending.active ? 'users.reactivateQuestion' : 'users.deactivateQuestion', { name: user.displayName });
  const confirm = async () => {
    if (pending && (await update(pending))) setPending(null);
  };

  return (
    <>
    <tr className={user.active ? undefined : 'inactive'}>
      <td className="mono">{user.login}</td>
      <td>{user.displayName}</td>
      <td>
        <Select
          id={`role-${user.id}`}
          ariaLabel={t('users.role')}
          value={pending && 'role' in pending ? pending.role : user.role}
          options={roles}
          onChange={(value) => {
            const role = pickFrom(ROLES, value);
            setPending(role && role !== user.role ? { role } : null);
          }}
        />
      </td>
      <td>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={pending && 'active' in pending ? pending.active : user.active}
            disabled={me || action.busy}
            onChange={(e) => setPending(e.target.checked !== user.active ? { active: e.target.checked } : null)}
          />
          {user.active ? t('users.activeYes') : t('users.activeNo')}
        </label>
      </td>
      <td>
        {password === null ? (
          <button type="button" className="link" onClick={() => setPassword('')}>{t('users.setPassword')}</button>
        ) : (
          <form className="inline-form" onSubmit={savePassword} noValidate>
            <input
              type="password"
              aria-label={t('users.newPassword')}
              placeholder={t('users.newPassword')}
              value={password}
              autoComplete="new-password"
              autoFocus
              onChange={(e) => setPassword(e.target.value)}
            />
            <button type="submit" disabled={action.busy}>{t('common.save')}</button>
            <button type="button" className="link" onClick={() => setPassword(null)}>{t('common.cancel')}</button>
            {problem.password && <span className="field-error">{translateProblem(t, problem.password)}</span>}
          </form>
        )}
      </td>
    </tr>
    {question && (
      <tr className="pending-change">
        <td colSpan={5}>
          <span className="confirm" role="group" aria-label={question} data-testid={`confirm-${user.login}`}>
            <span>{question}</span>
            <button type="button" className="primary" autoFocus disabled={action.busy} onClick={() => void confirm()}>
              {t('common.yes')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('common.no')}
            </button>
          </span>
        </td>
      </tr>
    )}
    </>
  );
}

function AddUser({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const roles = useVocab('role', ROLES);
  const blank = { login: '', displayName: '', role: 'staff', password: '' };
  const [form, setForm] = useState(blank);
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const set = (key: keyof typeof blank) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = contract['users.add'].input.safeParse(form);
    if (!parsed.success) return setErrors(zodFieldErrors(parsed.error));
    setErrors({});
    const added = await action.run(() => call('users.add', parsed.data), (error) => setErrors(callFieldErrors(error)));
    if (added) {
      toastOk('users.added');
      setForm(blank);
      onAdded();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <fieldset className="form-section">
        <legend>{t('users.add')}</legend>
        <div className="form-grid">
          <Field id="u-login" label={t('auth.login')} problem={errors.login}>
            <TextInput id="u-login" value={form.login} onChange={set('login')} autoComplete="off" invalid={!!errors.login} />
          </Field>
          <Field id="u-name" label={t('users.displayName')} problem={errors.displayName}>
            <TextInput id="u-name" value={form.displayName} onChange={set('displayName')} invalid={!!errors.displayName} />
          </Field>
          <Field id="u-role" label={t('users.role')} problem={errors.role}>
            <Select id="u-role" value={form.role} options={roles} onChange={set('role')} />
          </Field>
          <Field id="u-password" label={t('auth.password')} problem={errors.password} hint={t('setup.passwordHint')}>
            <TextInput id="u-password" type="password" value={form.password} onChange={set('password')} autoComplete="new-password" invalid={!!errors.password} />
          </Field>
        </div>
      </fieldset>
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors} label={t('users.add')} />
    </form>
  );
}
