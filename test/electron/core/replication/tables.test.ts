import { describe, expect, it } from 'vitest';
import { CallError } from '../../../../shared/contract/errors';
import { makeIin } from '../../../../shared/domain/iin';
import { fieldOf, offersTypedValue, typedValueRule, type FieldKind, type ReplicatedTableSpec } from '../../../../shared/domain/replicated-table';
import { TABLES, tableSpec } from '../../../../shared/domain/tables';
import en from '../../../../shared/i18n/en.json';
import kk from '../../../../shared/i18n/kk.json';
import ru from '../../../../shared/i18n/ru.json';
import { typedFieldValue } from '../../../../electron/core/exchange/typed-values';
import { REFERENCES, type ReplicatedTable } from '../../../../electron/core/replication/tables';
import { officeCore } from '../../../helpers/temp-db';

const tables = Object.entries(TABLES) as [ReplicatedTable, ReplicatedTableSpec][];

function lookup(bundle: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

/** For each kind a person types: a value the form takes, and one it refuses. */
const SAMPLES: Partial<Record<FieldKind, { good: string; bad: string }>> = {
  text: { good: 'Абай көшесі', bad: '<b>x</b>' },
  name: { good: 'Асқар', bad: '<b>x</b>' },
  email: { good: 'a@example.kz', bad: 'not an address' },
  date: { good: '2020-02-29', bad: '2021-02-29' },
  phone: { good: '8 701 234 56 78', bad: 'call me' },
  iin: { good: makeIin('1990-05-12', 'M', 123)!, bad: '123' },
  bin: { good: '123456789012', bad: '12' },
};

describe('the replicated-table registry', () => {
  it('declares every field the database holds for a table, and every reference it makes', () => {
    const core = officeCore();
    for (const [table, spec] of tables) {
      const columns = (core.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns, table).toEqual(expect.arrayContaining(Object.keys(spec.fields)));
      // Any column naming another record is a declared reference (merging re-points it) or, for
      // bookkeeping rows, a record of the table their `tbl` field names.
      for (const column of columns.filter((c) => c.endsWith('_id'))) {
        const kind = fieldOf(spec, column)?.kind;
        expect(kind === 'ref' || kind === 'record', `${table}.${column}`).toBe(true);
        if (kind === 'ref') expect(tableSpec(fieldOf(spec, column)!.ref!), `${table}.${column} → ${fieldOf(spec, column)!.ref}`).toBeDefined();
        if (kind === 'record') expect(fieldOf(spec, 'tbl')?.kind).toBe('table');
      }
      for (const f of [...(spec.pairId ?? []), ...(spec.labelRefs ?? [])]) expect(fieldOf(spec, f)?.kind, `${table} pair id or naming reference ${f}`).toBe('ref');
      for (const f of [...(spec.labelFields ?? []), ...Object.keys(spec.unique ?? {}), ...Object.keys(spec.erasure ?? {})]) expect(fieldOf(spec, f), `${table}.${f}`).toBeDefined();
      expect(Object.keys(spec.fields).at(-1)).toBe('deleted');
    }
    // Merging people carries their memberships along because the references are declared.
    expect(REFERENCES.memberships).toEqual({ organisation_id: 'organisations', volunteer_id: 'volunteers' });
  });

  it('labels every table and every field in Kazakh, Russian and English', () => {
    for (const [table, spec] of tables) {
      const keys = [spec.label, ...Object.values(spec.fields).map((f) => f.label), ...(spec.unnamed ? [spec.unnamed] : [])];
      for (const key of keys) {
        for (const [lang, bundle] of [['kk', kk], ['ru', ru], ['en', en]] as const) {
          const text = lookup(bundle, key);
          expect(typeof text === 'string' && text.trim() !== '', `${table}: ${key} in ${lang}`).toBe(true);
        }
      }
      for (const f of Object.values(spec.fields)) {
        if (f.vocab) expect(lookup(en, `vocab.${f.vocab}`), `${table} vocabulary ${f.vocab}`).toBeTypeOf('object');
      }
    }
  });

  it('checks a value typed to resolve a conflict by the field’s own rule, and takes none where there is no rule', () => {
    for (const [table, spec] of tables) {
      // The declared rule is the table's, keyed by its own fields.
      expect(spec.values === null || typeof spec.values === 'object', table).toBe(true);
      for (const field of Object.keys(spec.values?.shape ?? {})) {
        expect(Object.keys(spec.fields).map((f) => f.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase())), `${table} rule for ${field}`).toContain(field);
      }
      for (const [field, { kind, codes }] of Object.entries(spec.fields)) {
        if (kind === 'enum' || kind === 'list') {
          // A closed list's declared codes are the ones its rule takes.
          expect(codes?.length, `${table}.${field} codes`).toBeGreaterThan(0);
          if (typedValueRule(spec, field)) {
            for (const code of codes!) expect(() => typedFieldValue(table, field, kind === 'list' ? [code] : code), `${table}.${field} takes ${code}`).not.toThrow();
            expect(() => typedFieldValue(table, field, kind === 'list' ? ['nonsense'] : 'nonsense'), `${table}.${field} refuses nonsense`).toThrow(CallError);
          }
        }
        const sample = SAMPLES[kind];
        if (spec.values && sample) {
          expect(offersTypedValue(spec, field), `${table}.${field} offers a box`).toBe(true);
          expect(() => typedFieldValue(table, field, sample.good), `${table}.${field} takes ${sample.good}`).not.toThrow();
          expect(() => typedFieldValue(table, field, sample.bad), `${table}.${field} refuses ${sample.bad}`).toThrow(CallError);
        } else if (!typedValueRule(spec, field)) {
          expect(() => typedFieldValue(table, field, 'x'), `${table}.${field} takes no typed value`).toThrow(CallError);
        }
      }
    }
  });

});
