import { describe, expect, it } from 'vitest';
import { LineSplitter, readCallStream } from '../../../renderer/app/call-stream';
import type { ProgressReport } from '../../../shared/contract';

/** A body that delivers exactly these byte chunks, as a network would. */
function streamOf(chunks: (string | Uint8Array)[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(typeof c === 'string' ? encoder.encode(c) : c);
      controller.close();
    },
  });
}

async function read(chunks: (string | Uint8Array)[]) {
  const reports: ProgressReport[] = [];
  const envelope = await readCallStream(streamOf(chunks), (r) => reports.push(r));
  return { reports, envelope };
}

const line = (value: unknown) => `${JSON.stringify(value)}\n`;
const progress = (phase: string, done: number, total: number) => line({ progress: { phase, done, total } });

describe('reading a long call’s stream', () => {
  it('passes progress lines on in order and answers the final envelope', async () => {
    const { reports, envelope } = await read([progress('reading', 0, 10), progress('reading', 10, 10), progress('writing', 5, 10), line({ ok: true, value: { added: 3 } })]);
    expect(reports).toEqual([
      { phase: 'reading', done: 0, total: 10 },
      { phase: 'reading', done: 10, total: 10 },
      { phase: 'writing', done: 5, total: 10 },
    ]);
    expect(envelope).toEqual({ ok: true, value: { added: 3 } });
  });

  it('joins lines split across chunks, anywhere, even inside a multi-byte letter', async () => {
    const text = progress('checking', 1, 2) + line({ ok: true, value: { name: 'Әлия Қасымова' } });
    const bytes = new TextEncoder().encode(text);
    // One byte per chunk: every split point there is, including the middle of Ә and Қ.
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    const { reports, envelope } = await read(chunks);
    expect(reports).toEqual([{ phase: 'checking', done: 1, total: 2 }]);
    expect(envelope).toEqual({ ok: true, value: { name: 'Әлия Қасымова' } });
  });

  it('reads several lines arriving in one chunk', async () => {
    const { reports, envelope } = await read([progress('writing', 1, 3) + progress('writing', 2, 3) + progress('writing', 3, 3) + line({ ok: false, error: { code: 'cancelled', key: 'error.cancelled' } })]);
    expect(reports.map((r) => r.done)).toEqual([1, 2, 3]);
    expect(envelope).toEqual({ ok: false, error: { code: 'cancelled', key: 'error.cancelled' } });
  });

  it('takes a final envelope without a trailing newline', async () => {
    const { envelope } = await read([progress('reading', 1, 1), JSON.stringify({ ok: true, value: 1 })]);
    expect(envelope).toEqual({ ok: true, value: 1 });
  });

  it('says the call was interrupted when the stream ends without an envelope', async () => {
    const { reports, envelope } = await read([progress('writing', 1, 10), '{"progress":{"phase":"wri']);
    expect(reports).toHaveLength(1);
    expect(envelope).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.callInterrupted' } });
    expect((await read([])).envelope).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.callInterrupted' } });
  });

  it('says the call was interrupted when the connection breaks mid-stream', async () => {
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent) return controller.error(new Error('socket hang up'));
        sent = true;
        controller.enqueue(new TextEncoder().encode(progress('writing', 1, 10)));
      },
    });
    const envelope = await readCallStream(body, () => undefined);
    expect(envelope).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.callInterrupted' } });
  });

  it('answers an internal error for a line that is not JSON, and skips progress it does not know', async () => {
    const { reports, envelope } = await read([progress('dancing', 1, 2), line({ progress: { phase: 'writing', done: 'x', total: 2 } }), 'oops\n', line({ ok: true, value: 1 })]);
    expect(reports).toEqual([]);
    expect(envelope).toEqual({ ok: false, error: { code: 'internal', key: 'error.internal' } });
  });
});

describe('the line splitter', () => {
  it('keeps a partial line until its newline and returns it at the end', () => {
    const lines = new LineSplitter();
    expect(lines.push('ab')).toEqual([]);
    expect(lines.push('c\nde\n\nf')).toEqual(['abc', 'de']);
    expect(lines.end()).toEqual(['f']);
    expect(lines.end()).toEqual([]);
  });
});
