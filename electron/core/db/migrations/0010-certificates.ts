import { createReplicatedTable, type Migration } from './migration';

/**
 * Certificates (issue 13): the replicated register (declared in shared/domain/certificate-tables.ts;
 * the id is the certificate's number) and, office-local like the trust list, the statements about
 * certificate keys: an office's own ("this is my certificate key", signed with its bundle key)
 * and the centre's ("this key signs certificates for office X from … until …"), kept to be relayed
 * in every bundle and to verify certificates offline.
 */
export const certificates: Migration = {
  name: 'certificates',
  up(db) {
    db.exec(`
      ${createReplicatedTable('certificates', [
        'office TEXT', 'year INTEGER', 'serial INTEGER', 'kind TEXT', 'volunteer_id TEXT', 'holder_name TEXT', 'holder_latin TEXT', 'session_id TEXT',
        'title TEXT', 'period_from TEXT', 'period_to TEXT', 'hours REAL', 'events INTEGER', 'categories TEXT', 'issued_on TEXT', 'issued_by TEXT',
        'signatory TEXT', 'signing_key TEXT', 'payload TEXT', 'signature TEXT', 'revoked_at TEXT', 'revoked_by TEXT', 'revoke_reason TEXT',
      ])}
      -- Serials per office and year; a certificate already issued for the same thing is found again.
      CREATE INDEX certificates_serial ON certificates (office, year, serial);
      CREATE INDEX certificates_volunteer ON certificates (volunteer_id);
      CREATE INDEX certificates_session ON certificates (session_id);

      CREATE TABLE certificate_key_statements (
        key_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('self', 'vouch')),
        signer TEXT NOT NULL,
        valid_until TEXT NOT NULL, -- '' while open-ended
        office TEXT NOT NULL,
        statement TEXT NOT NULL,
        learned_at TEXT NOT NULL,
        PRIMARY KEY (key_id, kind, signer, valid_until)
      ) WITHOUT ROWID;
    `);
  },
};
