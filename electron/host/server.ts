import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline, type Duplex } from 'node:stream';
import type { Envelope, ProgressReport } from '../../shared/contract';
import type { ErrorCode } from '../../shared/contract/errors';
import type { Core } from '../core/app';
import { inProcessClient, type CoreClient } from '../worker/client';
import { isCallId } from '../worker/call-id';
import { SECURITY_HEADERS, mimeTypeOf, resolveInside } from '../static/renderer-files';

/**
 * The web host: the built renderer and the contract over HTTP on loopback only, for browsers
 * on machines where the Electron binary is absent (our build machines, Playwright).
 * Every API request must carry the per-run token, and the Host header must name this very
 * server, so another site in the browser cannot reach it (DNS rebinding included).
 */
// Spreadsheets and bundles travel as base64 in JSON; each call's schema caps its own fields.
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export type HostOptions = ({ client: CoreClient } | { core: Pick<Core, 'call' | 'close'> }) & {
  rendererDir: string;
  port: number;
  token?: string;
  /** Where a request that failed unexpectedly is reported (stderr by default). */
  log?: (message: string, error: unknown) => void;
};

export interface RunningHost {
  server: Server;
  port: number;
  token: string;
  url: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, type = 'application/json'): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sameToken(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

type Body = { text: string } | 'tooLarge' | 'gone';

/**
 * The request body as text; 'tooLarge' past the cap (the rest is read and dropped), 'gone' when
 * the client hung up before sending all of it. Never rejects, so no request can end the process.
 */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? 'tooLarge' : { text: Buffer.concat(chunks).toString('utf8') }));
    // After 'end' the promise is settled and these change nothing.
    req.on('error', () => resolve('gone'));
    req.on('close', () => resolve('gone'));
  });
}

function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, urlPath: string): void {
  const file = resolveInside(rendererDir, urlPath);
  if (!file) return send(res, 403, 'Forbidden', 'text/plain');
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return send(res, 404, 'Not found', 'text/plain');
  }
  if (!stat.isFile()) return send(res, 404, 'Not found', 'text/plain');
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file), 'Content-Length': stat.size });
  if (req.method === 'HEAD') return void res.end();
  // A file that vanishes or cannot be read after the headers went out can only cut the answer short.
  pipeline(createReadStream(file), res, () => undefined);
}

const envelopeError = (code: ErrorCode, key: string, params?: Record<string, number>) =>
  JSON.stringify({ ok: false, error: params ? { code, key, params } : { code, key } });

const BAD_REQUEST = envelopeError('validation', 'error.invalid');
const INTERNAL = envelopeError('internal', 'error.internal');

/**
 * The path of a request target, or null for a target that has none (`*`, an unparseable URL).
 * An origin-form target is a path as it stands: a URL parser would read `//x/api/...` as a host.
 */
