import { ROSTER_LIMITS } from '../../../shared/contract/roster';
import { call } from '../../app/api';
import { toBase64 } from '../../app/files';

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
