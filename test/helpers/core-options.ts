import type { CoreOptions } from '../../electron/core/app';

/**
 * What every test's core is opened with, in one place: a cheap password hash (production's
 * N=2^17 costs half a second per user created or signed in; the timing and upgrade tests in
 * test/electron/core/auth use the real cost).
 */
export const TEST_CORE_OPTIONS: CoreOptions = {
  passwordCost: { N: 2 ** 10, r: 8, p: 1 },
};
