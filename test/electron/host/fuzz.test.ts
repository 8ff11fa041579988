import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { exchange, type RawAnswer } from '../../helpers/raw-http';
import { officeCore, tempDir } from '../../helpers/temp-db';

/**
 * Fuzzes the web host's whole HTTP surface over real sockets: request lines, targets, encodings,
 * methods, headers, bodies and framing a browser would never send. After every batch the host
 * must still answer a normal call, nothing may escape as an unhandled error, and every answer to
 * an API path (or to a request too broken to have one) must be a JSON error envelope.
 */

const BATCHES = 10;
const PER_BATCH = 200;
const CONCURRENCY = 40;
const ANSWER_TIMEOUT_MS = 3000;
// How long a request the host still waits on (a truncated body) stays open before the client ends it.
const QUIET_MS = 400;

interface RawRequest {
  method: string;
  target: string;
  version: string;
  host: 'right' | 'localhost' | 'wrong' | 'missing' | 'twice' | 'empty';
  token: 'right' | 'wrong' | 'missing' | 'twice' | 'array';
  extraHeaders: string[];
  body: string | Buffer | null;
  framing: 'exact' | 'short' | 'long' | 'none' | 'negative' | 'garbage' | 'chunked' | 'badChunked' | 'both';
}

const callNames = Object.keys(contract);
const methods = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'SEARCH', 'post', 'FOO', 'G\u00e9T', ''];
const badEscapes = ['%', '%%', '%zz', '%E0%A4%A', '%C0%AF', '%ED%A0%80', '%00', '%2e%2e%2f', '%5c', '%ff', '%u0041', '%2', '\u00e9', '%F0%9F%98'];

const segment = fc.oneof(
  fc.constantFrom(...callNames),
  fc.constantFrom(...badEscapes, '..', '.', '', 'index.html', 'assets', 'api', '%2e%2e'),
  fc.string({ maxLength: 12 }),
  fc.array(fc.constantFrom(...badEscapes, 'a', '.', '/', '?', '#', ';'), { maxLength: 6 }).map((parts) => parts.join('')),
);

const target = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom('/api/', '/', '//', '///api/', '/api//', '/API/'), fc.array(segment, { maxLength: 3 })).map(([start, parts]) => start + parts.join('/')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...callNames), fc.constantFrom(...badEscapes, '', '?x=%', '#a')).map(([name, tail]) => `/api/${name}${tail}`) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '//',
      '///',
      '*',
      '',
      ' ',
      '/api/',
      '/api',
      'http://127.0.0.1/api/app.status',
      'http://evil.example/api/app.status',
      'http://[::1/api/app.status',
      'http://',
      'https://x:y@host:99999/api/app.status',
      '//evil.example/api/app.status',
      '127.0.0.1:80',
      '/api/app.status?%',
      '/..%2f..%2fetc%2fpasswd',
      '/api/%2e%2e/index.html',
      '/%00',
      `/api/${'a'.repeat(20_000)}`,
      `/${'%'.repeat(5000)}`,
    ),
  },
);

const jsonBody = fc.oneof(
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 4, arbitrary: fc.record({ input: fc.jsonValue({ maxDepth: 3 }), session: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }) },
  { weight: 2, arbitrary: fc.constantFrom(null, 0, -1, 1e308, true, false, '', 'input', [], [null], {}, { input: null }, { input: [] }, { session: null }, { input: { login: 'admin', password: 'x' } }) },
);

const body = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: jsonBody.map((value) => JSON.stringify(value) ?? 'undefined') },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }).map((bytes) => Buffer.from(bytes)) },
  { weight: 1, arbitrary: fc.constantFrom('{', '{"input":', '\uFEFF{}', '{"input":{}}\u0000', '[1,2', '"\\ud800"', 'x'.repeat(100_000)) },
);

