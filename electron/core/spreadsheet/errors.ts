import { CallError } from '../../../shared/contract/errors';

/** A file the roster import cannot read: the key says why, in the user's language (error.roster.*). */
export class RosterFileError extends CallError {
  constructor(key: string, params?: Record<string, string | number>) {
    super(params ? { code: 'validation', key, params } : { code: 'validation', key });
    this.name = 'RosterFileError';
  }
}
