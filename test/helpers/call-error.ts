import { CallError } from '../../shared/contract/errors';

/** The CallError a call refuses with; the test fails if it succeeds or throws anything else. */
export function failure(fn: () => unknown): CallError {
  try {
    fn();
  } catch (error) {
    if (error instanceof CallError) return error;
    throw error;
  }
  throw new Error('expected the call to fail');
}
