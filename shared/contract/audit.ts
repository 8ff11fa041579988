import { z } from 'zod';
import { call } from './call';

/** One exact-IIN lookup by an account that may not read IINs (the IIN itself is not kept). */
export const iinLookup = z.object({
  at: z.string(),
  userId: z.string(),
  login: z.string(),
  call: z.string(),
  hit: z.boolean(),
  /** The same tag is the same IIN asked about (a keyed hash's first characters, not the number). */
  tag: z.string(),
});
export type IinLookup = z.infer<typeof iinLookup>;

/** One user's exact-IIN lookups against the limits. */
const iinLookupUser = z.object({ userId: z.string(), login: z.string(), lastHour: z.number(), lastDay: z.number(), total: z.number(), hits: z.number() });
export type IinLookupUser = z.infer<typeof iinLookupUser>;

export const auditCalls = {
  /** The record of exact-IIN lookups, newest first, with each user's counts against the limits. */
  'audit.iinLookups': call({
    access: 'administrator',
    writes: false,
    input: z.strictObject({ userId: z.string().max(64).optional(), limit: z.number().int().min(1).max(1000).default(200) }),
    output: z.object({
      limits: z.object({ perHour: z.number(), perDay: z.number() }),
      users: z.array(iinLookupUser),
      lookups: z.array(iinLookup),
    }),
  }),
};
