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
  /** "This record is the same as that one": loser → survivor, so every office converges on one record. */
  merges: ['tbl', 'loser_id', 'survivor_id', 'survivor_before', 'deleted'],
  /** A coordinator's decision that two likely duplicates are different people. */
  distinct_pairs: ['tbl', 'a_id', 'b_id', 'deleted'],
  // --- Trainings (migration 0008): the centre's national kinds and programs reach every region.
  qualification_kinds: ['name_kk', 'name_ru', 'name_en', 'validity_months', 'grace_months', 'office', 'deleted'],
  programs: [
    'title_kk', 'title_ru', 'title_en', 'hours', 'pass_mark', 'grants_kind_id', 'prerequisite_kind_id', 'min_age', 'description',
    'office', 'deleted',
  ],
  training_sessions: ['program_id', 'start_date', 'end_date', 'place', 'trainers', 'capacity', 'status', 'office', 'deleted'],
  /** A coordinator's reopening of a closed session, kept as the record of it. */
  training_reopenings: ['session_id', 'reason', 'reopened_at', 'reopened_by', 'deleted'],
  /** `enrolled_at`: the clock stamp of the (latest) enrolment; withdrawal is `deleted`. */
  enrolments: ['session_id', 'volunteer_id', 'enrolled_at', 'attendance', 'result', 'score', 'deleted'],
  /** `source_id`: the session of a pass, or a random id for one recorded by hand. */
  qualifications: ['source_id', 'volunteer_id', 'kind_id', 'session_id', 'valid_from', 'valid_until', 'grace_until', 'note', 'deleted'],
} as const satisfies Record<string, readonly string[]>;

export type ReplicatedTable = keyof typeof REPLICATED_TABLES;
export type SqlValue = string | number | null;
export type Row = Record<string, SqlValue>;

export const REPLICATED_TABLE_NAMES = Object.keys(REPLICATED_TABLES) as ReplicatedTable[];

export function isReplicatedTable(name: string): name is ReplicatedTable {
  return Object.prototype.hasOwnProperty.call(REPLICATED_TABLES, name);
}

/**
 * Columns that name a record of another replicated table. When a record is merged into another,
 * live references to the merged-away id are re-pointed at the survivor (generic over tables).
 */
export const REFERENCES: Partial<Record<ReplicatedTable, Record<string, ReplicatedTable>>> = {
  memberships: { organisation_id: 'organisations', volunteer_id: 'volunteers' },
  // Trainings: a merged person carries their enrolments and qualifications.
  enrolments: { volunteer_id: 'volunteers' },
  qualifications: { volunteer_id: 'volunteers' },
};

/**
 * Tables whose id is derived from referenced ids (`${a}:${b}`), so the same pair added at two
 * offices is one record. Re-pointing such a row makes (or revives) the new pair and ends the old.
 */
export const PAIR_IDS: Partial<Record<ReplicatedTable, readonly string[]>> = {
  memberships: ['organisation_id', 'volunteer_id'],
  // Trainings: the same enrolment, or the same pass, entered at two offices is one record.
  enrolments: ['session_id', 'volunteer_id'],
  qualifications: ['source_id', 'volunteer_id'],
};

/** Tables whose records can be merged as "the same thing registered twice". */
export const MERGEABLE: readonly ReplicatedTable[] = ['volunteers', 'organisations'];

/** The fields that name a record to a person (conflict and merge lists show them). */
export const LABEL_FIELDS: Partial<Record<ReplicatedTable, readonly string[]>> = {
  volunteers: ['last_name', 'first_name', 'middle_name'],
  organisations: ['name'],
};

/** A record's name from its values, or null when it has none (an erased person). */
export function labelOf(table: ReplicatedTable, values: Partial<Row>): string | null {
  const fields = LABEL_FIELDS[table];
  if (!fields) return null;
  const text = fields.map((f) => values[f]).filter((v) => typeof v === 'string' && v !== '').join(' ').trim();
  return text || null;
}

/** A field holds nothing: no value, an empty text or an empty list. */
export function isEmptyValue(value: SqlValue | undefined): boolean {
  return value === null || value === undefined || value === '' || value === '[]';
}

/** The value an empty field holds (lists are stored as JSON arrays). */
export function emptyValueOf(table: ReplicatedTable, field: string): SqlValue {
  return table === 'volunteers' && ['languages', 'skills', 'driving_categories', 'areas'].includes(field) ? '[]' : null;
}
