import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BACKUP_FREQUENCIES, type BackupFile, type BackupPreview, type BackupStatus } from '../../../shared/contract/backups';
import { officeName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useSession } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { Fact, Facts } from '../../ui/Facts';
import { Field, Select, TextInput } from '../../ui/Field';
import { formatDateTime } from '../../ui/format';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { callFieldErrors, type FieldErrors } from '../../ui/problems';
import { SaveActions } from '../../ui/SaveActions';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';

/**
 * Backups (administrators): where they go, how often and how many are kept, "Back up now", the
 * backups in the folder, and restoring one after seeing what it holds. The work is the core's
 * (electron/core/backups); a restore ends with everyone signed out, since the users may differ.
 */
export function BackupsScreen() {
  const { t } = useTranslation();
  const status = useLoad(() => call('backups.status', {}), []);
  const list = useLoad(() => call('backups.list', {}), []);
  const backUp = useLongCall();
  const [restoring, setRestoring] = useState<BackupFile | null>(null);

  const refresh = () => {
    status.reload();
    list.reload();
  };
  const runNow = async () => {
    const made = await backUp.run('backups.run', {});
    refresh();
    if (made) toastOk('backups.made', { name: made.name });
  };

  return (
    <div className="screen backups-screen">
      <div className="screen-head">
        <h1>{t('backups.title')}</h1>
      </div>
      <p className="muted">{t('backups.intro')}</p>
      <section className="form-section" aria-labelledby="backups-last">
        <h2 id="backups-last">{t('backups.last')}</h2>
        {status.data && <LastBackup status={status.data} />}
        <div className="form-actions">
          <button type="button" className="primary" data-testid="backup-now" disabled={backUp.busy || !status.data?.settings.folder} onClick={() => void runNow()}>
            {t('backups.now')}
          </button>
          <ErrorText error={backUp.busy ? null : backUp.error} />
        </div>
        <LongCallProgress call={backUp} />
      </section>
      {status.data && <SettingsForm key={JSON.stringify(status.data.settings)} status={status.data} onSaved={refresh} />}
      <section className="form-section" aria-labelledby="backups-list">
        <h2 id="backups-list">{t('backups.list')}</h2>
        {list.data?.folder && <p className="muted mono small">{list.data.folder}</p>}
        <ErrorText error={list.error} />
        {list.data && <BackupList files={list.data.files} onRestore={setRestoring} />}
      </section>
      {restoring && <RestorePanel key={restoring.name} file={restoring} onClose={() => setRestoring(null)} />}
    </div>
  );
}

function LastBackup({ status }: { status: BackupStatus }) {
  const { t } = useTranslation();
  const failed = status.lastOk === false;
  return (
    <div data-testid="backup-last">
      {status.lastSuccessAt ? <p>{t('backups.lastOk', { date: formatDateTime(status.lastSuccessAt) })}{status.lastFile && <span className="muted mono small"> · {status.lastFile}</span>}</p> : <p>{t('backups.never')}</p>}
      {failed && status.lastError && <p className="notice">{t('backups.lastFailed', { date: formatDateTime(status.lastAt), reason: t(status.lastError, { folder: status.settings.folder ?? '', name: '' }) })}</p>}
    </div>
  );
}

function SettingsForm({ status, onSaved }: { status: BackupStatus; onSaved(): void }) {
  const { t } = useTranslation();
  const { settings } = status;
  const [folder, setFolder] = useState(settings.folder ?? '');
  const [keep, setKeep] = useState(String(settings.keep));
  const [frequency, setFrequency] = useState<string>(settings.frequency);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldErrors = {};
    if (password && password !== repeat) problems.passwordRepeat = { path: 'passwordRepeat', key: 'error.passwordMismatch' };
    if (!settings.hasPassword && !password) problems.password = { path: 'password', key: 'error.required' };
    if (Object.keys(problems).length) return setErrors(problems);
    setErrors({});
    const saved = await action.run(
      () => call('backups.configure', { folder, keep: Number(keep), frequency: frequency as (typeof BACKUP_FREQUENCIES)[number], ...(password ? { password } : {}) }),
      (error) => setErrors(callFieldErrors(error)),
    );
    if (saved) {
      toastOk('backups.saved');
      onSaved();
    }
  };

  return (
    <form className="form" onSubmit={submit} noValidate aria-labelledby="backups-settings">
      <fieldset className="form-section">
        <h2 id="backups-settings">{t('backups.settings')}</h2>
        <div className="form-grid">
          <Field id="backup-folder" label={t('backups.folder')} problem={errors.folder} hint={t('backups.folderHint')} wide>
            <TextInput id="backup-folder" value={folder} onChange={setFolder} invalid={!!errors.folder} />
          </Field>
          <Field id="backup-keep" label={t('backups.keep')} problem={errors.keep} hint={t('backups.keepHint')}>
            <Select id="backup-keep" value={keep} onChange={setKeep} options={keepChoices(settings.keep)} invalid={!!errors.keep} />
          </Field>
          <Field id="backup-frequency" label={t('backups.frequency')} problem={errors.frequency}>
            <Select id="backup-frequency" value={frequency} onChange={setFrequency} options={BACKUP_FREQUENCIES.map((f) => ({ value: f, label: t(`backups.every.${f}`) }))} />
          </Field>
          <Field id="backup-password" label={t('backups.password')} problem={errors.password} hint={settings.hasPassword ? t('backups.passwordSet') : t('backups.passwordHint')}>
            <TextInput id="backup-password" type="password" autoComplete="new-password" value={password} onChange={setPassword} invalid={!!errors.password} />
          </Field>
          <Field id="backup-password-repeat" label={t('backups.passwordRepeat')} problem={errors.passwordRepeat}>
            <TextInput id="backup-password-repeat" type="password" autoComplete="new-password" value={repeat} onChange={setRepeat} invalid={!!errors.passwordRepeat} />
          </Field>
        </div>
      </fieldset>
      <SaveActions busy={action.busy} error={action.error} fieldErrors={errors} />
    </form>
  );
}

