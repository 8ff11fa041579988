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
  /**
   * Long calls (imports, exports, batches) report progress and can be cancelled; transports
   * carry their progress to the page, and the page shows a progress bar with a cancel button.
   */
  long?: boolean;
}

export const call = <I extends z.ZodType, O extends z.ZodType, W extends boolean>(spec: CallSpec<I, O, W>) => spec;

export const empty = z.strictObject({});
export const ok = z.object({ ok: z.literal(true) });
export const idOnly = z.strictObject({ id: z.string().min(1).max(64) });

type Undefaulted<T> = T extends z.ZodDefault<infer Inner> ? Inner : T;

/**
 * The patch of an input: every field optional and none defaulted. `.partial()` keeps defaults,
 * and zod 4 fills them in for missing fields, so a patch of one field would reset the others.
 */
export function patchOf<S extends z.ZodRawShape>(input: z.ZodObject<S>) {
  const shape = Object.fromEntries(
    Object.entries(input.shape).map(([key, field]) => [key, z.optional(field instanceof z.ZodDefault ? field.unwrap() : field)]),
  );
  return z.strictObject(shape, { error: 'error.unknownField' }) as unknown as z.ZodObject<{ [K in keyof S]: z.ZodOptional<Undefaulted<S[K]>> }, z.core.$strict>;
}
