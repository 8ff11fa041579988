/**
 * The renderer's one origin. Pages are served from a custom privileged scheme rather than
 * `file://`, so they get a real origin that the CSP, the IPC sender check and the navigation
 * guard can all name.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'erikti';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True only for URLs of our own origin. Parsed rather than prefix-matched, so look-alikes such as
 * `app://erikti.evil/` or `app://erikti@evil/` do not pass.
 */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}
