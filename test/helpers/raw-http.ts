import { connect } from 'node:net';

/** Raw HTTP over a socket, for tests that send what no HTTP client would (malformed requests). */

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function dechunk(bytes: Buffer): string {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
    if (lineEnd < 0 || !size) return Buffer.concat(parts).toString('utf8');
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
}

/** The first final (non-1xx) answer on the connection, or null when the host closed it without one. */
function parseAnswer(bytes: Buffer, method: string): RawAnswer | null {
  let rest = bytes;
  for (;;) {
    const end = rest.indexOf('\r\n\r\n');
    if (end < 0) return null;
    const [statusLine, ...headerLines] = rest.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? '')?.[1]);
    if (!status) throw new Error(`not an HTTP answer: ${JSON.stringify(statusLine)}`);
    const headers: Record<string, string> = {};
    for (const line of headerLines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    rest = rest.subarray(end + 4);
    if (status < 200) continue;
    if (method === 'HEAD') return { status, headers, body: '' };
    if (headers['transfer-encoding'] === 'chunked') return { status, headers, body: dechunk(rest) };
    const length = headers['content-length'] === undefined ? rest.length : Number(headers['content-length']);
    return { status, headers, body: rest.subarray(0, length).toString('utf8') };
  }
}

/**
 * Sends bytes on a fresh connection and waits for the server to answer and close it. A request the
 * server is still waiting on (a truncated body) is ended by half-closing after `quietMs`; `hung`
 * when the server then neither answers nor closes within `timeoutMs`.
 */
export function exchange(port: number, bytes: Buffer | string, method: string, timeoutMs = 3000, quietMs = 250): Promise<{ answer: RawAnswer | null; hung: boolean }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    // Half-closing at once would make Node's server drop answers it has not written yet.
    const quiet = setTimeout(() => socket.end(), quietMs);
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ answer: null, hung: true });
    }, timeoutMs);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(quiet);
      clearTimeout(timer);
      resolve({ answer: parseAnswer(Buffer.concat(chunks), method), hung: false });
    });
    socket.write(bytes);
  });
}
