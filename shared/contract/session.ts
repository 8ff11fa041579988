import { z } from 'zod';
import { OFFICE_CODES } from '../domain/regions';
import { ROLES } from '../domain/vocabulary';
import { requiredText, text } from '../domain/text';
import { call, empty, ok } from './call';

export const login = z
  .string()
  .trim()
  .min(3, { error: 'error.loginShort' })
  .max(40, { error: 'error.tooLong' })
  .regex(/^[a-zA-Z0-9._-]+$/, { error: 'error.loginChars' });

export const password = z.string().min(8, { error: 'error.passwordShort' }).max(200, { error: 'error.tooLong' });

export const user = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  active: z.boolean(),
});
export type User = z.infer<typeof user>;

export const office = z.object({
  code: z.string(),
  name: z.string(),
  /** The person responsible for personal data at this office (Law No. 94-V). */
  dataProtectionOfficer: z.string().nullable(),
});
export type Office = z.infer<typeof office>;

export const sessionCalls = {
  /** What the start screen needs before anyone signs in. */
  'app.status': call({
    access: 'public',
    writes: false,
    input: empty,
    output: z.object({ office: office.nullable(), needsFirstAdmin: z.boolean(), version: z.string(), schema: z.number() }),
  }),
  /**
   * First run: choose the office (unless `erikti init` already did) and create the first
   * administrator. Refused once any user exists.
   */
  'app.setup': call({
    access: 'public',
    writes: true,
    input: z.strictObject({
      officeCode: z.enum(OFFICE_CODES, { error: 'error.region' }).optional(),
      officeName: text(200).optional(),
      login,
      displayName: requiredText(100),
      password,
    }),
    output: z.object({ session: z.string(), user }),
  }),
  'auth.signIn': call({
    access: 'public',
    writes: false,
    input: z.strictObject({ login: z.string().max(40), password: z.string().max(200) }),
    output: z.object({ session: z.string(), user }),
  }),
  'auth.signOut': call({ access: 'staff', writes: false, input: empty, output: ok }),
  'auth.me': call({ access: 'staff', writes: false, input: empty, output: z.object({ user, office }) }),
  'auth.changePassword': call({
    access: 'staff',
    writes: true,
    input: z.strictObject({ current: z.string().max(200), next: password }),
    output: ok,
  }),
};

export const adminCalls = {
  'users.list': call({ access: 'administrator', writes: false, input: empty, output: z.array(user) }),
  'users.add': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ login, displayName: requiredText(100), role: z.enum(ROLES), password }),
    output: user,
  }),
  'users.update': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({
      id: z.string().max(64),
      displayName: requiredText(100).optional(),
      role: z.enum(ROLES).optional(),
      active: z.boolean().optional(),
      password: password.optional(),
    }),
    output: user,
  }),
  'office.update': call({
    access: 'administrator',
    writes: true,
    input: z.strictObject({ name: requiredText(200).optional(), dataProtectionOfficer: text(200).nullable().optional() }),
    output: office,
  }),
};
