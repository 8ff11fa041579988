import { PROGRESS_PHASES, type Envelope, type ErrorPayload, type ProgressReport } from '../../shared/contract';

/**
 * Reading a long call's answer from the web host: newline-delimited JSON, zero or more
 * `{"progress":{phase,done,total}}` lines, then exactly one envelope. Network chunks split lines
 * anywhere (even inside a multi-byte letter), so bytes are decoded as a stream and lines are cut
 * only at newlines.
 */

export const failure = (error: ErrorPayload): Envelope<never> => ({ ok: false, error });

/** The stream stopped before its envelope: the connection or the host went away mid-call. */
export const interrupted = (): Envelope<never> => failure({ code: 'unavailable', key: 'error.callInterrupted' });

export function isEnvelope(value: unknown): value is Envelope<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : 'error' in value;
}

function progressOf(value: unknown): ProgressReport | null {
  if (typeof value !== 'object' || value === null || !('progress' in value)) return null;
  const p = value.progress as Partial<ProgressReport> | null;
  if (!p || !(PROGRESS_PHASES as readonly unknown[]).includes(p.phase)) return null;
  if (typeof p.done !== 'number' || typeof p.total !== 'number') return null;
  return { phase: p.phase!, done: p.done, total: p.total };
}

/** Cuts text arriving in pieces into whole lines; what follows the last newline waits for the next piece. */
export class LineSplitter {
  private rest = '';

  push(text: string): string[] {
    const parts = (this.rest + text).split('\n');
    this.rest = parts.pop() ?? '';
    return parts.filter((line) => line.trim() !== '');
  }

  /** The last line when the stream ended without a newline after it. */
  end(): string[] {
    const last = this.rest;
    this.rest = '';
    return last.trim() === '' ? [] : [last];
  }
}

/**
 * Reads a streamed answer to its envelope, passing progress lines on in order. A line that is not
 * JSON, or an end without an envelope, answers an error envelope: never a hang, never a throw.
 */
export async function readCallStream(body: ReadableStream<Uint8Array>, onProgress: (report: ProgressReport) => void): Promise<Envelope<unknown>> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const lines = new LineSplitter();
  // Returns the envelope when a line carries one; progress lines are handed on.
  const take = (line: string): Envelope<unknown> | 'bad' | null => {
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return 'bad';
    }
    if (isEnvelope(value)) return value;
    const report = progressOf(value);
    if (report) onProgress(report);
    return null;
  };
  const settle = (pending: string[], cutShort: boolean): Envelope<unknown> | null => {
    for (const line of pending) {
      const found = take(line);
      if (found === 'bad') return cutShort ? interrupted() : failure({ code: 'internal', key: 'error.internal' });
      if (found) return found;
    }
    return null;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      const found = done
        ? (settle(lines.push(decoder.decode()), false) ?? settle(lines.end(), true)) // an unfinished last line was cut off, not malformed
        : settle(lines.push(decoder.decode(value, { stream: true })), false);
      if (found) {
        void reader.cancel().catch(() => undefined);
        return found;
      }
      if (done) return interrupted();
    }
  } catch {
    return interrupted();
  }
}
