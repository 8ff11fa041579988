/**
 * Documents attached to a volunteer (a scanned consent form, a guardian's consent): what kinds
 * there are, which file types are taken and how they are recognised, and how large one may be.
 */

export const ATTACHMENT_KINDS = ['consent', 'guardianConsent', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** The file types taken, by the extension a saved copy gets, with their MIME types. */
export const ATTACHMENT_TYPES = { pdf: 'application/pdf', jpg: 'image/jpeg', png: 'image/png' } as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const ATTACHMENT_MIMES = Object.values(ATTACHMENT_TYPES);

/**
 * 5 MB a file: a scanned page at 300 dpi is well under it. Every copy travels in bundles (as
 * base64, a third larger) to the centre and back, so the limit also bounds what a bundle gains.
 */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
/** The same limit as base64 characters (how the content is sent and stored). */
export const ATTACHMENT_MAX_BASE64 = Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4;

/** The first bytes of each type: a file is what its content says, whatever its name. */
const MAGIC: Record<AttachmentType, number[]> = {
  pdf: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  jpg: [0xff, 0xd8, 0xff],
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
};

/** The type the content's first bytes name, or null when it is none of those taken. */
export function attachmentTypeOf(bytes: Uint8Array): AttachmentType | null {
  for (const [type, magic] of Object.entries(MAGIC) as [AttachmentType, number[]][]) {
    if (bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b)) return type;
  }
  return null;
}

/** The type a MIME type names (stored records keep the MIME type). */
export function attachmentTypeOfMime(mime: string): AttachmentType | undefined {
  return (Object.keys(ATTACHMENT_TYPES) as AttachmentType[]).find((t) => ATTACHMENT_TYPES[t] === mime);
}

/**
 * Megabytes with one decimal, for messages ("6.2 MB"); `up` rounds up, so a file a byte over
 * the limit does not read as the limit itself.
 */
export const megabytes = (bytes: number, up = false) => (up ? Math.ceil : Math.round)((bytes / (1024 * 1024)) * 10) / 10;
