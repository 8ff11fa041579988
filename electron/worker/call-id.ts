/**
 * The id a page gives a call it may want to follow (progress) or cancel: its own choice, so it is
 * checked where it enters (the web host, IPC) to be a short token and nothing else.
 */
export function isCallId(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{1,64}$/.test(value);
}
