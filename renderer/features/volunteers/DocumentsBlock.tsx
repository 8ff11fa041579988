import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachmentItem } from '../../../shared/contract/attachments';
import { CallError } from '../../../shared/contract/errors';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BYTES, megabytes, type AttachmentKind } from '../../../shared/domain/attachments';
import { call } from '../../app/api';
import { saveFile, toBase64 } from '../../app/files';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { Select } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { HIDDEN_FILE_INPUT, useFilePick } from '../../ui/useFilePick';
import { useAction, useLoad } from '../../ui/useLoad';

/** What the file chooser offers; the core judges a file by its first bytes whatever this lets through. */
const ACCEPT = '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png';
const LIMIT_MB = megabytes(ATTACHMENT_MAX_BYTES);

/**
 * The profile's documents (a scanned consent form, a guardian's consent): those who may edit the
 * person attach and delete them; coordinators and administrators open them.
 */
export function DocumentsBlock({ volunteerId, mayChange }: { volunteerId: string; mayChange: boolean }) {
  const { t } = useTranslation();
  const listed = useLoad(() => call('attachments.list', { volunteerId }), [volunteerId]);
  const [addError, setAddError] = useState<unknown>(null);
  const items = listed.data?.items ?? [];
  return (
    <section className="facts documents" aria-labelledby="volunteer-documents-title" data-testid="volunteer-documents">
      <div className="section-head">
        <h2 id="volunteer-documents-title">{t('attachments.title')}</h2>
        <span className="spacer" />
        {mayChange && <AddDocument volunteerId={volunteerId} onAdded={listed.reload} onError={setAddError} />}
      </div>
      <ErrorText error={addError} />
      <ErrorText error={listed.error} />
      {listed.data && items.length === 0 && <p className="muted">{t('attachments.empty')}</p>}
      {items.length > 0 && <DocumentsTable items={items} mayOpen={listed.data?.mayOpen ?? false} mayChange={mayChange} onDeleted={listed.reload} />}
      {listed.data && !listed.data.mayOpen && items.length > 0 && <p className="muted small">{t('attachments.openRestricted')}</p>}
    </section>
  );
}

function AddDocument({ volunteerId, onAdded, onError: setError }: { volunteerId: string; onAdded(): void; onError(error: unknown): void }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<AttachmentKind>('consent');
  const action = useAction();
  const input = useRef<HTMLInputElement>(null);

  const choose = useFilePick({
    // Said before sending 5 MB anywhere; the core checks again (and the content's type).
    maxBytes: ATTACHMENT_MAX_BYTES,
    onStart: () => setError(null),
    onTooLarge: (file) =>
      setError(new CallError({ code: 'validation', key: 'error.attachments.tooLarge', params: { size: megabytes(file.size, true), limit: LIMIT_MB } })),
    onFile: async (file) => {
      const base64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const added = await action.run(() => call('attachments.add', { volunteerId, kind, fileName: file.name.slice(0, 255), base64 }), setError);
      if (added) {
        toastOk('attachments.attached', { name: file.name });
        onAdded();
      }
    },
  });

  return (
    <div className="add-document">
      <Select
        id="document-kind"
        ariaLabel={t('attachmentField.kind')}
        value={kind}
        options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`vocab.attachmentKind.${k}`) }))}
        onChange={(value) => setKind(value as AttachmentKind)}
      />
      <label className={`button primary${action.busy ? ' disabled' : ''}`} htmlFor="document-file">
        {action.busy ? t('attachments.attaching') : t('attachments.add')}
      </label>
      <input
        ref={input}
        id="document-file"
        data-testid="document-file"
        type="file"
        accept={ACCEPT}
        style={HIDDEN_FILE_INPUT}
        disabled={action.busy}
        onChange={choose}
      />
      <span className="muted small">{t('attachments.fileHint', { limit: LIMIT_MB })}</span>
    </div>
  );
}

function DocumentsTable({ items, mayOpen, mayChange, onDeleted }: { items: AttachmentItem[]; mayOpen: boolean; mayChange: boolean; onDeleted(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const open = async (item: AttachmentItem) => {
    const file = await action.run(() => call('attachments.open', { id: item.id }), toastError);
    if (file) await saveFile(file, { open: true });
  };
  const remove = async (item: AttachmentItem) => {
    const done = await action.run(() => call('attachments.delete', { id: item.id }), toastError);
    if (done) {
      toastOk('attachments.deleted');
      onDeleted();
    }
  };
  const size = (bytes: number) =>
    bytes >= 1024 * 1024 ? t('attachments.sizeMb', { size: megabytes(bytes) }) : t('attachments.sizeKb', { size: Math.max(1, Math.round(bytes / 1024)) });
  return (
    <table className="plain-table documents-table">
      <thead>
        <tr>
          <th>{t('attachmentField.kind')}</th>
          <th>{t('attachments.file')}</th>
          <th>{t('attachments.size')}</th>
          <th>{t('attachments.added')}</th>
          <th>{t('attachments.by')}</th>
          {mayChange && <th><span className="visually-hidden">{t('common.delete')}</span></th>}
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} data-testid="document-row">
            <td>{t(`vocab.attachmentKind.${item.kind}`)}</td>
            <td className="document-name">
              {mayOpen ? (
                <button type="button" className="link" onClick={() => void open(item)} disabled={action.busy} title={t('common.open')}>
                  {item.fileName}
                </button>
              ) : (
                item.fileName
              )}
            </td>
            <td className="mono">{size(item.size)}</td>
            <td>{formatDate(item.addedAt.slice(0, 10))}</td>
            <td className="small">{item.addedBy}</td>
            {mayChange && (
              <td>
                <ConfirmButton danger label={t('common.delete')} question={t('attachments.deleteQuestion', { name: item.fileName })} onConfirm={() => void remove(item)} disabled={action.busy} />
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
