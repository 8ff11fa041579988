import { randomBytes } from 'node:crypto';
import { bundleError } from './errors';

/**
 * The renderer never names a path. A transport that asked the user for a file (the Electron main
 * process with its open/save dialogs, the CLI with its arguments) registers the path here and
 * passes the call an opaque, single-use token; the core turns it back into the path.
 */
interface Picked {
  path: string;
  mode: 'read' | 'write';
  expires: number;
}

const picked = new Map<string, Picked>();
const LIFETIME_MS = 15 * 60 * 1000;

export function issueFileToken(path: string, mode: 'read' | 'write', now = Date.now()): string {
  const file = newFileToken(path, mode, now);
  adoptFileToken(file, now);
  return file.token;
}

export type FileToken = Picked & { token: string };

/** A token for a path, not yet registered: for a transport whose core runs elsewhere (a worker) and is told of it. */
export function newFileToken(path: string, mode: 'read' | 'write', now = Date.now()): FileToken {
  return { token: randomBytes(18).toString('base64url'), path, mode, expires: now + LIFETIME_MS };
}

/** Registers a token issued by newFileToken. */
export function adoptFileToken({ token, path, mode, expires }: FileToken, now = Date.now()): void {
  for (const [old, p] of picked) if (p.expires < now) picked.delete(old);
  picked.set(token, { path, mode, expires });
}

/** The path behind a token. A file to read can be previewed, then imported; a file to write is used once. */
export function takeFileToken(token: string, mode: 'read' | 'write', now = Date.now()): string {
  const p = picked.get(token);
  if (!p || p.mode !== mode || p.expires < now) throw bundleError('fileToken', 'The chosen file is no longer available: choose it again');
  if (mode === 'write') picked.delete(token);
  return p.path;
}
