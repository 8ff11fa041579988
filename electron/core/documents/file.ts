import { FILE_TYPES, fileKindOf, type GeneratedFile } from '../../../shared/contract/files';

/** Bytes the core made, ready to answer a call with: the renderer's `saveFile` hands them to the user. */
export function generatedFile(fileName: string, bytes: Uint8Array): GeneratedFile {
  const kind = fileKindOf(fileName);
  if (!kind) throw new Error(`not a file kind the app generates: ${fileName}`);
  return { fileName, mime: FILE_TYPES[kind], base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') };
}
