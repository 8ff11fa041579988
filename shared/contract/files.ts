import { z } from 'zod';

/**
 * Files the core produces for the user to keep (roster exports, printed documents). A call
 * answers with the suggested name, the MIME type and the bytes as base64 (so every transport
 * carries them); the renderer hands them over with one function (renderer/app/files.ts
 * `saveFile`): the desktop app's save dialog, or the browser's download.
 */

/** The kinds of generated files, by extension. */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  // Documents attached to volunteers are saved as they were added (shared/domain/attachments.ts).
  jpg: 'image/jpeg',
  png: 'image/png',
} as const;
export type FileKind = keyof typeof FILE_TYPES;

/**
 * A name a save dialog may suggest: a plain base name (no folder, no control or reserved
 * characters, not hidden) ending in a known kind.
 */
export const SAVEABLE_NAME = /^(?![.\s])[^\\/:*?"<>|\p{Cc}]{1,120}\.(pdf|xlsx|csv|jpg|png)$/u;

export const generatedFile = z.object({ fileName: z.string(), mime: z.string(), base64: z.string() });
export type GeneratedFile = z.infer<typeof generatedFile>;

/** The kind of a file name, or undefined when it is not one the app generates. */
export function fileKindOf(fileName: string): FileKind | undefined {
  const ext = fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(FILE_TYPES, ext) ? (ext as FileKind) : undefined;
}
