import { contract } from '../../../shared/contract';
import type { AttachmentItem, attachmentCalls } from '../../../shared/contract/attachments';
import { CallError } from '../../../shared/contract/errors';
import { attachmentTypeOfMime } from '../../../shared/domain/attachments';
import { roleAtLeast, type Role } from '../../../shared/domain/vocabulary';
import { actorOf, type HandlerMap, type ReadContext } from '../context';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { resolveSurvivor } from '../replication/merges';
import { addAttachment, deleteAttachment, loadAttachment } from './store';

/** The live person a call names (a merged-away id resolves to the record that survived). */
function livePerson(ctx: ReadContext, asked: string): string {
  const id = resolveSurvivor(ctx.db, 'volunteers', asked);
  const found = prepared(ctx.db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id);
  if (!found) throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id: asked } }, `No volunteer ${asked}`);
  return id;
}

/** Whether the caller may read documents' content (the role `attachments.open` needs, as for the IIN). */
const mayOpen = (ctx: ReadContext) => roleAtLeast(actorOf(ctx).role, contract['attachments.open'].access as Role);

/** The name a saved copy gets: the stored name with the extension of what the content is. */
function savedName(fileName: string, mime: string): string {
  const type = attachmentTypeOfMime(mime) ?? 'pdf';
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).trim().slice(0, 110) || 'document';
  return `${stem}.${type}`;
}

export const attachmentHandlers: HandlerMap<keyof typeof attachmentCalls> = {
  'attachments.list': ({ volunteerId }, ctx) => {
    const id = livePerson(ctx, volunteerId);
    const items = prepared(
      ctx.db,
      `SELECT id, kind, file_name AS fileName, mime, size, created_at AS addedAt, created_by AS addedBy
       FROM attachments WHERE volunteer_id = ? AND deleted = 0 ORDER BY created_at DESC, id DESC`,
    ).all(id) as AttachmentItem[];
    return { items, mayOpen: mayOpen(ctx) };
  },

  'attachments.add': ({ volunteerId, kind, fileName, base64 }, ctx) => {
    const id = livePerson(ctx, volunteerId);
    assertMayChange(ctx.db, 'volunteers', id);
    return { id: addAttachment(ctx.stamp(), id, kind, fileName, base64) };
  },

  'attachments.open': ({ id }, ctx) => {
    const row = loadAttachment(ctx.db, id);
    return { fileName: savedName(row.file_name, row.mime), mime: row.mime, base64: row.content };
  },

  'attachments.delete': ({ id }, ctx) => {
    const row = loadAttachment(ctx.db, id);
    assertMayChange(ctx.db, 'volunteers', resolveSurvivor(ctx.db, 'volunteers', row.volunteer_id));
    deleteAttachment(ctx.stamp(), id);
    return { ok: true };
  },
};
