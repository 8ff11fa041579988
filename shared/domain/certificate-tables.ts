import { CERTIFICATE_KINDS } from './certificates';
import { defineTable } from './replicated-table';

/**
 * The register of certificates (migration 0010): one record per certificate, its id the
 * certificate's number (unique across the country), so a number issued twice (two workstations
 * of one office offline) is one record in conflict, never two certificates. What was signed is
 * kept as it was (`payload`, `signature`), so a re-print is the same certificate. Revocation is a
 * change of the record; the issuing office (and the centre) may make it (exchange/authority.ts).
 * Erasing the holder blanks the names and the signed payload; the signature stays, so the short
 * code still verifies ("holder's data erased").
 */
export const certificatesTable = defineTable({
  label: 'exchange.table.certificates',
  labels: 'certificateField',
  fields: {
    office: { kind: 'region' },
    year: { kind: 'number' },
    serial: { kind: 'number' },
    kind: { kind: 'enum', vocab: 'certificateKind', codes: CERTIFICATE_KINDS },
    volunteer_id: { kind: 'ref', ref: 'volunteers' },
    holder_name: { kind: 'name' },
    holder_latin: { kind: 'name' },
    session_id: { kind: 'ref', ref: 'training_sessions' },
    // The program's title in kk / ru / en (JSON), as the certificate prints it.
    title: { kind: 'json' },
    period_from: { kind: 'date' },
    period_to: { kind: 'date' },
    hours: { kind: 'number' },
    events: { kind: 'number' },
    categories: { kind: 'json' },
    issued_on: { kind: 'date' },
    issued_by: { kind: 'text' },
    signatory: { kind: 'text' },
    signing_key: { kind: 'text' },
    payload: { kind: 'json' },
    signature: { kind: 'text' },
    revoked_at: { kind: 'text' },
    revoked_by: { kind: 'text' },
    revoke_reason: { kind: 'text' },
  },
  labelRefs: ['volunteer_id'],
  values: null,
  notFound: 'error.certificates.notFound',
});
