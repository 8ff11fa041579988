import { z } from 'zod';
import { organisationInput } from './organisation';
import { defineTable } from './replicated-table';
import { isoDate, text } from './text';
import { ORGANISATION_TYPES } from './vocabulary';

/** Organisations as a replicated table: merged when the same one was registered twice. */
export const organisationsTable = defineTable({
  label: 'exchange.table.organisations',
  history: true,
  labels: 'organisation',
  fields: {
    name: { kind: 'text' },
    bin: { kind: 'bin' },
    type: { kind: 'enum', vocab: 'orgType', codes: ORGANISATION_TYPES },
    region: { kind: 'region' },
    contact_name: { kind: 'text' },
    phone: { kind: 'phone' },
    email: { kind: 'email' },
    notes: { kind: 'text' },
  },
  labelFields: ['name'],
  mergeable: true,
  values: organisationInput.partial(),
  notFound: 'error.organisationNotFound',
  screen: 'organisation',
});

/** A volunteer's membership of an organisation: one record per pair, whichever office adds it. */
export const membershipsTable = defineTable({
  label: 'exchange.table.memberships',
  labels: 'organisation',
  fields: {
    organisation_id: { kind: 'ref', ref: 'organisations', label: 'volunteer.organisation' },
    volunteer_id: { kind: 'ref', ref: 'volunteers', label: 'organisation.member' },
    role: { kind: 'text' },
    since: { kind: 'date' },
  },
  pairId: ['organisation_id', 'volunteer_id'],
  labelRefs: ['volunteer_id', 'organisation_id'],
  values: z.strictObject({ role: text(100).nullable(), since: isoDate.nullable() }).partial(),
});