function pathOf(target: string | undefined): string | null {
  if (!target) return null;
  if (target.startsWith('/')) return target.split(/[?#]/, 1)[0]!;
  // The absolute form (`http://127.0.0.1:5180/api/...`) is legal HTTP; only its path counts.
  try {
    const url = new URL(target);
    return url.protocol === 'http:' ? url.pathname : null;
  } catch {
    return null;
  }
}

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** `{input?, session?, callId?}` as sent, or null for anything else (invalid JSON, null, arrays, numbers). */
function callBody(text: string): { input?: unknown; session?: unknown; callId?: unknown } | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : null;
}

/** A whole HTTP answer for a socket the HTTP layer could not turn into a request. */
function rawAnswer(status: number, reason: string, body: string): string {
  const headers = { ...SECURITY_HEADERS, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), Connection: 'close' };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${status} ${reason}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

const NDJSON = 'application/x-ndjson';

/**
 * The answer of a call made with a callId: NDJSON, one `{"progress":…}` line per report as it
 * comes, then the envelope as the last line. The headers go out at once, so the page sees progress
 * from the first report; the status is 200 whatever the envelope says, as for plain calls.
 */
function streamCall(res: ServerResponse, run: (onProgress: (report: ProgressReport) => void) => Promise<Envelope<unknown>>): Promise<void> {
  res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': NDJSON, 'Cache-Control': 'no-store' });
  res.flushHeaders();
  const line = (value: unknown) => {
    if (!res.destroyed) res.write(`${JSON.stringify(value)}\n`);
  };
  return run((progress) => line({ progress })).then((envelope) => {
    if (!res.destroyed) res.end(`${JSON.stringify(envelope)}\n`);
  });
}

export function startHost(options: HostOptions): Promise<RunningHost> {
  const client = 'client' in options ? options.client : inProcessClient(options.core);
  const token = options.token ?? randomBytes(24).toString('base64url');
  // Calls made with a callId and still running: POST /api-cancel aborts them by that id.
  const running = new Map<string, AbortController>();
  const log = options.log ?? ((message, error) => console.error(message, error));
  let allowedHosts: string[] = [];
  // Answers not yet finished, per connection: the parser's error must not be written into the
  // middle of an answer already under way (a broken request pipelined behind a good one).
  const unfinished = new WeakMap<Socket, Set<ServerResponse>>();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host;
    if (!host || !allowedHosts.includes(host.toLowerCase())) {
      return send(res, 421, envelopeError('forbidden', 'error.forbidden'));
    }
    const urlPath = pathOf(req.url);
    if (urlPath === null) return send(res, 400, BAD_REQUEST);
    const isCancel = urlPath === '/api-cancel';
    if (!urlPath.startsWith('/api/') && !isCancel) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      return serveStatic(req, res, options.rendererDir, urlPath);
    }
    if (req.method !== 'POST') return send(res, 405, BAD_REQUEST);
    if (!sameToken(req.headers['x-erikti-token'], token)) {
      // Signing in again cannot fix this: the page was not opened from this run's URL.
      return send(res, 401, envelopeError('forbidden', 'error.badToken'));
    }
    const body = await readBody(req);
    if (body === 'gone') return;
    if (body === 'tooLarge') return send(res, 413, envelopeError('validation', 'error.requestTooLarge', { limit: MAX_BODY_BYTES / (1024 * 1024) }));
    const parsed = callBody(body.text);
    if (!parsed) return send(res, 400, BAD_REQUEST);
    if (isCancel) {
      if (!isCallId(parsed.callId)) return send(res, 400, BAD_REQUEST);
      // Unknown ids (the call already ended) are fine: the cancel has nothing left to stop.
      running.get(parsed.callId)?.abort();
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    const callId = parsed.callId;
    if (callId !== undefined && (!isCallId(callId) || running.has(callId))) return send(res, 400, BAD_REQUEST);
    const rawName = urlPath.slice('/api/'.length);
    // A name that does not decode is no call's name: the core answers it as an unknown call.
    const name = decoded(rawName) ?? rawName;
    const session = typeof parsed.session === 'string' ? parsed.session : null;
    const controller = new AbortController();
    // A client that hangs up on a running call cancels it: nobody is left to hear the answer.
    const hungUp = () => {
      if (!res.writableFinished) controller.abort();
    };
    res.once('close', hungUp);
    const run = (onProgress?: (report: ProgressReport) => void) => client.call(name, parsed.input ?? {}, session, { onProgress, signal: controller.signal });
    if (callId === undefined) {
      const envelope = await run();
      if (!res.destroyed) send(res, 200, JSON.stringify(envelope));
      return;
    }
    running.set(callId, controller);
    try {
      await streamCall(res, run);
    } finally {
      running.delete(callId);
    }
  }

  // Node's own 400 for a missing Host header has no envelope; the handler's 421 has.
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const socket = req.socket;
    const answers = unfinished.get(socket) ?? new Set();
    unfinished.set(socket, answers.add(res));
    res.once('close', () => answers.delete(res));
    handle(req, res).catch((error: unknown) => {
      // Every request gets an answer and no error ends the host, whatever was sent.
      log(`Web host: ${req.method ?? '?'} ${String(req.url).slice(0, 200)} failed`, error);
      if (!res.headersSent) send(res, 500, INTERNAL);
      else res.destroy();
    });
  });

  // What the HTTP parser refuses (bad request line, headers, framing) never reaches the handler.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    const underWay = [...(unfinished.get(socket) ?? [])].some((res) => res.headersSent);
    if (socket.writable && !underWay) {
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      socket.write(tooLarge ? rawAnswer(431, 'Request Header Fields Too Large', BAD_REQUEST) : rawAnswer(400, 'Bad Request', BAD_REQUEST));
    }
    socket.destroy();
  });
  // CONNECT (and upgrades) bypass the request handler; nothing here tunnels or upgrades.
  const refuseTunnel = (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => undefined);
    socket.end(rawAnswer(405, 'Method Not Allowed', BAD_REQUEST));
  };
  server.on('connect', refuseTunnel);
  server.on('upgrade', refuseTunnel);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      // Once listening, a failure to accept (too many open files) is reported, not fatal.
      server.off('error', reject);
      server.on('error', (error) => log('Web host: server error', error));
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : options.port;
      allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
      resolve({
        server,
        port,
        token,
        url: `http://127.0.0.1:${port}/#token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            // Browsers keep idle connections open; without this, close waits for them to time out.
            server.closeAllConnections();
          }),
      });
    });
  });
}
