import { z } from 'zod';
import { ATTACHMENT_KINDS, ATTACHMENT_MAX_BASE64 } from '../domain/attachments';
import { call, idOnly, ok } from './call';
import { generatedFile } from './files';

/**
 * Documents attached to a volunteer. The file travels as base64 in the call, as roster upload
 * chunks and generated files do (one call: a file is at most 5 MB, under one upload chunk).
 * Adding and deleting follow who may edit the person; the content, like the IIN, is read only
 * by coordinators and administrators (staff see the list).
 */
export const attachmentItem = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  size: z.number(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type AttachmentItem = z.infer<typeof attachmentItem>;

const volunteerId = z.string().min(1).max(64);

export const attachmentCalls = {
  'attachments.list': call({
    access: 'staff',
    writes: false,
    input: z.strictObject({ volunteerId }),
    output: z.object({ items: z.array(attachmentItem), mayOpen: z.boolean() }),
  }),
  'attachments.add': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({
      volunteerId,
      kind: z.enum(ATTACHMENT_KINDS, { error: 'error.choice' }),
      fileName: z.string().trim().min(1, { error: 'error.required' }).max(255, { error: 'error.tooLong' }),
      // Checked against the limit in the core too, where the message can name the file's size.
      base64: z.string().max(ATTACHMENT_MAX_BASE64 * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'error.attachments.type' }),
    }),
    output: z.object({ id: z.string() }),
  }),
  /** The file as it was added, to save or open. */
  'attachments.open': call({ access: 'coordinator', writes: false, input: idOnly, output: generatedFile }),
  /** A tombstone: the record stays (without its content and name) so the deletion replicates. */
  'attachments.delete': call({ access: 'staff', writes: true, input: idOnly, output: ok }),
};
