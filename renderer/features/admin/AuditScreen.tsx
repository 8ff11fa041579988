import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsOfKind, AUDIT_KINDS, type AuditEntry } from '../../../shared/contract/audit';
import { FILE_TYPES } from '../../../shared/contract/files';
import { isoDate } from '../../../shared/domain/text';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput, formatDateTime } from '../../ui/format';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { Pager } from '../../ui/Pager';
import { toastOk } from '../../ui/toasts';
import { useDebounced, useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { pickFrom, useVocabLabel } from '../../ui/vocab';

const PAGE = 50;

/** A typed date that filters once it is a date; anything else (still being typed) does not filter. */
function typedDate(text: string): string | undefined {
  const iso = dateForInput(text);
  return isoDate.safeParse(iso).success ? iso : undefined;
}

/** An act's particulars in words where the screen knows them (a role change), else as recorded. */
function useDetail(): (entry: AuditEntry) => string {
  const { t } = useTranslation();
  const vocab = useVocabLabel();
  return (entry) => {
    if (entry.action === 'user.roleChanged') return `${vocab('role', entry.detail.from)} → ${vocab('role', entry.detail.to)}`;
    return Object.entries(entry.detail)
      .map(([k, v]) => `${t(`audit.detail.${k}`, { defaultValue: k })}: ${k === 'role' ? vocab('role', v) : v}`)
      .join('; ');
  };
}

/**
 * The office's audit trail for administrators (the core refuses it to anyone else): filtered by
 * kind of act, by who (a login or office, matched in who acted and whom it concerned) and by days,
 * a page at a time, and exported as filtered to .xlsx.
 */
export function AuditScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const detail = useDetail();
  const [kind, setKind] = useState('');
  const [whoText, setWho] = useState('');
  const [fromText, setFrom] = useState('');
  const [toText, setTo] = useState('');
  const [page, setPage] = useState(0);
  const who = useDebounced(whoText.trim(), 300);
  const from = typedDate(useDebounced(fromText, 300));
  const to = typedDate(useDebounced(toText, 300));
  const picked = pickFrom(AUDIT_KINDS, kind);
  const query = { actions: picked ? actionsOfKind(picked) : undefined, who: who || undefined, from, to };
  const deps = [picked, who, from, to];
  const log = useLoad(() => call('audit.log', { ...query, offset: page * PAGE, limit: PAGE }), [...deps, page]);
  const exporting = useLongCall();
  const filter = <T,>(set: (v: T) => void) => (v: T) => (set(v), setPage(0));

  const exportXlsx = async () => {
    const file = await exporting.run('audit.export', { ...query, lang });
    if (file && (await saveFile({ ...file, mime: FILE_TYPES.xlsx }))) toastOk('audit.exported', { count: file.rows });
  };
  const total = log.data?.total ?? 0;

  return (
    <div className="screen audit-screen" data-testid="audit-screen">
      <div className="screen-head">
        <a href={hrefFor({ name: 'users' })} className="back">← {t('users.title')}</a>
        <h1>{t('audit.title')}</h1>
        <span className="spacer" />
        <button type="button" onClick={() => void exportXlsx()} disabled={exporting.busy || total === 0} data-testid="audit-export">
          {exporting.busy ? t('rosterImport.exporting') : t('rosterImport.exportXlsx')}
        </button>
      </div>
      <p className="muted">{t('audit.intro')}</p>
      <div className="filters">
        <Field id="audit-kind" label={t('audit.kind')}>
          <Select id="audit-kind" value={kind} empty={t('audit.kindAll')} options={AUDIT_KINDS.map((k) => ({ value: k, label: t(`audit.kinds.${k}`) }))} onChange={filter(setKind)} />
        </Field>
        <Field id="audit-who" label={t('audit.who')}>
          <TextInput id="audit-who" value={whoText} onChange={filter(setWho)} maxLength={80} />
        </Field>
        <Field id="audit-from" label={t('audit.from')}>
          <TextInput id="audit-from" value={fromText} onChange={filter(setFrom)} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={fromText.trim() !== '' && !from} />
        </Field>
        <Field id="audit-to" label={t('audit.to')}>
          <TextInput id="audit-to" value={toText} onChange={filter(setTo)} placeholder={t('form.dateHint')} inputMode="numeric" maxLength={10} invalid={toText.trim() !== '' && !to} />
        </Field>
      </div>
      <LongCallProgress call={exporting} testId="audit-export-progress" />
      <ErrorText error={log.error ?? exporting.error} />
      {log.data && total === 0 && <p className="muted" data-testid="audit-none">{t('audit.none')}</p>}
      {log.data && total > 0 && (
        <table className="plain-table audit-table" data-testid="audit-table">
          <thead>
            <tr>
              <th>{t('audit.col.at')}</th>
              <th>{t('audit.col.actor')}</th>
              <th>{t('audit.col.action')}</th>
              <th>{t('audit.col.subject')}</th>
              <th>{t('audit.col.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {log.data.rows.map((entry, i) => (
              <tr key={`${entry.at}-${i}`} data-testid="audit-row">
                <td>{formatDateTime(entry.at)}</td>
                <td className="mono">{entry.actor}</td>
                <td>{t(`audit.action.${entry.action}`)}</td>
                <td className="mono">{entry.subject}</td>
                <td className="small">{detail(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log.data && <Pager page={page} pageSize={PAGE} shown={log.data.rows.length} total={total} label={t('audit.title')} onPage={setPage} testId="audit-pager" />}
    </div>
  );
}
