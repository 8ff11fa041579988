import { CallError } from '../../../shared/contract/errors';

/**
 * Why a bundle is refused. Each becomes the translation key `error.bundle.<kind>` with an English
 * message for logs and the command line.
 */
export type BundleProblem =
  | 'notBundle'
  | 'corrupt'
  | 'truncated'
  | 'tooLarge'
  | 'newerFormat'
  | 'newerSchema'
  | 'signature'
  | 'unknownSigner'
  | 'wrongRecipient'
  | 'wrongCopy'
  | 'ownBundle'
  | 'recipientUnknown'
  | 'noRecipient'
  | 'tooLargeForDownload'
  | 'fileToken'
  | 'unreadable'
  | 'olderFormat'
  | 'revokedSigner'
  | 'replayed'
  | 'resigned'
  | 'clockAhead'
  | 'notEncrypted';

export function bundleError(kind: BundleProblem, message: string, params?: Record<string, string | number>): CallError {
  const code = kind === 'unreadable' || kind === 'fileToken' ? 'unavailable' : 'validation';
  return new CallError(params ? { code, key: `error.bundle.${kind}`, params } : { code, key: `error.bundle.${kind}` }, message);
}

export type ReviewProblem = 'conflict.notFound' | 'conflict.choice' | 'conflict.notFromOffice' | 'duplicates.same';

export function reviewError(kind: ReviewProblem, message: string, params?: Record<string, string | number>): CallError {
  const code = kind === 'conflict.notFound' ? 'notFound' : 'validation';
  return new CallError(params ? { code, key: `error.${kind}`, params } : { code, key: `error.${kind}` }, message);
}

/**
 * Every translation key the exchange can return (built from the problem names above, so the
 * i18n test cannot find them by scanning for literals: it should include this list).
 */
const BUNDLE_PROBLEMS: Record<BundleProblem, true> = {
  notBundle: true, corrupt: true, truncated: true, tooLarge: true, newerFormat: true, newerSchema: true, signature: true,
  unknownSigner: true, wrongRecipient: true, wrongCopy: true, ownBundle: true, recipientUnknown: true, noRecipient: true,
  tooLargeForDownload: true, fileToken: true, unreadable: true,
  olderFormat: true, revokedSigner: true, replayed: true, resigned: true, clockAhead: true, notEncrypted: true,
};
const REVIEW_PROBLEMS: Record<ReviewProblem, true> = { 'conflict.notFound': true, 'conflict.choice': true, 'conflict.notFromOffice': true, 'duplicates.same': true };
export const EXCHANGE_ERROR_KEYS: readonly string[] = [
  ...Object.keys(BUNDLE_PROBLEMS).map((k) => `error.bundle.${k}`),
  ...Object.keys(REVIEW_PROBLEMS).map((k) => `error.${k}`),
];
