import { recordLabel } from '../../../shared/domain/replicated-table';
import { tableSpec } from '../../../shared/domain/tables';
import type { Db } from '../db/connection';
import type { Row } from '../replication/tables';
import { prepared } from '../db/statements';
import { REPORT_KINDS, type ChangeReportView, type ReportItemView, type ReportKind } from '../../../shared/contract/exchange';

/**
 * What an import does, record by record: who is added, which fields of whom change from what to
 * what, who is erased or restored, merged or un-merged, and which conflicts the bundle raises —
 * the dry-run report a coordinator reads before applying, kept with the history entry after.
 *
 * Counts are always exact; the detailed records are capped per kind, so a bundle that brings
 * 200,000 people neither bloats the answer nor the history (the first ones still show what kind
 * of change it is). Records are named the way coordinators know them: people by name,
 * organisations by name, memberships as "person — organisation". Coordinators may read IINs, so
 * an IIN change shows its values like any other field.
 */

/** Detailed records kept per kind. */
export const REPORT_DETAIL_CAP = 5000;

/**
 * Tables a coordinator thinks of as records: those whose records have a name, their own or that
 * of what they reference; merges and "different people" marks show as merges.
 */
const namedRecords = (table: string) => {
  const spec = tableSpec(table);
  return !!(spec?.labelFields || spec?.labelRefs);
};

export const emptyReport = (): ChangeReportView => ({ counts: zeroCounts(), items: [], truncated: false });

function zeroCounts(): Record<ReportKind, number> {
  return Object.fromEntries(REPORT_KINDS.map((k) => [k, 0])) as Record<ReportKind, number>;
}

/** A pending record: the label is filled in at the end when the row alone cannot name it. */
type Pending = Omit<ReportItemView, 'label'> & { label?: string; ref?: Row };

/** A record's label from its own values, when they are enough (memberships need two lookups). */
function ownLabel(table: string, r: Row): string | undefined {
  const spec = tableSpec(table);
  return (spec && recordLabel(spec, r)) || undefined;
}

export class ReportCollector {
  private readonly counts = zeroCounts();
  private items: Pending[] = [];
  private readonly perKind = zeroCounts();
  private truncated = false;
  /** Every erasure and creation (not only the detailed ones), so records merged in this import are told apart exactly. */
  private readonly erased = new Set<string>();
  private readonly added = new Set<string>();
  /** Names seen before an erasure cleared them, to name conflicts about the same record. */
  private readonly knownLabels = new Map<string, string>();

  constructor(private readonly cap = REPORT_DETAIL_CAP) {}

  private push(item: Pending): void {
    this.counts[item.kind]++;
    if (this.perKind[item.kind] >= this.cap) {
      this.truncated = true;
      return;
    }
    this.perKind[item.kind]++;
    this.items.push(item);
  }

  /** A record the bundle creates here (a tombstone of one never seen here changes nothing visible). */
  created(table: string, id: string, values: Row): void {
    if (!namedRecords(table) || values.deleted === 1) return;
    this.added.add(`${table}\u0000${id}`);
    this.push({ kind: 'added', table, id, label: ownLabel(table, values), ref: pick(table, values) });
  }

  /** Fields of an existing record the bundle changes; `before` is the record as it was here. */
  changed(table: string, id: string, before: Row, fields: string[], values: Row): void {
    if (!namedRecords(table)) return;
    const label = ownLabel(table, before);
    if (label) this.knownLabels.set(`${table}\u0000${id}`, label);
    if (fields.includes('deleted')) {
      const erasing = values.deleted === 1;
      if (erasing) this.erased.add(`${table}\u0000${id}`);
      this.push({ kind: erasing ? 'erased' : 'restored', table, id, label, ref: pick(table, before) });
      return;
    }
    const changes = fields.map((field) => ({ field, from: before[field] ?? null, to: values[field] ?? null }));
    this.push({ kind: 'changed', table, id, label, changes, ref: pick(table, before) });
  }

  /** Takes back records of one kind that turned out to be something else (exactly, beyond the detail cap too). */
  private withdraw(kind: ReportKind, keys: Set<string>, seen: Set<string>): void {
    let taken = 0;
    for (const key of keys) if (seen.has(key)) taken++;
    if (taken === 0) return;
    this.counts[kind] -= taken;
    this.items = this.items.filter((i) => i.kind !== kind || !keys.has(`${i.table}\u0000${i.id}`));
  }

