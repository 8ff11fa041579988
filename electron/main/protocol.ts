import type { Protocol } from 'electron';
import { APP_SCHEME } from './app-url';
import { serveRendererFile } from './renderer-files';

/**
 * Must run before the app is ready. `standard` gives the scheme a real origin (relative URLs,
 * storage, same-origin module scripts); `secure` makes it a secure context like https;
 * `supportFetchAPI` lets the page fetch its own assets. No `corsEnabled` and no `bypassCSP`:
 * nothing from another origin is ever read, and the CSP applies in full.
 */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** After ready: every `app://` request is answered from the built renderer folder, and only from it. */
export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request));
}
