import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../../shared/contract';
import type { PreviewRow } from '../../../shared/contract/certificates';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateRange, formatHours } from '../../ui/format';
import { localizedText } from '../../ui/localized';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';
import { useLongCall } from '../../ui/useLongCall';
import { LongCallProgress } from '../../ui/LongCallProgress';
import { useModal } from '../../ui/useModal';

export type Selection = CallInput<'certificates.preview'>;

/**
 * Before issuing: who gets a new certificate and what it states, who already has one (printed
 * again, same number) and who is left out and why. Nothing is numbered until the confirmation,
 * which issues exactly this selection (the core decides both through one path).
 */
export function IssuePreview({ selection, onClose, onIssued }: { selection: Selection; onClose(): void; onIssued(): void }) {
  const { t } = useTranslation();
  const seen = useLoad(() => call('certificates.preview', selection), [JSON.stringify(selection)]);
  const [english, setEnglish] = useState(false);
  const action = useLongCall();
  const dialog = useModal<HTMLDivElement>(onClose);

  const issue = async () => {
    // A batch signs and lays out many pages: it shows its progress and can be cancelled (nothing is numbered then).
    const result = 'one' in selection
      ? await action.run('certificates.issue', { ...selection.one, print: true, english })
      : await action.run('certificates.batch', { ...selection.batch, print: true, english });
    if (!result) return;
    const numbered = result.certificates.filter((c) => !c.again).length;
    if (numbered > 0) toastOk('certificates.issued', { count: numbered });
    if (result.file) await saveFile(result.file, { open: true });
    onIssued();
    onClose();
  };
  const p = seen.data;
  const printable = p ? p.new + p.again : 0;
  const minHours = 'batch' in selection && selection.batch.kind === 'service' ? selection.batch.minHours : 0;
  return (
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog wide" ref={dialog} role="dialog" aria-modal="true" aria-labelledby="issue-preview-title" data-testid="issue-preview">
        <div className="dialog-head">
          <h2 id="issue-preview-title">{t('certificates.preview.title')}</h2>
          <span className="spacer" />
          <button type="button" onClick={onClose}>{t('common.close')}</button>
        </div>
        <ErrorText error={seen.error} />
        {p && (
          <>
            <p className="preview-counts" data-testid="issue-preview-counts">
              <span className="badge">{t('certificates.preview.countNew', { count: p.new })}</span>{' '}
              <span className="badge">{t('certificates.preview.countAgain', { count: p.again })}</span>{' '}
              <span className="badge muted">{t('certificates.preview.countLeft', { count: p.left })}</span>
            </p>
            {p.rows.length === 0 ? (
              <p className="empty">{t('certificates.preview.nobody')}</p>
            ) : (
              <table className="plain-table" data-testid="issue-preview-table">
                <thead>
                  <tr>
                    <th>{t('certificateField.holderName')}</th>
                    <th>{t('certificates.preview.what')}</th>
                    <th className="num">{t('certificateField.hours')}</th>
                    <th>{t('certificates.preview.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.rows.map((r) => <Row key={r.volunteerId} row={r} minHours={minHours} />)}
                </tbody>
              </table>
            )}
            <p className="muted small">{t('certificates.preview.nothingNumbered')}</p>
          </>
        )}
        <div className="form-actions">
          <label className="checkbox">
            <input type="checkbox" checked={english} onChange={(e) => setEnglish(e.target.checked)} />
            {t('certificates.english')}
          </label>
          <button type="button" className="primary" disabled={!p || printable === 0 || action.busy} onClick={() => void issue()} data-testid="issue-preview-confirm">
            {action.busy ? t('certificates.issuing') : p && p.new === 0 ? t('certificates.preview.printAgain', { count: printable }) : t('certificates.preview.confirm', { count: p?.new ?? 0 })}
          </button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
        <LongCallProgress call={action} testId="certificate-batch-progress" />
        <ErrorText error={action.error} />
      </div>
    </div>
  );
}

/** What a certificate states, in a word: the training's title, or the period of service. */
export function certificateSubject(c: { kind: 'training' | 'service'; title: PreviewRow['title']; from: string; to: string }, lang: 'kk' | 'ru' | 'en'): string {
  const period = formatDateRange({ start: c.from, end: c.to });
  return c.kind === 'training' ? `${localizedText(c.title, lang)} (${period})` : period;
}

function Row({ row: r, minHours }: { row: PreviewRow; minHours: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <tr data-testid="issue-preview-row" data-outcome={r.outcome} className={r.outcome === 'left' ? 'muted' : undefined}>
      <td>{r.holderName}</td>
      <td>{t(`vocab.certificateKind.${r.kind}`)}: {certificateSubject(r, lang)}</td>
      <td className="num">{formatHours(r.hours, lang)}</td>
      <td>
        {r.outcome === 'new' && t('certificates.preview.new')}
        {r.outcome === 'again' && t('certificates.preview.again', { number: r.number })}
        {r.outcome === 'left' && r.reason && t(`certificates.preview.left.${r.reason}`, { min: minHours })}
      </td>
    </tr>
  );
}
