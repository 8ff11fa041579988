import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { FILE_TYPES } from '../../../shared/contract/files';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { Pager } from '../../ui/Pager';
import { Select } from '../../ui/Field';
import { displayPhone, formatDate } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { QualificationStatusBadge } from './QualificationStatusBadge';
import { localizedText } from '../../ui/localized';
import { TrainingsTabs } from './TrainingsTabs';

const WINDOWS = [30, 60, 90] as const;
const PAGE = 100;

/** What an address may set: 'grace=0' leaves out those already in grace (the dashboard counts only those still valid). */
export const EXPIRING_ADDRESS = ['grace'] as const;
export type ExpiringAddress = Partial<Record<(typeof EXPIRING_ADDRESS)[number], string>>;

/** Qualifications running out soon, and those already in their grace period: who needs a refresher. */
export function ExpiringScreen({ query: address = {} }: { query?: ExpiringAddress }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [within, setWithin] = useState<number>(30);
  const [includeGrace, setIncludeGrace] = useState(address.grace !== '0');
  const [kindId, setKindId] = useState('');
  const [page, setPage] = useState(0);
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindOptions = (kinds.data ?? []).filter((k) => k.validityMonths !== null).map((k) => ({ value: k.id, label: localizedText(k.names, lang) }));
  const query = { within, includeGrace, ...(kindId ? { kindId } : {}) };
  const list = useLoad(() => call('qualifications.expiring', { ...query, offset: page * PAGE, limit: PAGE }), [within, includeGrace, kindId, page]);
  const exporting = useAction();
  const rows = list.data?.rows ?? [];
  const total = list.data?.total ?? 0;

  const exportXlsx = async () => {
    const file = await exporting.run(() => call('qualifications.expiringExport', { ...query, lang }));
    if (file && (await saveFile({ ...file, mime: FILE_TYPES.xlsx }))) {
      toastOk('trainings.expiring.exported', { count: file.rows });
    }
  };

  return (
    <div className="screen">
      <TrainingsTabs current="expiring" />
      <div className="screen-head">
        <h1>{t('trainings.expiring.title')}</h1>
        {list.data && <span className="count" data-testid="expiring-total">{t('trainings.expiring.count', { count: total })}</span>}
        <span className="spacer" />
        <button type="button" onClick={() => void exportXlsx()} disabled={exporting.busy || total === 0} data-testid="expiring-export">
          {exporting.busy ? t('rosterImport.exporting') : t('rosterImport.exportXlsx')}
        </button>
      </div>
      <div className="filters">
        <div className="segmented" role="group" aria-label={t('trainings.expiring.within')}>
          {WINDOWS.map((days) => (
            <button key={days} type="button" className={within === days ? 'active' : undefined} aria-pressed={within === days} onClick={() => (setWithin(days), setPage(0))}>
              {t('trainings.expiring.days', { count: days })}
            </button>
          ))}
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={includeGrace} onChange={(e) => (setIncludeGrace(e.target.checked), setPage(0))} />
          {t('trainings.expiring.includeGrace')}
        </label>
        <Select id="expiring-kind" ariaLabel={t('trainings.qualifications.kind')} value={kindId} options={kindOptions} empty={t('trainings.qualifications.kind')} onChange={(value) => (setKindId(value), setPage(0))} />
      </div>
      <ErrorText error={list.error ?? exporting.error} />
      <table className="plain-table" data-testid="expiring-table">
        <thead>
          <tr>
            <th>{t('volunteer.fullName')}</th>
            <th>{t('trainings.qualifications.kind')}</th>
            <th>{t('trainings.qualifications.validUntil')}</th>
            <th>{t('trainings.qualifications.graceUntil')}</th>
            <th>{t('trainings.qualifications.status')}</th>
            <th className="num">{t('trainings.expiring.daysLeft')}</th>
            <th>{t('volunteer.phone')}</th>
            <th>{t('volunteer.region')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.qualificationId} data-testid="expiring-row">
              <td><a href={hrefFor({ name: 'volunteer', id: r.volunteerId })}>{r.name}</a></td>
              <td>{localizedText(r.kindNames, lang)}</td>
              <td className="mono">{formatDate(r.validUntil)}</td>
              <td className="mono">{formatDate(r.graceUntil)}</td>
              <td><QualificationStatusBadge status={r.status} /></td>
              <td className="num">{r.daysLeft < 0 ? t('trainings.expiring.overdue', { count: -r.daysLeft }) : r.daysLeft}</td>
              <td className="mono">{displayPhone(r.phone)}</td>
              <td>{r.region ? regionName(r.region, lang) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('trainings.expiring.empty')}</p>}
      <Pager page={page} pageSize={PAGE} shown={rows.length} total={total} label={t('trainings.expiring.pages')} onPage={setPage} />
    </div>
  );
}
