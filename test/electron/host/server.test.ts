import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../electron/host/server';
import { exchange } from '../../helpers/raw-http';
import { testRouter } from '../../helpers/core-worker';
import { ADMIN, officeCore, tempDir } from '../../helpers/temp-db';

let host: RunningHost | null = null;
afterEach(async () => {
  await host?.close();
  host = null;
});

async function started() {
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Erikti</title>');
  const core = officeCore();
  host = await startHost({ core, rendererDir, port: 0 });
  return host;
}

/** A host on an office with an administrator, and the office's file (for a second process's core). */
async function startedWithAdmin() {
  const file = path.join(tempDir(), 'office.sqlite');
  const core = officeCore('KZ-75', file);
  core.callAs(ADMIN, 'users.add', { login: 'admin', displayName: 'Admin', role: 'administrator', password: 'correct horse' });
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  host = await startHost({ core, rendererDir, port: 0 });
  return { h: host, file };
}

/** A raw HTTP request, so the test controls the Host header like an attacker's page would. */
function raw(h: RunningHost, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: h.port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (h: RunningHost, name: string, body: unknown, headers: Record<string, string> = {}) =>
  raw(h, {
    path: `/api/${name}`,
    method: 'POST',
    headers: { host: `127.0.0.1:${h.port}`, 'content-type': 'application/json', 'x-erikti-token': h.token, ...headers },
    body: JSON.stringify(body),
  });

describe('web host', () => {
  it('listens on loopback only and prints a URL carrying the token in the fragment', async () => {
    const h = await started();
    expect(h.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(h.url).toBe(`http://127.0.0.1:${h.port}/#token=${h.token}`);
  });

  it('serves the renderer with a strict CSP and refuses paths outside it', async () => {
    const h = await started();
    const page = await raw(h, { path: '/', headers: { host: `localhost:${h.port}` } });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const escape = await raw(h, { path: '/..%2f..%2fetc%2fpasswd', headers: { host: `127.0.0.1:${h.port}` } });
    expect([403, 404]).toContain(escape.status);
  });

  it('answers contract calls with the token and refuses them without it', async () => {
    const h = await started();
    const ok = await api(h, 'app.status', { input: {} });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { office: { code: 'KZ-75' } } });
    const noToken = await api(h, 'app.status', { input: {} }, { 'x-erikti-token': 'guess' });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toEqual({ ok: false, error: { code: 'forbidden', key: 'error.badToken' } });
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const h = await started();
    const rebound = await api(h, 'app.status', { input: {} }, { host: `evil.example:${h.port}` });
    expect(rebound.status).toBe(421);
  });

  it('validates input at the boundary and reports malformed bodies', async () => {
    const h = await started();
    const bad = await raw(h, { path: '/api/app.status', method: 'POST', headers: { host: `127.0.0.1:${h.port}`, 'x-erikti-token': h.token }, body: '{not json' });
    expect(bad.status).toBe(400);
    const invalid = await api(h, 'auth.signIn', { input: { login: 42 } });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { code: 'validation' } });
    const huge = await api(h, 'auth.signIn', { input: { login: 'x'.repeat(65 * 1024 * 1024) } });
    expect(huge.status).toBe(413);
    // The cap is stated in megabytes, the unit people see on their files.
    expect(JSON.parse(huge.body)).toMatchObject({ ok: false, error: { key: 'error.requestTooLarge', params: { limit: 64 } } });
  });

  it('answers the requests that used to end its process, and stays up', async () => {
    const h = await started();
    const head = (method: string, target: string, extra = '') => `${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1:${h.port}\r\n${extra}Connection: close\r\n`;
    const call = (target: string, body: string) => head('POST', target, `X-Erikti-Token: ${h.token}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`) + `\r\n${body}`;
    const envelope = async (bytes: string) => {
      const { answer } = await exchange(h.port, bytes, 'POST');
      return { status: answer?.status, body: JSON.parse(answer?.body ?? '') as unknown };
    };
    const invalid = { ok: false, error: { code: 'validation', key: 'error.invalid' } };
    // No token needed: any page in the browser could send these.
    expect((await exchange(h.port, `${head('GET', '//')}\r\n`, 'GET')).answer).toMatchObject({ status: 200, body: expect.stringContaining('Erikti') });
    expect(await envelope(`${head('POST', 'http://[::1/api/app.status')}\r\n`)).toEqual({ status: 400, body: invalid });
    expect(await envelope(`${head('GET', '/x', 'Content-Length: 1\r\nContent-Length: 2\r\n')}\r\n`)).toEqual({ status: 400, body: invalid });
    expect(await envelope(call('/api/app.%', '{}'))).toMatchObject({ status: 200, body: { ok: false, error: { code: 'notFound', key: 'error.unknownCall' } } });
    for (const body of ['null', '5', '[]', '"input"', 'true']) expect(await envelope(call('/api/app.status', body))).toEqual({ status: 400, body: invalid });
    expect(await envelope(call('http://127.0.0.1/api/app.status', '{}'))).toMatchObject({ status: 200, body: { ok: true } });

    // A client that hangs up half-way through its body.
    await new Promise<void>((resolve) => {
      const socket = connect(h.port, '127.0.0.1', () => {
        socket.write(`${head('POST', '/api/app.status', `X-Erikti-Token: ${h.token}\r\nContent-Length: 100\r\n`)}\r\n{"inp`);
        setTimeout(() => socket.destroy(), 50);
      });
      socket.on('close', () => resolve());
    });
    expect(JSON.parse((await api(h, 'app.status', { input: {} })).body)).toMatchObject({ ok: true });
  });

  it('reports a request that fails unexpectedly as an internal error, and keeps serving', async () => {
    const logged: string[] = [];
    const core = officeCore();
    let calls = 0;
    // A core that throws past its own envelope once stands for any bug below the transport.
    const flaky = {
      ...core,
      call(...args: Parameters<typeof core.call>) {
        if (calls++ === 0) throw new Error('bug');
        return core.call(...args);
      },
    };
    host = await startHost({ core: flaky, rendererDir: tempDir(), port: 0, log: (message) => logged.push(message) });
    const failed = await api(host, 'app.status', { input: {} });
    expect(failed.status).toBe(500);
    expect(JSON.parse(failed.body)).toEqual({ ok: false, error: { code: 'internal', key: 'error.internal' } });
    expect(logged).toEqual([expect.stringContaining('/api/app.status')]);
    expect(JSON.parse((await api(host, 'app.status', { input: {} })).body)).toMatchObject({ ok: true });
  });
  it('answers a call with a callId as NDJSON ending in the envelope, and checks callIds and the cancel request like any API request', async () => {
    const h = await started();
    const streamed = await api(h, 'app.status', { input: {}, callId: 'status-1' });
    expect(streamed.status).toBe(200);
    expect(streamed.headers['content-type']).toBe('application/x-ndjson');
    const lines = streamed.body.trim().split('\n').map((line) => JSON.parse(line) as { ok?: boolean });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ ok: true, value: { needsFirstAdmin: true } });

    const badRequest = { ok: false, error: { code: 'validation', key: 'error.invalid' } };
    for (const callId of ['', 'x'.repeat(65), 'a b', 7, null, ['x']]) {
      const answer = await api(h, 'app.status', { input: {}, callId });
      expect(answer.status, JSON.stringify(callId)).toBe(400);
      expect(JSON.parse(answer.body)).toEqual(badRequest);
    }
    expect(JSON.parse((await api(h, '../api-cancel', {})).body)).toMatchObject({ ok: false });
    const cancel = (body: unknown, headers: Record<string, string> = {}) =>
      raw(h, { path: '/api-cancel', method: 'POST', headers: { host: `127.0.0.1:${h.port}`, 'x-erikti-token': h.token, ...headers }, body: JSON.stringify(body) });
    // A cancel for a call that is not running (any more) is answered all the same.
    expect(await cancel({ callId: 'nothing-running' })).toMatchObject({ status: 200, body: '{"ok":true}' });
    expect((await cancel({ callId: 'bad id' })).status).toBe(400);
    expect((await cancel({ callId: 'x' }, { 'x-erikti-token': 'wrong' })).status).toBe(401);
    expect((await cancel({ callId: 'x' }, { host: 'evil.example' })).status).toBe(421);
    expect((await raw(h, { path: '/api-cancel', headers: { host: `127.0.0.1:${h.port}` } })).status).toBe(405);
  });

  it('signs in through the durable throttle: failures over HTTP make another process on the file refuse too, and the reverse', async () => {
    const { h, file } = await startedWithAdmin();
    const signIn = async (password: string) => JSON.parse((await api(h, 'auth.signIn', { input: { login: 'admin', password } })).body) as unknown;
    for (let i = 0; i < 3; i++) expect(await signIn('wrong password')).toMatchObject({ ok: false, error: { key: 'error.badCredentials' } });
    // The desktop app (or a second host) on the same database: its core runs in worker threads,
    // which share no memory with this host's core, as another process would not.
    const app = await testRouter(file);
    try {
      for (let i = 0; i < 2; i++) expect(await app.call('auth.signIn', { login: 'admin', password: 'wrong password' }, null)).toMatchObject({ ok: false, error: { key: 'error.badCredentials' } });
      expect(await signIn('correct horse')).toMatchObject({ ok: false, error: { key: 'error.tooManyAttempts', params: { seconds: expect.any(Number) } } });
      expect(await app.call('auth.signIn', { login: 'admin', password: 'correct horse' }, null)).toMatchObject({ ok: false, error: { key: 'error.tooManyAttempts' } });
    } finally {
      await app.close();
    }
  });
});
