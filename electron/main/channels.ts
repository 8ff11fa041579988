import type { CallName } from '../../shared/contract';

/**
 * One IPC channel per contract call, shared by the preload and the main process so the two
 * cannot disagree. There is deliberately no generic channel taking a call name.
 */
export const channelOf = (name: CallName): string => `erikti:${name}`;
