import { ATTACHMENT_KINDS, ATTACHMENT_MIMES } from './attachments';
import { defineTable } from './replicated-table';

/**
 * Documents attached to a volunteer (migration 0013). A record is never edited once added: it
 * is deleted (a tombstone without its content and name) and added again. The content is base64
 * text, not a BLOB: every replicated value travels in a bundle's JSON lines and through the
 * generic write, merge and dump paths as text or a number, and base64 round-trips exactly.
 * Records follow their person when people merge, and erasing the person empties them.
 */
export const attachmentsTable = defineTable({
  label: 'exchange.table.attachments',
  labels: 'attachmentField',
  fields: {
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    kind: { kind: 'enum', vocab: 'attachmentKind', codes: ATTACHMENT_KINDS },
    file_name: { kind: 'text' },
    mime: { kind: 'enum', codes: ATTACHMENT_MIMES },
    size: { kind: 'number' },
    sha256: { kind: 'text' },
    content: { kind: 'content' },
  },
  labelRefs: ['volunteer_id'],
  values: null,
  notFound: 'error.attachments.notFound',
});
