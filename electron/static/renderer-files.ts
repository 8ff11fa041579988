import path from 'node:path';

/**
 * What both ways of serving the built renderer share (the Electron `app://` protocol and the web
 * host): the content security policy, the security headers, MIME types and the path check.
 */

/** The renderer's policy everywhere: nothing but our own files, no inline script, no framing. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Module scripts are refused by Chromium without a JavaScript MIME type, so the table matters. */
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export const mimeTypeOf = (file: string): string => MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

export const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
} as const;

/**
 * Maps a URL path to a file inside rootDir, or null if it would leave it. The URL parser already
 * folds plain `..` segments, but encoded ones (`..%2F`, `..%5C` on Windows) survive until decoding,
 * so the check runs on the decoded, resolved path.
 */
export function resolveInside(rootDir: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  const root = path.resolve(rootDir);
  // A folder (`app://erikti/` included) means its index page.
  const wanted = !decoded || decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  // join, not resolve: a leading `/` (or a drive letter after it) must stay under root.
  const file = path.join(root, wanted);
  const relative = path.relative(root, file);
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

