import { z } from 'zod';
import type { Role } from '../domain/vocabulary';

/**
 * Who may make a call: anyone (first-run setup, sign-in), or a signed-in user with at least this role.
 * The core enforces it; the renderer only uses it to hide what a user cannot do.
 */
export type Access = 'public' | Role;

export interface CallSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType, W extends boolean = boolean> {
  input: I;
  output: O;
  access: Access;
  /**
   * Writes run in one transaction and are stamped with who and when. Kept as a literal type so
   * the core can hand calls that do not write a database handle that cannot write.
   */
  writes: W;
}

export const call = <I extends z.ZodType, O extends z.ZodType, W extends boolean>(spec: CallSpec<I, O, W>) => spec;

export const empty = z.strictObject({});
export const ok = z.object({ ok: z.literal(true) });
export const idOnly = z.strictObject({ id: z.string().min(1).max(64) });
