import { CallError, type FieldProblem } from '../../../shared/contract/errors';
import { iinFacts } from '../../../shared/domain/iin';
import { transliterate } from '../../../shared/domain/search-key';
import { ageOn, type VolunteerPatch } from '../../../shared/domain/volunteer';
import type { ReadDb } from '../db/read-only';

/** Who already holds an IIN in this office (live records only). */
export function iinHolder(db: ReadDb, iin: string, exceptId?: string): { id: string; name: string } | null {
  const row = db
    .prepare("SELECT id, last_name || ' ' || first_name || COALESCE(' ' || middle_name, '') AS name FROM volunteers WHERE iin = ? AND deleted = 0 AND id <> ?")
    .get(iin, exceptId ?? '') as { id: string; name: string } | undefined;
  return row ?? null;
}

/**
 * Rules across fields, applied to the record as it will be after the write:
 * the IIN fills or must agree with birth date and sex, an IIN is held by one person, Latin
 * names are filled from Cyrillic ones, a minor's consent needs a guardian.
 */
export function completeVolunteer(db: ReadDb, merged: VolunteerPatch, id: string | undefined, today: string): VolunteerPatch {
  const out: VolunteerPatch = { ...merged };
  const problems: FieldProblem[] = [];
  if (out.iin) {
    const facts = iinFacts(out.iin);
    if (typeof facts !== 'string') {
      if (!out.birthDate) out.birthDate = facts.birthDate;
      else if (out.birthDate !== facts.birthDate) problems.push({ path: 'birthDate', key: 'error.iin.birthMismatch' });
      if (!out.sex) out.sex = facts.sex;
      else if (out.sex !== facts.sex) problems.push({ path: 'sex', key: 'error.iin.sexMismatch' });
    }
    const holder = iinHolder(db, out.iin, id);
    if (holder) problems.push({ path: 'iin', key: 'error.iin.taken', params: { name: holder.name } });
  }
  if (out.lastName && !out.lastNameLatin) out.lastNameLatin = transliterate(out.lastName);
  if (out.firstName && !out.firstNameLatin) out.firstNameLatin = transliterate(out.firstName);
  if (out.birthDate && out.consentDate && ageOn(out.birthDate, today) < 18 && !out.guardianName) {
    problems.push({ path: 'guardianName', key: 'error.guardianRequired' });
  }
  if (problems.length > 0) {
    const taken = problems.find((p) => p.key === 'error.iin.taken');
    throw new CallError(
      { code: taken ? 'conflict' : 'validation', key: taken ? 'error.iin.taken' : 'error.validation', params: taken?.params, fields: problems },
      taken ? `This IIN already belongs to ${taken.params?.name}` : undefined,
    );
  }
  return out;
}
