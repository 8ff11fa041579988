import { readFile, stat } from 'node:fs/promises';
import { APP_HOST } from './app-url';
import { SECURITY_HEADERS, mimeTypeOf, resolveInside } from '../static/renderer-files';

export { CONTENT_SECURITY_POLICY, mimeTypeOf, resolveInside } from '../static/renderer-files';

/**
 * Serving the built renderer to the `app://` protocol. Plain Node (no `electron` import), so it is
 * tested directly; protocol.ts only plugs it into Electron.
 */

const refuse = (status: number, text: string): Response =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });

/** Answers one `app://erikti/...` request from rootDir. Read whole: renderer assets are small. */
export async function serveRendererFile(rootDir: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return refuse(400, 'Bad request');
  }
  if (url.host !== APP_HOST) return refuse(404, 'Not found');
  const file = resolveInside(rootDir, url.pathname);
  if (!file) return refuse(403, 'Forbidden');
  try {
    if (!(await stat(file)).isFile()) return refuse(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(file);
    return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeOf(file) } });
  } catch {
    return refuse(404, 'Not found');
  }
}
