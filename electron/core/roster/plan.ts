import { CallError, problemsFromZod, type FieldProblem } from '../../../shared/contract/errors';
import type { FileConsent, RosterMapping, RosterProblem, RosterReport } from '../../../shared/contract/roster';
import { iinFacts } from '../../../shared/domain/iin';
import { skeletonTokens } from '../../../shared/domain/search-key';
import { volunteerInput, type VolunteerData, type VolunteerPatch } from '../../../shared/domain/volunteer';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { keeperOf, officeMayChange } from '../exchange/authority';
import { REPLICATED_TABLES, type Row } from '../replication/tables';
import { fromRow, toRow, type VolunteerSqlRow } from '../volunteers/columns';
import { completeVolunteer } from '../volunteers/rules';
import { fieldSources, normalizeRow } from './normalize';
import { columnName, type Table } from './table';
import { noProgress, type Progress } from '../progress';

/**
 * What importing a table would do, row by row, judged by the same schema and rules as a
 * volunteer typed into the form: each row is added, updates someone already registered (matched
 * by IIN, or likely by name and birth date, or name and phone), changes nothing, or is rejected
 * with the column and the reason.
 */

type MatchKind = RosterReport['updates'][number]['by'];

type PlanEntry =
  | { kind: 'add'; row: number; data: VolunteerPatch; name: string }
  | { kind: 'update'; row: number; id: string; name: string; by: MatchKind; changes: Row }
  | { kind: 'unchanged'; row: number; id: string }
  | { kind: 'rejected'; row: number; problems: RosterProblem[] };

export interface Plan {
  entries: PlanEntry[];
  report: RosterReport;
  /** Every valid IIN the rows were matched on: each is a lookup of who holds it. */
  iins: string[];
  /** Rows imported with fields left out, and why, by row number. */
  warnings: Map<number, RosterProblem[]>;
}

interface PlanOptions {
  office: string | null;
  today: string;
  /** The consent covering the whole file, for people with none of their own. */
  consent?: FileConsent;
}

const MAX_UPDATES_LISTED = 1000;
const VOLUNTEER_COLUMNS = (REPLICATED_TABLES.volunteers as readonly string[]).filter((c) => c !== 'deleted');

/** A person the rows are matched against: someone registered, or an earlier row of the file. */
interface Person {
  id: string;
  middle: string;
  iin: string | null;
  birthDate: string | null;
  phone: string | null;
  /** The file row that added or matched this person first. */
  row?: number;
}

const skeleton = (text: string | null | undefined) => skeletonTokens(text ?? '').join('');
const nameKey = (last: string | null | undefined, first: string | null | undefined) => `${skeleton(last)}|${skeleton(first)}`;

class People {
  private readonly byIin = new Map<string, Person>();
  private readonly byName = new Map<string, Person[]>();
  private readonly byNameBirth = new Map<string, Person[]>();
  private readonly byNamePhone = new Map<string, Person[]>();

  constructor(db: ReadDb) {
    const rows = db
      .prepare('SELECT id, last_name, first_name, middle_name, iin, birth_date, phone FROM volunteers WHERE deleted = 0')
      .all() as Record<string, string | null>[];
    for (const r of rows) {
      this.add(nameKey(r.last_name, r.first_name), { id: r.id!, middle: skeleton(r.middle_name), iin: r.iin ?? null, birthDate: r.birth_date ?? null, phone: r.phone ?? null });
    }
  }

  add(key: string, person: Person): void {
    if (person.iin) this.byIin.set(person.iin, person);
    push(this.byName, key, person);
    if (person.birthDate) push(this.byNameBirth, `${key}|${person.birthDate}`, person);
    if (person.phone) push(this.byNamePhone, `${key}|${person.phone}`, person);
  }