  /**
   * Completes the report once every row is applied (inside the import's transaction, so a dry run
   * sees the same): merges made or undone by this import, conflicts it raised, every label.
   * `fromSeq` is the first local change number of the import.
   */
  finish(db: Db, bundleId: string, fromSeq: number): ChangeReportView {
    const merges = prepared(
      db,
      `SELECT m.tbl, m.loser_id, m.survivor_id, m.deleted, c.base_seq FROM merges m
       JOIN row_clock c ON c.tbl = 'merges' AND c.row_id = m.id WHERE c.seq >= ? ORDER BY m.seq`,
    ).all(fromSeq) as { tbl: string; loser_id: string; survivor_id: string; deleted: number; base_seq: number }[];
    const notErased = new Set<string>();
    const notAdded = new Set<string>();
    for (const m of merges) {
      const made = m.deleted === 0;
      if (!made && m.base_seq >= fromSeq) continue; // made and undone within this one import
      if (made) {
        const loser = `${m.tbl}\u0000${m.loser_id}`;
        const survivor = `${m.tbl}\u0000${m.survivor_id}`;
        // A merged-away record is deleted as part of the merge: merged, not erased. A person the
        // bundle brings who merges at once with one already here is not a new person either.
        notErased.add(loser);
        if (this.added.has(loser)) notAdded.add(loser);
        else if (this.added.has(survivor)) notAdded.add(survivor);
      }
      this.push({ kind: made ? 'merged' : 'unmerged', table: m.tbl, id: m.loser_id, into: { id: m.survivor_id, label: '' } });
    }
    this.withdraw('erased', notErased, this.erased);
    this.withdraw('added', notAdded, this.added);

    const conflicts = prepared(db, 'SELECT id, tbl, row_id, field, kind FROM conflicts WHERE bundle_id = ? ORDER BY id').all(bundleId) as {
      id: number;
      tbl: string;
      row_id: string;
      field: string;
      kind: 'field' | 'delete';
    }[];
    for (const c of conflicts) this.push({ kind: 'conflict', table: c.tbl, id: c.row_id, field: c.field, conflictKind: c.kind, conflictId: c.id });

    const namer = new Labeller(db, this.knownLabels);
    const items = this.items.map(({ ref, ...item }): ReportItemView => {
      const out: ReportItemView = { ...item, label: item.label ?? namer.label(item.table, item.id, ref) };
      if (item.into) out.into = { id: item.into.id, label: namer.label(item.table, item.into.id) };
      return out;
    });
    return { counts: { ...this.counts }, items, truncated: this.truncated };
  }
}

/** The reference columns a membership's label needs (the rest of the row is not kept). */
/** The references that name a record (a membership's person and organisation), kept to name it at the end. */
function pick(table: string, r: Row): Row | undefined {
  const refs = tableSpec(table)?.labelRefs;
  return refs ? Object.fromEntries(refs.map((f) => [f, r[f] ?? null])) : undefined;
}

/** Names records as they stand here, remembering what it looked up. */
class Labeller {
  private readonly cache = new Map<string, string>();
  constructor(
    private readonly db: Db,
    private readonly known: Map<string, string>,
  ) {}

  label(table: string, id: string, ref?: Row): string {
    const key = `${table}\u0000${id}`;
    let name = this.cache.get(key);
    if (name === undefined) {
      name = this.lookup(table, id, ref) || this.known.get(key) || id;
      this.cache.set(key, name);
    }
    return name;
  }

  private lookup(table: string, id: string, ref?: Row): string | undefined {
    const spec = tableSpec(table);
    if (spec?.labelFields) {
      const row = prepared(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
      return row ? ownLabel(table, row) : undefined;
    }
    if (spec?.labelRefs) {
      const r = ref ?? (prepared(this.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined);
      if (!r) return undefined;
      return spec.labelRefs.map((f) => this.label(spec.fields[f]!.ref!, String(r[f]))).join(' — ');
    }
    return undefined;
  }
}
