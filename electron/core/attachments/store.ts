import { createHash } from 'node:crypto';
import { CallError } from '../../../shared/contract/errors';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES, attachmentTypeOf, megabytes, type AttachmentKind } from '../../../shared/domain/attachments';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { newId } from '../replication/ids';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';

/**
 * A volunteer's documents as records of the replicated `attachments` table. Shared by the
 * attachment calls and by erasure of a person (volunteers/erase.ts), which is why it holds no
 * handlers.
 */

/** A name shown and offered when saving: no folders, control or reserved characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const base = name.split(/[\\/]/).pop()!.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^[.\s]+/, '').trim();
  return [...base].slice(0, 120).join('') || 'document';
}

/**
 * Checks a file and adds it to the person's documents. The type is what the content's first
 * bytes say (a renamed program is not a PDF); the size limit is named with the file's size.
 */
export function addAttachment(stamp: WriteStamp, volunteerId: string, kind: AttachmentKind, fileName: string, base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) {
    throw new CallError(
      { code: 'validation', key: 'error.attachments.tooLarge', params: { size: megabytes(bytes.length, true), limit: megabytes(ATTACHMENT_MAX_BYTES) } },
      `The file is ${bytes.length} bytes, over the ${ATTACHMENT_MAX_BYTES} limit`,
    );
  }
  if (bytes.length === 0) throw new CallError({ code: 'validation', key: 'error.attachments.empty' }, 'The file is empty');
  const type = attachmentTypeOf(bytes);
  if (!type) throw new CallError({ code: 'validation', key: 'error.attachments.type' }, 'The file is not a PDF, JPEG or PNG');
  const id = newId();
  insertReplicated(stamp, 'attachments', id, {
    volunteer_id: volunteerId,
    kind,
    file_name: cleanFileName(fileName),
    mime: ATTACHMENT_TYPES[type],
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    // Stored as decoded and encoded again, so the text is canonical base64 whatever the caller sent.
    content: bytes.toString('base64'),
  });
  return id;
}

/**
 * Deletes a document: a tombstone that keeps only what says a document of this kind was there
 * (kind, type, size); the content, name and checksum go, here and, as the tombstone replicates,
 * at every office.
 */
export function deleteAttachment(stamp: WriteStamp, id: string): void {
  updateReplicated(stamp, 'attachments', id, { deleted: 1, content: null, file_name: null, sha256: null });
}

/** Deletes every document of a record (erasure of the person). */
export function deleteAttachmentsOf(stamp: WriteStamp, volunteerId: string): void {
  const ids = prepared(stamp.db, 'SELECT id FROM attachments WHERE volunteer_id = ? AND (deleted = 0 OR content IS NOT NULL)').pluck().all(volunteerId) as string[];
  for (const id of ids) deleteAttachment(stamp, id);
}

export interface AttachmentRow {
  id: string;
  volunteer_id: string;
  kind: AttachmentKind;
  file_name: string;
  mime: string;
  size: number;
  content: string;
  created_at: string;
  created_by: string;
}

/** A live document, or the `notFound` error. */
export function loadAttachment(db: ReadDb, id: string): AttachmentRow {
  const row = prepared(db, 'SELECT * FROM attachments WHERE id = ? AND deleted = 0').get(id) as AttachmentRow | undefined;
  if (!row) throw new CallError({ code: 'notFound', key: 'error.attachments.notFound', params: { id } }, `No attachment ${id}`);
  return row;
}
