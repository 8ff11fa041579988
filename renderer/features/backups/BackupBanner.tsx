import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupStatus } from '../../../shared/contract/backups';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';

const DAY_MS = 24 * 3600_000;

/**
 * The administrators' warning that the office's data is not safely backed up: no backup in a
 * week (or ever), or the last attempt failed. Asked again on every screen change (`screen`), so
 * it goes once a backup is made. Until the dashboard shows it, the shell does.
 */
export function BackupBanner({ screen }: { screen: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BackupStatus | null>(null);
  useEffect(() => {
    call('backups.status', {}).then(setStatus, () => setStatus(null));
  }, [screen]);
  if (!status || (!status.overdue && status.lastOk !== false)) return null;
  const days = status.lastSuccessAt ? Math.floor((Date.now() - Date.parse(status.lastSuccessAt)) / DAY_MS) : null;
  const message = status.lastOk === false ? t('backups.banner.failed') : days === null ? t('backups.banner.never') : t('backups.banner.old', { count: days });
  return (
    <div className="notice backup-banner" role="status" data-testid="backup-banner">
      {message} <a href={hrefFor({ name: 'backups' })}>{t('backups.banner.action')}</a>
    </div>
  );
}