const extraHeader = fc.oneof(
  fc.constantFrom(
    'Content-Type: application/json',
    'Content-Type: text/plain; charset=utf-16',
    'Expect: 100-continue',
    'Connection: keep-alive',
    'Connection: upgrade',
    'Upgrade: websocket',
    'Transfer-Encoding: gzip',
    'Accept-Encoding: br',
    'NoColonHere',
    ' Folded: continuation',
    'Bad Name: x',
    'X: \u0000',
    'X-Erikti-Token:',
    'Content-Length: 5',
    `X-Huge: ${'h'.repeat(20_000)}`,
    `X-Long: ${'l'.repeat(8_000)}`,
  ),
  fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,20}$/), fc.string({ maxLength: 40 })).map(([name, value]) => `${name}: ${value}`),
);

const rawRequest: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.oneof({ weight: 4, arbitrary: fc.constant('POST') }, { weight: 1, arbitrary: fc.constantFrom(...methods) }),
  target,
  version: fc.oneof({ weight: 15, arbitrary: fc.constant('HTTP/1.1') }, { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTP/1', 'FTP/1.1', '') }),
  host: fc.constantFrom('right', 'right', 'right', 'localhost', 'wrong', 'missing', 'twice', 'empty'),
  token: fc.constantFrom('right', 'right', 'right', 'wrong', 'missing', 'twice', 'array'),
  extraHeaders: fc.oneof({ weight: 2, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.array(extraHeader, { maxLength: 3 }) }),
  body,
  framing: fc.constantFrom('exact', 'exact', 'exact', 'exact', 'exact', 'exact', 'short', 'long', 'none', 'negative', 'garbage', 'chunked', 'badChunked', 'both'),
});

/** Well-framed, authorised calls with hostile names and bodies: what reaches the core itself. */
const authorisedCall: fc.Arbitrary<RawRequest> = fc.record({
  method: fc.constant('POST'),
  target: fc.oneof(fc.constantFrom(...callNames).map((name) => `/api/${name}`), target),
  version: fc.constant('HTTP/1.1'),
  host: fc.constant('right' as const),
  token: fc.constant('right' as const),
  extraHeaders: fc.constant<string[]>([]),
  body: fc.oneof({ weight: 4, arbitrary: jsonBody.map((value) => JSON.stringify(value) ?? 'undefined') }, { weight: 1, arbitrary: body }),
  framing: fc.constantFrom('exact', 'exact', 'chunked'),
});

function encode(h: RunningHost, r: RawRequest): Buffer {
  const lines = [`${r.method} ${r.target} ${r.version}`.trimEnd()];
  const hostName = `127.0.0.1:${h.port}`;
  if (r.host === 'right') lines.push(`Host: ${hostName}`);
  if (r.host === 'localhost') lines.push(`Host: localhost:${h.port}`);
  if (r.host === 'wrong') lines.push(`Host: evil.example:${h.port}`);
  if (r.host === 'twice') lines.push(`Host: ${hostName}`, `Host: evil.example`);
  if (r.host === 'empty') lines.push('Host:');
  if (r.token === 'right') lines.push(`X-Erikti-Token: ${h.token}`);
  if (r.token === 'wrong') lines.push('X-Erikti-Token: guess');
  if (r.token === 'twice') lines.push(`X-Erikti-Token: ${h.token}`, `X-Erikti-Token: ${h.token}`);
  if (r.token === 'array') lines.push(`X-Erikti-Token: ${h.token}, other`);
  lines.push(...r.extraHeaders, 'Connection: close');
  const payload = r.body === null ? Buffer.alloc(0) : Buffer.from(r.body);
  let sent: Buffer = payload;
  switch (r.framing) {
    case 'exact':
      if (r.body !== null) lines.push(`Content-Length: ${payload.length}`);
      break;
    case 'short':
      lines.push(`Content-Length: ${Math.max(0, payload.length - 3)}`);
      break;
    case 'long':
      lines.push(`Content-Length: ${payload.length + 50}`);
      break;
    case 'negative':
      lines.push('Content-Length: -1');
      break;
    case 'garbage':
      lines.push('Content-Length: 12abc');
      break;
    case 'chunked':
      lines.push('Transfer-Encoding: chunked');
      sent = Buffer.concat([Buffer.from(`${payload.length.toString(16)}\r\n`), payload, Buffer.from(payload.length ? '\r\n0\r\n\r\n' : '\r\n')]);
      break;
    case 'badChunked':
      lines.push('Transfer-Encoding: chunked');
      sent = Buffer.concat([Buffer.from('zz\r\n'), payload]);
      break;
    case 'both':
      lines.push('Transfer-Encoding: chunked', `Content-Length: ${payload.length}`);
      break;
    case 'none':
      break;
  }
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), sent]);
}

