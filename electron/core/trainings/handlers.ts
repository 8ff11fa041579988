import { CallError } from '../../../shared/contract/errors';
import { trainingCalls } from '../../../shared/contract/trainings';
import type { HandlerMap } from '../context';

// Placeholder while the core is written: the contract is committed first for the screens.
const notYet = () => {
  throw new CallError({ code: 'unavailable', key: 'error.internal' }, 'Not implemented yet');
};
export const trainingHandlers = Object.fromEntries(Object.keys(trainingCalls).map((k) => [k, notYet])) as unknown as HandlerMap<keyof typeof trainingCalls>;
