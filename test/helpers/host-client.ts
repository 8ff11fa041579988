import { request } from 'node:http';
import type { Envelope, ProgressReport } from '../../shared/contract';
import type { RunningHost } from '../../electron/host/server';

/** What the host answered a call made with a callId: the progress lines, then the envelope. */
export interface Streamed {
  progress: ProgressReport[];
  envelope: Envelope<unknown>;
  contentType: string | undefined;
}

function post(host: RunningHost, path: string, body: unknown, onLine?: (line: unknown) => void, signal?: AbortSignal): Promise<{ contentType?: string; lines: unknown[] }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: 'POST', signal, headers: { 'content-type': 'application/json', 'x-erikti-token': host.token } },
      (res) => {
        const lines: unknown[] = [];
        let buffered = '';
        res.setEncoding('utf8');
        res.on('data', (text: string) => {
          buffered += text;
          let newline;
          while ((newline = buffered.indexOf('\n')) >= 0) {
            const line = JSON.parse(buffered.slice(0, newline)) as unknown;
            buffered = buffered.slice(newline + 1);
            lines.push(line);
            onLine?.(line);
          }
        });
        res.on('end', () => {
          if (buffered.trim()) lines.push(JSON.parse(buffered));
          resolve({ contentType: res.headers['content-type'], lines });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** The page's side of the web host's API: plain calls, streamed calls with a callId, and cancel. */
export function hostClient(host: RunningHost, session: () => string | null = () => null) {
  return {
    async call(name: string, input: unknown): Promise<Envelope<unknown>> {
      const { lines } = await post(host, `/api/${name}`, { input, session: session() });
      return lines[0] as Envelope<unknown>;
    },
    async stream(name: string, input: unknown, callId: string, onProgress: (report: ProgressReport) => void = () => {}, signal?: AbortSignal): Promise<Streamed> {
      const progress: ProgressReport[] = [];
      const { lines, contentType } = await post(host, `/api/${name}`, { input, session: session(), callId }, (line) => {
        const report = (line as { progress?: ProgressReport }).progress;
        if (report) {
          progress.push(report);
          onProgress(report);
        }
      }, signal);
      const last = lines.at(-1) as Envelope<unknown>;
      if (lines.slice(0, -1).some((line) => !(line as { progress?: unknown }).progress)) throw new Error('only the last line may be the envelope');
      return { progress, envelope: last, contentType };
    },
    async cancel(callId: string): Promise<unknown> {
      return (await post(host, '/api-cancel', { callId })).lines[0];
    },
  };
}
