import { removeWorkerBundles } from '../helpers/core-worker';

/** Global setup of Vitest and Playwright: the core worker bundles the test files made go at the end of the run. */
export default function setup(): () => void {
  return removeWorkerBundles;
}
