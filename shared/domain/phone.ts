/**
 * Phone numbers are stored as E.164 (+7XXXXXXXXXX) and shown as +7 (7xx) xxx-xx-xx.
 * People type them as "8 701 …", "+7 (701) …", "701…", "7701…".
 */
export function normalizePhone(raw: string): string | null {
  const digits = raw.replace(/\D/g, '');
  let national: string;
  if (digits.length === 10) national = digits;
  else if (digits.length === 11 && (digits[0] === '7' || digits[0] === '8')) national = digits.slice(1);
  else return null;
  // Kazakhstan's numbers (mobile and landline) all start with 7 after the country code;
  // +7 6xx and +7 9xx belong to Russia and are accepted too, as volunteers may carry one.
  if (!/^[3-9]/.test(national)) return null;
  return `+7${national}`;
}

export function formatPhone(e164: string): string {
  const m = /^\+7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(e164);
  return m ? `+7 (${m[1]}) ${m[2]}-${m[3]}-${m[4]}` : e164;
}
