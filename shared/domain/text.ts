import { z } from 'zod';

/**
 * Text fields refuse control characters and markup so nothing a user types can become HTML
 * somewhere it is shown or printed. Error messages are translation keys (see shared/i18n).
 */
// eslint-disable-next-line no-control-regex -- refusing control characters is the point
const NO_MARKUP = /^[^<>\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

export const text = (max: number) =>
  z.string().trim().max(max, { error: 'error.tooLong' }).regex(NO_MARKUP, { error: 'error.markup' });

export const requiredText = (max: number) => text(max).min(1, { error: 'error.required' });

/** Person names: letters of any script, spaces, hyphens, apostrophes and dots. */
export const personName = (required: boolean) => {
  const base = z
    .string()
    .trim()
    .max(100, { error: 'error.tooLong' })
    .regex(/^[\p{L}\p{M}' ’.-]*$/u, { error: 'error.nameChars' });
  return required ? base.min(1, { error: 'error.required' }) : base;
};

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'error.date' })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, { error: 'error.noSuchDate' });

export const pastDate = isoDate.refine((s) => s <= new Date().toISOString().slice(0, 10), { error: 'error.futureDate' });

export const email = z
  .string()
  .trim()
  .max(200, { error: 'error.tooLong' })
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, { error: 'error.email' });
