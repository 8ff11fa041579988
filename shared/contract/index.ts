import type { z } from 'zod';
import { attachmentCalls } from './attachments';
import { auditCalls } from './audit';
import { backupCalls } from './backups';
import type { CallSpec } from './call';
import { certificateCalls } from './certificates';
import { eventCalls } from './events';
import { exchangeCalls } from './exchange';
import { logisticsCalls } from './logistics';
import { organisationCalls } from './organisations';
import { reportCalls } from './reports';
import { rosterCalls } from './roster';
import { adminCalls, sessionCalls } from './session';
import { trainingCalls } from './trainings';
import { volunteerCalls } from './volunteers';
import { viewCalls } from './views';

/**
 * The one table of calls. The preload API, the IPC handlers, the web host's routes, the CLI and
 * the renderer's client are all derived from it, so they cannot drift apart.
 */
export const contract = {
  ...sessionCalls,
  ...adminCalls,
  ...volunteerCalls,
  ...organisationCalls,
  ...rosterCalls,
  ...exchangeCalls,
  ...auditCalls,
  ...trainingCalls,
  ...eventCalls,
  ...certificateCalls,
  ...viewCalls,
  ...backupCalls,
  ...attachmentCalls,
  ...reportCalls,
  ...logisticsCalls,
} satisfies Record<string, CallSpec>;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<N extends CallName> = z.input<Contract[N]['input']>;
export type CallArgs<N extends CallName> = z.output<Contract[N]['input']>;
export type CallResult<N extends CallName> = z.output<Contract[N]['output']>;
/** The calls that write (and run in a transaction); the others only read. */
export type WriteCallName = { [K in CallName]: Contract[K]['writes'] extends true ? K : never }[CallName];

export const CALL_NAMES = Object.keys(contract) as CallName[];

export function isCallName(name: string): name is CallName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/** What crosses every transport: either a result or an error payload. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: import('./errors').ErrorPayload };

export * from './call';
export * from './errors';
export * from './progress';
