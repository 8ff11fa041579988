import { CallError } from '../../../shared/contract/errors';

/** Why an office key (a key file, the trust list, a revocation) is refused: the translation key `error.keys.<kind>`. */
export type KeysProblem = 'invalidFile' | 'fingerprint' | 'own' | 'noOffice' | 'olderFile' | 'revoked' | 'notPending' | 'notAllowed';

export function keysError(kind: KeysProblem, message: string, params?: Record<string, string | number>): CallError {
  const code = kind === 'notPending' ? 'notFound' : kind === 'notAllowed' ? 'forbidden' : 'validation';
  return new CallError(params ? { code, key: `error.keys.${kind}`, params } : { code, key: `error.keys.${kind}` }, message);
}

/** Every key above, for the i18n check (the keys are built, so a scan for literals cannot find them). */
const KEYS_PROBLEMS: Record<KeysProblem, true> = {
  invalidFile: true, fingerprint: true, own: true, noOffice: true, olderFile: true, revoked: true, notPending: true, notAllowed: true,
};
export const KEYS_ERROR_KEYS: readonly string[] = Object.keys(KEYS_PROBLEMS).map((k) => `error.keys.${k}`);