const send = (h: RunningHost, r: RawRequest) => exchange(h.port, encode(h, r), r.method, ANSWER_TIMEOUT_MS, QUIET_MS);

const isApiTarget = (t: string) => /^(?:[A-Za-z]+:\/\/[^/?#]*)?\/api\//.test(t);

function expectEnvelope(answer: RawAnswer, context: string): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    throw new Error(`not JSON (${answer.status}) for ${context}: ${answer.body.slice(0, 200)}`);
  }
  if (answer.status === 200) {
    expect(parsed, context).toMatchObject({ ok: expect.any(Boolean) });
  }
  if (answer.status !== 200 || (parsed as { ok?: unknown }).ok === false) {
    expect(parsed, context).toMatchObject({ ok: false, error: { code: expect.any(String), key: expect.stringMatching(/^error\./) } });
    expect((parsed as { error: { code: string } }).error.code, context).not.toBe('internal');
  }
}

async function normalCallWorks(h: RunningHost): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${h.port}/api/app.status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-erikti-token': h.token },
    body: JSON.stringify({ input: {} }),
  });
  expect(await response.json()).toMatchObject({ ok: true, value: { office: { code: 'KZ-75' } } });
}

let host: RunningHost | null = null;
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);
beforeEach(() => {
  process.on('unhandledRejection', onEscape);
  process.on('uncaughtException', onEscape);
});
afterEach(async () => {
  process.off('unhandledRejection', onEscape);
  process.off('uncaughtException', onEscape);
  await host?.close();
  host = null;
});

describe('web host under malformed requests', () => {
  it('stays up, never hangs, and answers API paths with a JSON error envelope', async () => {
    const rendererDir = path.join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Erikti</title>');
    const logged: unknown[] = [];
    host = await startHost({ core: officeCore(), rendererDir, port: 0, log: (_message, error) => logged.push(error) });
    const h = host;
    const statuses = new Map<number, number>();

    for (let batch = 0; batch < BATCHES; batch++) {
      const requests = fc.sample(fc.oneof(rawRequest, authorisedCall), { numRuns: PER_BATCH, seed: 7919 * (batch + 1) });
      for (let i = 0; i < requests.length; i += CONCURRENCY) {
        const group = requests.slice(i, i + CONCURRENCY);
        const results = await Promise.all(group.map((r) => send(h, r)));
        results.forEach(({ answer, hung }, j) => {
          const r = group[j]!;
          const context = JSON.stringify({ ...r, body: r.body?.toString().slice(0, 80), extraHeaders: r.extraHeaders.map((x) => x.slice(0, 80)), target: r.target.slice(0, 80) });
          expect(hung, `no answer and no close for ${context}`).toBe(false);
          expect(answer, `no answer for ${context}`).not.toBeNull();
          if (!answer) return;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          expect(answer.status, context).toBeLessThan(500);
          if (r.method !== 'HEAD' && (isApiTarget(r.target) || answer.headers['content-type']?.startsWith('application/json'))) expectEnvelope(answer, context);
        });
      }
      expect(escaped).toEqual([]);
      expect(logged).toEqual([]);
      await normalCallWorks(h);
    }
    // The fuzz reached every layer: the HTTP parser, the host's own checks and the core.
    for (const status of [200, 400, 401, 404, 405, 421]) expect(statuses.get(status), `status ${status}`).toBeGreaterThan(0);
  }, 60_000);
});
