import { defineTable } from './replicated-table';

/** "This record is the same as that one": loser → survivor, so every office converges on one record. */
export const mergesTable = defineTable({
  label: 'exchange.table.merges',
  labels: 'exchange.field',
  fields: {
    tbl: { kind: 'table' },
    loser_id: { kind: 'record' },
    survivor_id: { kind: 'record' },
    survivor_before: { kind: 'json' },
  },
  values: null,
});

/** A coordinator's decision that two likely duplicates are different people. */
export const distinctPairsTable = defineTable({
  label: 'exchange.table.distinctPairs',
  labels: 'exchange.field',
  fields: {
    tbl: { kind: 'table' },
    a_id: { kind: 'record' },
    b_id: { kind: 'record' },
  },
  values: null,
});
