/**
 * The replicated tables and their replicated fields (SQL column names). A table joins replication
 * by being declared here: the write path stamps these fields, export and dump read them.
 * Local bookkeeping columns (seq, audit stamps) are not replicated fields.
 */
export const REPLICATED_TABLES = {
  volunteers: [
    'last_name', 'first_name', 'middle_name', 'last_name_latin', 'first_name_latin', 'iin', 'birth_date', 'sex',
    'phone', 'email', 'region', 'district', 'locality', 'languages', 'skills', 'driving_categories', 'areas',
    'availability', 'status', 'consent_date', 'consent_basis', 'guardian_name', 'guardian_phone',
    'guardian_consent_date', 'emergency_contact_name', 'emergency_contact_phone', 'notes', 'deleted',
  ],
  organisations: ['name', 'bin', 'type', 'region', 'contact_name', 'phone', 'email', 'notes', 'deleted'],
  memberships: ['organisation_id', 'volunteer_id', 'role', 'since', 'deleted'],
} as const satisfies Record<string, readonly string[]>;

export type ReplicatedTable = keyof typeof REPLICATED_TABLES;
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;
