import { CallError } from '../../../shared/contract/errors';

/**
 * A file that cannot be read as a spreadsheet: the key says why, in the user's language. The keys
 * are the roster import's (error.roster.*), the first reader; their texts name no domain but two.
 */
export class SpreadsheetError extends CallError {
  constructor(key: string, params?: Record<string, string | number>) {
    super(params ? { code: 'validation', key, params } : { code: 'validation', key });
    this.name = 'SpreadsheetError';
  }
}