/** How many to keep: the usual choices, and the current value if it is another. */
function keepChoices(current: number) {
  const values = [...new Set([3, 5, 7, 10, 14, 20, 30, current])].sort((a, b) => a - b);
  return values.map((n) => ({ value: String(n), label: String(n) }));
}

function formatSize(bytes: number, lang: string, t: (key: string, params: Record<string, string>) => string): string {
  const value = new Intl.NumberFormat(lang === 'en' ? 'en' : 'ru', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  return t('backups.sizeMb', { value });
}

function BackupList({ files, onRestore }: { files: BackupFile[]; onRestore(file: BackupFile): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (files.length === 0) return <p className="muted" data-testid="backup-list-empty">{t('backups.empty')}</p>;
  return (
    <table className="plain-table" data-testid="backup-list">
      <thead>
        <tr>
          <th>{t('backups.made_at')}</th>
          <th>{t('backups.office')}</th>
          <th className="num">{t('backups.counts.volunteers')}</th>
          <th className="num">{t('backups.size')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.name} title={file.name}>
            <td>{file.createdAt ? formatDateTime(file.createdAt) : <span className="muted">{t('backups.unreadable')}</span>}</td>
            <td className="mono">{file.officeCode ?? ''}</td>
            <td className="num">{file.counts?.volunteers ?? ''}</td>
            <td className="num">{formatSize(file.size, lang, t)}</td>
            <td>
              <button type="button" onClick={() => onRestore(file)} disabled={!file.createdAt}>
                {t('backups.restore')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RestorePanel({ file, onClose }: { file: BackupFile; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { signedOut } = useSession();
  const [password, setPassword] = useState('');
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const check = useLongCall();
  const restore = useLongCall();

  const runCheck = async (e: FormEvent) => {
    e.preventDefault();
    setPreview((await check.run('backups.preview', { name: file.name, password })) ?? null);
  };
  const runRestore = async () => {
    // The workers reopen on the restored database and everyone signs in again.
    if (await restore.run('backups.restore', { name: file.name, password })) signedOut('backups.restored');
  };

  return (
    <section className="form-section" aria-labelledby="backup-restore" data-testid="backup-restore">
      <h2 id="backup-restore">{t('backups.restoreTitle', { name: file.name })}</h2>
      <form className="restore-form" onSubmit={runCheck} noValidate>
        <Field id="restore-password" label={t('backups.password')}>
          <TextInput id="restore-password" type="password" autoComplete="off" value={password} onChange={(v) => {
            setPassword(v);
            setPreview(null);
          }} />
        </Field>
        <div className="form-actions">
          <button type="submit" disabled={!password || check.busy || restore.busy}>{t('backups.check')}</button>
          <button type="button" onClick={onClose} disabled={restore.busy}>{t('common.cancel')}</button>
        </div>
      </form>
      <LongCallProgress call={check} testId="restore-check-progress" />
      <ErrorText error={check.busy ? null : check.error} />
      {preview && (
        <div data-testid="backup-preview">
          <Facts title={t('backups.previewTitle')}>
            <Fact label={t('backups.office')}>
              <span className="mono">{preview.office.code}</span> · {officeName(preview.office.code, preview.office.name, lang)}
            </Fact>
            <Fact label={t('backups.madeOn')}>{formatDateTime(preview.createdAt)}</Fact>
            {(Object.keys(preview.counts) as (keyof BackupPreview['counts'])[]).map((kind) => (
              <Fact key={kind} label={t(`backups.counts.${kind}`)}>{String(preview.counts[kind])}</Fact>
            ))}
          </Facts>
          <p className="notice">{t('backups.restoreWarning')}</p>
          <ConfirmButton danger label={t('backups.restoreConfirm')} question={t('backups.restoreQuestion')} disabled={restore.busy} onConfirm={() => void runRestore()} />
          <LongCallProgress call={restore} testId="restore-progress" />
          <ErrorText error={restore.busy ? null : restore.error} />
        </div>
      )}
    </section>
  );
}
