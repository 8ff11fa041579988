import type { Db } from '../db/connection';
import { deleteAttachmentsOf } from '../attachments/store';
import { forgetRecordsInHistory } from '../exchange/history';
import { erasedValue } from '../../../shared/domain/replicated-table';
import { REPLICATED_TABLES, specOf, type Row } from '../replication/tables';
import { prepared } from '../db/statements';
import { forgetHistory } from '../replication/history';
import { updateReplicated, type WriteStamp } from '../replication/write';

/** Every replicated volunteer field as erasure leaves it (the table's declaration says how), and the tombstone flag. */
export function erasedVolunteer(): Row {
  const row: Row = {};
  for (const column of REPLICATED_TABLES.volunteers) row[column] = erasedValue(specOf('volunteers'), column);
  return { ...row, deleted: 1 };
}

/**
 * The record and every record merged into it (the same person registered twice keeps the
 * merged-away copy as a tombstone that still holds their data).
 */
function recordsOfPerson(db: Db, id: string): string[] {
  return prepared(
    db,
    `WITH RECURSIVE person(id) AS (
       SELECT ?
       UNION SELECT m.loser_id FROM merges m JOIN person p ON m.survivor_id = p.id WHERE m.tbl = 'volunteers'
     )
     SELECT id FROM person ORDER BY id`,
  ).pluck().all(id) as string[];
}

/**
 * Erasure: every record of the person becomes a tombstone without personal data (the blanking
 * replicates like any edit, and settles open conflicts on the record as "edited"), memberships
 * end, their documents are deleted with their content, the conflict log forgets the values and
 * names it kept about them (the rows stay, so the same conflict is not logged again), and so do
 * the exchange history's reports and the records' field-by-field history.
 * The search index's triggers remove the keys for real (migration 0006) and the connection's
 * secure_delete zeroes the freed space; the caller checkpoints the WAL after commit.
 */
export function erasePerson(stamp: WriteStamp, id: string): void {
  const { db } = stamp;
  const records = recordsOfPerson(db, id);
  for (const record of records) {
    updateReplicated(stamp, 'volunteers', record, erasedVolunteer());
    const memberships = prepared(db, 'SELECT id FROM memberships WHERE volunteer_id = ? AND deleted = 0').pluck().all(record) as string[];
    for (const m of memberships) updateReplicated(stamp, 'memberships', m, { deleted: 1 });
    // Certificates stay in the register (their short codes still verify) without the person's name.
    const certificates = prepared(db, 'SELECT id FROM certificates WHERE volunteer_id = ?').pluck().all(record) as string[];
    for (const c of certificates) updateReplicated(stamp, 'certificates', c, { holder_name: null, holder_latin: null, payload: null });
    // Their documents (a signed consent form is their data too) lose content and name everywhere.
    deleteAttachmentsOf(stamp, record);
    prepared(
      db,
      "UPDATE conflicts SET winner_value = NULL, loser_value = NULL, label = NULL WHERE tbl = 'volunteers' AND (row_id = ? OR merged_from = ?)",
    ).run(record, record);
  }
  forgetRecordsInHistory(db, records);
  forgetHistory(db, 'volunteers', records);
}

/**
 * Moves every page of the WAL into the database file and empties the WAL, so erased values do
 * not survive in old page images there. It cannot complete while another process reads; the
 * next checkpoint (every write's automatic one, and closing) finishes the job.
 */
export function checkpointAfterErasure(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}
