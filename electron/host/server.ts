import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ErrorCode } from '../../shared/contract/errors';
import type { Core } from '../core/app';
import { SECURITY_HEADERS, mimeTypeOf, resolveInside } from '../static/renderer-files';

/**
 * The web host: the built renderer and the contract over HTTP on loopback only, for browsers
 * on machines where the Electron binary is absent (our build machines, Playwright).
 * Every API request must carry the per-run token, and the Host header must name this very
 * server, so another site in the browser cannot reach it (DNS rebinding included).
 */
// Spreadsheets and bundles travel as base64 in JSON; each call's schema caps its own fields.
const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface HostOptions {
  core: Core;
  rendererDir: string;
  port: number;
  token?: string;
}

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

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request body as text, or null when it exceeds the cap (the rest is read and dropped). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function serveStatic(res: ServerResponse, rendererDir: string, urlPath: string): void {
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
  createReadStream(file).pipe(res);
}

const envelopeError = (code: ErrorCode, key: string, params?: Record<string, number>) =>
  JSON.stringify({ ok: false, error: params ? { code, key, params } : { code, key } });

export function startHost(options: HostOptions): Promise<RunningHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let allowedHosts: string[] = [];

  const server = createServer(async (req, res) => {
    if (!req.headers.host || !allowedHosts.includes(req.headers.host.toLowerCase())) {
      return send(res, 421, envelopeError('forbidden', 'error.forbidden'));
    }
    const url = new URL(req.url ?? '/', 'http://host');
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain');
      return serveStatic(res, options.rendererDir, url.pathname);
    }
    if (req.method !== 'POST') return send(res, 405, envelopeError('validation', 'error.invalid'));
    if (!sameToken(req.headers['x-erikti-token'] as string | undefined, token)) {
      // Signing in again cannot fix this: the page was not opened from this run's URL.
      return send(res, 401, envelopeError('forbidden', 'error.badToken'));
    }
    const body = await readBody(req);
    if (body === null) return send(res, 413, envelopeError('validation', 'error.tooLong', { limit: MAX_BODY_BYTES }));
    let parsed: { input?: unknown; session?: unknown };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      return send(res, 400, envelopeError('validation', 'error.invalid'));
    }
    const name = decodeURIComponent(url.pathname.slice('/api/'.length));
    const session = typeof parsed.session === 'string' ? parsed.session : null;
    const envelope = options.core.call(name, parsed.input ?? {}, session);
    send(res, 200, JSON.stringify(envelope));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
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
