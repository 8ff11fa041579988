import { CallError, problemsFromZod, type FieldProblem } from '../../../shared/contract/errors';
import type { RosterMapping, RosterProblem, RosterReport } from '../../../shared/contract/roster';
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
  | { kind: 'add'; row: number; data: VolunteerPatch }
  | { kind: 'update'; row: number; id: string; name: string; by: MatchKind; changes: Row }
  | { kind: 'unchanged'; row: number; id: string }
  | { kind: 'rejected'; row: number; problems: RosterProblem[] };

export interface Plan {
  entries: PlanEntry[];
  report: RosterReport;
  /** Every valid IIN the rows were matched on: each is a lookup of who holds it. */
  iins: string[];
}

interface PlanOptions {
  office: string | null;
  today: string;
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
  const report: RosterReport = { rows: 0, added: 0, updated: 0, unchanged: 0, rejectedRows: 0, rejected: [], duplicates: [], updates: [] };
  const currentRow = prepared(db, 'SELECT * FROM volunteers WHERE id = ?');
  const sources = fieldSources(mapping);
  const iins = new Set<string>();

  const reject = (row: number, problems: RosterProblem[]) => {
    entries.push({ kind: 'rejected', row, problems });
    report.rejectedRows++;
    report.rejected.push(...problems);
  };

  const total = table.rows.length;
  for (let index = 0; index < total; index++) {
    progress('checking', index, total);
    const { number, cells } = table.rows[index]!;
    const normalized = normalizeRow(cells, mapping, { office: options.office });
    if (!normalized) continue;
    report.rows++;
    const parsed = volunteerInput.safeParse(normalized);
    if (!parsed.success) {
      reject(number, problemsOf(table, sources, number, problemsFromZod(parsed.error)));
      continue;
    }
    const data = parsed.data;
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

    if (!match) {
      const result = complete(rulesDb, { status: 'active', region: options.office as VolunteerPatch['region'], ...data }, undefined, options.today);
      if (Array.isArray(result)) {
        reject(number, problemsOf(table, sources, number, result));
        continue;
      }
      entries.push({ kind: 'add', row: number, data: result });
      report.added++;
      people.add(key, {
        id: `row:${number}`, middle: skeleton(result.middleName), iin: result.iin ?? null,
        birthDate: result.birthDate ?? null, phone: result.phone ?? null, row: number,
      });
      continue;
    }

    const { person, by } = match;
    matched.set(person.id, number);
    const current = currentRow.get(person.id) as VolunteerSqlRow;
    const merged = { ...fromRow(current, true), ...data } as VolunteerPatch;
    const result = complete(rulesDb, merged, person.id, options.today);
    if (Array.isArray(result)) {
      reject(number, problemsOf(table, sources, number, result));
      continue;
    }
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
    if (report.updates.length < MAX_UPDATES_LISTED) {
      report.updates.push({ row: number, id: person.id, name, by, fields: Object.keys(changes).map((c) => c.replace(/_([a-z])/g, (_m, l: string) => l.toUpperCase())) });
    }
  }
  progress('checking', total, total);
  return { entries, report, iins: [...iins] };
}
