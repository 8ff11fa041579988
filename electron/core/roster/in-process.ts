import { ROSTER_LIMITS } from '../../../shared/contract/roster';
import type { CallControl } from '../../../shared/contract';
import type { Actor, InProcessCaller } from '../context';

/**
 * For in-process callers (the CLI, tests, the benchmark): sends a file through the same calls
 * the renderer uses, in chunks, and returns what `roster.inspect` says about it.
 */
export function uploadRoster(core: InProcessCaller, actor: Actor, bytes: Uint8Array, fileName: string, control?: CallControl) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkBytes = (ROSTER_LIMITS.chunkChars / 4) * 3;
  let token: string | undefined;
  for (let offset = 0; offset < buffer.byteLength || token === undefined; offset += chunkBytes) {
    const chunk = buffer.subarray(offset, offset + chunkBytes).toString('base64');
    token = core.callAs(actor, 'roster.upload', token ? { token, chunk } : { chunk }, control).token;
  }
  const inspected = core.callAs(actor, 'roster.inspect', { token, fileName });
  return { token, ...inspected };
}
