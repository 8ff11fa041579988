import { ROSTER_LIMITS } from '../../../shared/contract/roster';
import { call } from '../../app/api';

/** Bytes as base64, built in slices so a large chunk never overflows the call stack. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  return btoa(binary);
}

export function fromBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const CHUNK_BYTES = (ROSTER_LIMITS.chunkChars / 4) * 3;

/**
 * Sends a chosen file to the core in chunks (the renderer never names a path) and reports the
 * share sent; returns the upload's token.
 */
export async function uploadFile(file: File, onProgress: (share: number) => void): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let token: string | undefined;
  for (let offset = 0; offset < bytes.length || token === undefined; offset += CHUNK_BYTES) {
    const chunk = toBase64(bytes.subarray(offset, offset + CHUNK_BYTES));
    token = (await call('roster.upload', token ? { token, chunk } : { chunk })).token;
    onProgress(Math.min(1, (offset + CHUNK_BYTES) / Math.max(1, bytes.length)));
  }
  return token;
}

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** Hands bytes from the core to the browser as a download (a Blob and a link with `download`). */
export function download(fileName: string, base64: string): void {
  const ext = fileName.split('.').pop() ?? '';
  const blob = new Blob([fromBase64(base64) as Uint8Array<ArrayBuffer>], { type: TYPES[ext] ?? 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