  /**
   * The one person a row is (or is likely) about; several likely ones are ambiguous. Likely means
   * the same last and first name (spelling forgiven) and the same birth date, or else the same
   * phone, or else nothing more to compare; never with a different IIN, birth date or patronymic.
   */
  match(data: VolunteerData, key: string): { person: Person; by: MatchKind } | { ambiguous: number } | null {
    if (data.iin) {
      const person = this.byIin.get(data.iin);
      if (person) return { person, by: 'iin' };
    }
    const facts = data.iin ? iinFacts(data.iin) : null;
    const birthDate = data.birthDate ?? (facts && typeof facts !== 'string' ? facts.birthDate : null);
    const middle = skeleton(data.middleName);
    const compatible = (p: Person) =>
      (!p.iin || !data.iin || p.iin === data.iin) &&
      (!p.birthDate || !birthDate || p.birthDate === birthDate) &&
      (!p.middle || !middle || p.middle === middle);
    let found: Person[];
    let by: MatchKind;
    if (birthDate) [found, by] = [(this.byNameBirth.get(`${key}|${birthDate}`) ?? []).filter(compatible), 'nameBirthDate'];
    else if (data.phone) [found, by] = [(this.byNamePhone.get(`${key}|${data.phone}`) ?? []).filter(compatible), 'namePhone'];
    else {
      // Only a name: the same patronymic first; else the one namesake whose patronymic is unknown on either side.
      const candidates = (this.byName.get(key) ?? []).filter(compatible);
      const exact = candidates.filter((p) => p.middle === middle);
      [found, by] = [exact.length > 0 ? exact : candidates, 'name'];
    }
    if (found.length === 1) return { person: found[0]!, by };
    if (found.length > 1) return { ambiguous: found.length };
    return null;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * completeVolunteer looks up the IIN's holder with a fresh statement each time; for thousands of
 * rows hand it a view of the connection whose prepare() reuses statements.
 */
function withStatementCache(db: ReadDb): ReadDb {
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') return (sql: string) => prepared(target, sql);
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The column a field problem points at: where the field came from, or the cell it was derived from. */
function problemColumn(table: Table, sources: Record<string, number>, field: string): string | null {
  const fallbacks: Record<string, string[]> = { birthDate: ['iin'], sex: ['iin'], guardianName: ['consentDate', 'birthDate'] };
  for (const f of [field, ...(fallbacks[field] ?? [])]) {
    const column = sources[f];
    if (column !== undefined) return columnName(table, column);
  }
  return null;
}

/** One problem per field and row: the first one says what to fix. */
function problemsOf(table: Table, sources: Record<string, number>, rowNumber: number, fields: FieldProblem[]): RosterProblem[] {
  const seen = new Set<string>();
  const out: RosterProblem[] = [];
  for (const f of fields) {
    const field = f.path.split('.')[0] ?? f.path;
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ row: rowNumber, column: problemColumn(table, sources, field), key: f.key, ...(f.params ? { params: f.params } : {}) });
  }
  return out;
}

/**
 * What makes a person unusable when wrong: without a name nobody can find them, and a wrong IIN
 * would attach the record to someone else. Any other field that does not fit is left empty, with
 * a warning on the row, and the person is imported.
 */
const ESSENTIAL_FIELDS = new Set(['lastName', 'firstName', 'iin']);
const fieldOf = (problem: FieldProblem) => problem.path.split('.')[0] ?? problem.path;

/**
 * The row's data as the form's schema reads it, with the optional fields that do not fit left
 * out: `problems` are what kept it out (as errors when essential, else as warnings).
 */
function parseLeniently(normalized: Record<string, unknown>): { data: VolunteerData | null; problems: FieldProblem[]; dropped: boolean } {
  const first = volunteerInput.safeParse(normalized);
  if (first.success) return { data: first.data, problems: [], dropped: false };
  const problems = problemsFromZod(first.error);
  if (problems.some((p) => ESSENTIAL_FIELDS.has(fieldOf(p)))) return { data: null, problems, dropped: false };
  const bad = new Set(problems.map(fieldOf));
  const second = volunteerInput.safeParse(Object.fromEntries(Object.entries(normalized).filter(([field]) => !bad.has(field))));
  return second.success ? { data: second.data, problems, dropped: true } : { data: null, problems: [...problems, ...problemsFromZod(second.error)], dropped: false };
}

/**
 * The form's rules over the row (with `base` under it: defaults, or the person as registered);
 * when they refuse optional fields only, those are left out of the row and the rules asked again.
 */
function completeLeniently(db: ReadDb, base: VolunteerPatch, data: VolunteerData, id: string | undefined, today: string): { result: VolunteerPatch | FieldProblem[]; dropped: FieldProblem[] } {
  const result = complete(db, { ...base, ...data } as VolunteerPatch, id, today);
  if (!Array.isArray(result) || result.some((p) => ESSENTIAL_FIELDS.has(fieldOf(p)))) return { result, dropped: [] };
  const bad = new Set(result.map(fieldOf));
  const kept = Object.fromEntries(Object.entries(data).filter(([field]) => !bad.has(field))) as VolunteerData;
  const again = complete(db, { ...base, ...kept } as VolunteerPatch, id, today);
  return Array.isArray(again) ? { result: [...result, ...again], dropped: [] } : { result: again, dropped: result };
}

/** Names that differ only in letter case (or ё for е) are the same name: an all-caps list changes nothing. */
const sameName = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && a.toLowerCase().replace(/ё/g, 'е') === b.toLowerCase().replace(/ё/g, 'е');
const NAME_COLUMNS = new Set(['last_name', 'first_name', 'middle_name']);

/** The rules of the volunteer form, with their failure as field problems rather than a thrown error. */
function complete(db: ReadDb, merged: VolunteerPatch, id: string | undefined, today: string): VolunteerPatch | FieldProblem[] {
  try {
    return completeVolunteer(db, merged, id, today);
  } catch (error) {
    if (error instanceof CallError && error.fields) return error.fields;
    throw error;
  }
}

/**
 * The row with the file's consent, for a person who has none of their own (in the row or on
 * record), when the form's rules take it as it is; else null, and the row goes in without it (a
 * minor's consent needs a guardian's name the file may not give): consent missing, for follow-up.
 */
function withFileConsent(db: ReadDb, base: VolunteerPatch, data: VolunteerData, id: string | undefined, options: PlanOptions): { result: VolunteerPatch; dropped: FieldProblem[] } | null {
  if (!options.consent || data.consentDate || base.consentDate) return null;
  const consented = { ...data, consentDate: options.consent.date, consentBasis: data.consentBasis ?? base.consentBasis ?? options.consent.basis };
  // Leniently, as without consent: an optional cell that does not fit is still left out with a warning.
  const attempt = completeLeniently(db, base, consented, id, options.today);
  if (Array.isArray(attempt.result) || attempt.result.consentDate !== options.consent.date) return null;
  return { result: attempt.result, dropped: attempt.dropped };
}

/** Counts an imported person who got the file's consent, or who has none at all after the import. */
function countConsent(report: RosterReport, fromFile: boolean, result: VolunteerPatch): void {
  if (fromFile) report.consentFromFile++;
  else if (!result.consentDate) report.withoutConsent++;
}

function checkMapping(mapping: RosterMapping): void {
  const seen = new Set<string>();
  for (const field of mapping) {
    if (!field) continue;
    if (seen.has(field)) throw new CallError({ code: 'validation', key: 'error.roster.mappedTwice', params: { field } });
    seen.add(field);
  }
  const names = seen.has('fullName') || (seen.has('lastName') && seen.has('firstName'));
  if (!names) throw new CallError({ code: 'validation', key: 'error.roster.noNameColumn' });
}

/** `progress` hears of each row checked (phase `checking`), and stops the plan there when the call is cancelled. */
export function planImport(db: ReadDb, table: Table, mapping: RosterMapping, options: PlanOptions, progress: Progress = noProgress): Plan {
  checkMapping(mapping);
  const people = new People(db);
  const rulesDb = withStatementCache(db);
  const matched = new Map<string, number>();
  const entries: PlanEntry[] = [];
  const report: RosterReport = {
    rows: 0, added: 0, updated: 0, unchanged: 0, rejectedRows: 0, rejected: [], warnedRows: 0, warnings: [], duplicates: [], updates: [], addedPeople: [],
    consentFromFile: 0, withoutConsent: 0,
  };
  const currentRow = prepared(db, 'SELECT * FROM volunteers WHERE id = ?');
  const sources = fieldSources(mapping);
  const iins = new Set<string>();

  const reject = (row: number, problems: RosterProblem[]) => {
    entries.push({ kind: 'rejected', row, problems });
    report.rejectedRows++;
    report.rejected.push(...problems);
  };
  /** Rows imported with some fields left empty: still listed, with what was left out, in the problem rows file. */
  const warn = (row: number, problems: RosterProblem[]) => warnings.set(row, [...(warnings.get(row) ?? []), ...problems]);
  const warnings = new Map<number, RosterProblem[]>();

  const total = table.rows.length;
  for (let index = 0; index < total; index++) {
    progress('checking', index, total);
    const { number, cells } = table.rows[index]!;
    const normalized = normalizeRow(cells, mapping, { office: options.office });
    if (!normalized) continue;
    report.rows++;
    const parsed = parseLeniently(normalized);
    if (!parsed.data) {
      reject(number, problemsOf(table, sources, number, parsed.problems));
      continue;
    }
    const data = parsed.data;
    if (parsed.dropped) warn(number, problemsOf(table, sources, number, parsed.problems));
    if (data.iin) iins.add(data.iin);
    const key = nameKey(data.lastName, data.firstName);
    const match = people.match(data, key);
    if (match && 'ambiguous' in match) {
      reject(number, [{ row: number, column: null, key: 'error.roster.ambiguous', params: { count: match.ambiguous } }]);
      continue;
    }
    const earlier = match ? (match.person.row ?? matched.get(match.person.id)) : undefined;
    if (earlier !== undefined) {
      report.duplicates.push({ row: number, firstRow: earlier });
      reject(number, [{ row: number, column: null, key: 'error.roster.duplicate', params: { row: earlier } }]);
      continue;
    }

    const leftOut = (dropped: FieldProblem[]) => {
      if (dropped.length) warn(number, problemsOf(table, sources, number, dropped));
    };
    if (!match) {
      const base: VolunteerPatch = { status: 'active', region: options.office as VolunteerPatch['region'] };
      const consented = withFileConsent(rulesDb, base, data, undefined, options);
      const { result, dropped } = consented ?? completeLeniently(rulesDb, base, data, undefined, options.today);
      if (Array.isArray(result)) {
        reject(number, problemsOf(table, sources, number, result));
        continue;
      }
      leftOut(dropped);
      const name = [result.lastName, result.firstName, result.middleName].filter(Boolean).join(' ');
      entries.push({ kind: 'add', row: number, data: result, name });
      report.added++;
      countConsent(report, consented !== null, result);
      if (report.addedPeople.length < MAX_UPDATES_LISTED) report.addedPeople.push({ row: number, name });
      people.add(key, {
        id: `row:${number}`, middle: skeleton(result.middleName), iin: result.iin ?? null,
        birthDate: result.birthDate ?? null, phone: result.phone ?? null, row: number,
      });
      continue;
    }

    const { person, by } = match;
    matched.set(person.id, number);
    const current = currentRow.get(person.id) as VolunteerSqlRow;
    const registered = fromRow(current, true) as VolunteerPatch;
    const consented = withFileConsent(rulesDb, registered, data, person.id, options);
    const { result, dropped } = consented ?? completeLeniently(rulesDb, registered, data, person.id, options.today);
    if (Array.isArray(result)) {
      reject(number, problemsOf(table, sources, number, result));
      continue;
    }
    leftOut(dropped);
    const next = toRow(result);
    const changes: Row = {};
    for (const column of VOLUNTEER_COLUMNS) {
      if (!(column in next) || (next[column] ?? null) === (current[column] ?? null)) continue;
      if (NAME_COLUMNS.has(column) && sameName(next[column], current[column])) continue;
      changes[column] = next[column] ?? null;
    }
    if (Object.keys(changes).length === 0) {
      entries.push({ kind: 'unchanged', row: number, id: person.id });
      report.unchanged++;
      continue;
    }
    // A person another office keeps is changed there (or at the centre), not from this file.
    if (options.office && !officeMayChange(db, options.office, 'volunteers', person.id)) {
      reject(number, [{ row: number, column: null, key: 'error.personKeptElsewhere', params: { office: keeperOf(db, 'volunteers', person.id) ?? options.office } }]);
      continue;
    }
    const name = [current.last_name, current.first_name, current.middle_name].filter(Boolean).join(' ');
    entries.push({ kind: 'update', row: number, id: person.id, name, by, changes });
    report.updated++;
    countConsent(report, consented !== null, result);
    if (report.updates.length < MAX_UPDATES_LISTED) {
      report.updates.push({ row: number, id: person.id, name, by, fields: Object.keys(changes).map((c) => c.replace(/_([a-z])/g, (_m, l: string) => l.toUpperCase())) });
    }
  }
  progress('checking', total, total);
  // A row warned about and then rejected by a later check counts once, as rejected.
  for (const entry of entries) if (entry.kind === 'rejected') warnings.delete(entry.row);
  report.warnedRows = warnings.size;
  report.warnings = [...warnings.values()].flat();
  return { entries, report, iins: [...iins], warnings };
}
