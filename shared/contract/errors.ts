import type { z } from 'zod';

/**
 * Errors cross every transport as data. `key` is a translation key under `error.*` in
 * shared/i18n, so each side shows the message in its user's language; `message` is English,
 * for logs and the command line.
 */
export type ErrorCode =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'notFound'
  | 'conflict'
  | 'unavailable'
  /** The caller cancelled the call; nothing it would have written remains. */
  | 'cancelled'
  | 'internal';

export interface FieldProblem {
  path: string;
  key: string;
  params?: Record<string, string | number>;
}

export interface ErrorPayload {
  code: ErrorCode;
  key: string;
  params?: Record<string, string | number>;
  fields?: FieldProblem[];
}

export class CallError extends Error {
  readonly code: ErrorCode;
  readonly key: string;
  readonly params: Record<string, string | number> | undefined;
  readonly fields: FieldProblem[] | undefined;

  constructor(payload: ErrorPayload, message?: string) {
    super(message ?? payload.key);
    this.name = 'CallError';
    this.code = payload.code;
    this.key = payload.key;
    this.params = payload.params;
    this.fields = payload.fields;
  }

  toPayload(): ErrorPayload {
    const payload: ErrorPayload = { code: this.code, key: this.key };
    if (this.params) payload.params = this.params;
    if (this.fields) payload.fields = this.fields;
    return payload;
  }
}

/** Maps zod's issues to translation keys: our schemas carry keys as messages, zod's own codes get generic ones. */
export function problemsFromZod(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.message.startsWith('error.')) {
      const params: Record<string, string | number> = {};
      if (issue.code === 'too_big' || issue.code === 'too_small') {
        const limit = issue.code === 'too_big' ? issue.maximum : issue.minimum;
        params.limit = Number(limit);
      }
      return Object.keys(params).length ? { path, key: issue.message, params } : { path, key: issue.message };
    }
    switch (issue.code) {
      case 'invalid_type':
        return { path, key: issue.input === undefined ? 'error.required' : 'error.type' };
      // A number out of range is neither "too long" nor "required": it says its bound.
      case 'too_big':
        if (issue.origin === 'number' || issue.origin === 'int') return { path, key: 'error.tooBig', params: { limit: Number(issue.maximum) } };
        return { path, key: 'error.tooLong', params: { limit: Number(issue.maximum) } };
      case 'too_small':
        if (issue.origin === 'number' || issue.origin === 'int') return { path, key: 'error.tooSmall', params: { limit: Number(issue.minimum) } };
        return { path, key: 'error.required' };
      case 'unrecognized_keys':
        return { path: issue.keys.join(','), key: 'error.unknownField' };
      case 'invalid_value':
        return { path, key: 'error.choice' };
      default:
        return { path, key: 'error.invalid' };
    }
  });
}

/** What a cancelled call answers: a write rolled back, so the database is as it was before. */
export function cancelledError(): CallError {
  return new CallError({ code: 'cancelled', key: 'error.cancelled' }, 'Cancelled: nothing was changed');
}

export function validationError(error: z.ZodError): CallError {
  return new CallError({ code: 'validation', key: 'error.validation', fields: problemsFromZod(error) });
}
