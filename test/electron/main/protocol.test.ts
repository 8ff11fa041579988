import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, protocol } from './electron-stand-in';
import { tempDir } from './temp-dir';
import { registerAppScheme, serveRenderer } from '../../../electron/main/protocol';
import { resolveInside } from '../../../electron/main/renderer-files';

vi.mock('electron', () => import('./electron-stand-in'));

const INDEX = '<!doctype html><title>Erikti</title>';
const SECRET = 'personal data that must never be served';

describe('app:// protocol', () => {
  let rendererDir: string;

  beforeEach(() => {
    const root = tempDir();
    rendererDir = path.join(root, 'renderer');
    mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
    writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(rendererDir, 'assets', 'app.css'), 'body{}');
    // Outside the renderer folder: beside it, and in a sibling whose name starts the same.
    writeFileSync(path.join(root, 'erikti.sqlite'), SECRET);
    mkdirSync(path.join(root, 'renderer-private'));
    writeFileSync(path.join(root, 'renderer-private', 'secret.txt'), SECRET);
    protocol.handlers.clear();
    serveRenderer(protocol as never, rendererDir);
  });

  const fetchApp = (url: string, method = 'GET') => {
    const handler = protocol.handlers.get('app');
    if (!handler) throw new Error('no app:// handler');
    return Promise.resolve(handler({ url, method }));
  };

  it('registers the scheme as standard and secure before ready, without bypassing the CSP', () => {
    expect(app.isReady()).toBe(false);
    registerAppScheme(protocol as never);
    const [scheme] = protocol.privileged;
    expect(scheme?.scheme).toBe('app');
    expect(scheme?.privileges).toMatchObject({ standard: true, secure: true });
    expect(scheme?.privileges?.bypassCSP).toBeFalsy();
    expect(scheme?.privileges?.corsEnabled).toBeFalsy();
  });

  it('serves index.html with a strict Content-Security-Policy', async () => {
    const response = await fetchApp('app://erikti/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const csp = response.headers.get('content-security-policy')?.split(';').map((directive) => directive.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ]),
    );
  });

  it('answers the bare origin with index.html', async () => {
    expect(await (await fetchApp('app://erikti/')).text()).toBe(INDEX);
  });

  it('serves scripts and styles with their MIME types', async () => {
    expect((await fetchApp('app://erikti/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await fetchApp('app://erikti/assets/app.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it.each([
    'app://erikti/..%2Ferikti.sqlite',
    'app://erikti/assets/..%2F..%2Ferikti.sqlite',
    'app://erikti/..%5Cerikti.sqlite',
    'app://erikti/%2e%2e%2Ferikti.sqlite',
    'app://erikti/..%2Frenderer-private%2Fsecret.txt',
    'app://erikti/%2E%2E/%2E%2E/erikti.sqlite',
    'app://erikti/index.html%00.js',
    'app://erikti/%E0%A4%A',
  ])('refuses %s', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain(SECRET);
  });

  it('refuses other hosts, missing files, folders and writes', async () => {
    expect((await fetchApp('app://other/index.html')).status).toBe(404);
    expect((await fetchApp('app://erikti/missing.js')).status).toBe(404);
    expect((await fetchApp('app://erikti/assets')).status).toBe(404);
    expect((await fetchApp('app://erikti/index.html', 'POST')).status).toBe(405);
  });

  it('resolves paths only inside the root', () => {
    expect(resolveInside('/srv/renderer', '/assets/app.js')).toBe(path.join('/srv/renderer', 'assets', 'app.js'));
    expect(resolveInside('/srv/renderer', '/')).toBe(path.join('/srv/renderer', 'index.html'));
    expect(resolveInside('/srv/renderer', '/../renderer-private/x')).toBeNull();
    expect(resolveInside('/srv/renderer', '/a/..%2F..%2Fx')).toBeNull();
    expect(resolveInside('/srv/renderer', '/a\\..\\..\\x')).toBeNull();
  });
});
