import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintOf } from '../../../../../electron/core/office/fingerprint';
import { applyMigration } from '../../../../helpers/old-database';
import { columnsOf, databaseBefore, indexesOf, tableNames } from './schema';

const pem = (key: { export(o: { type: 'spki'; format: 'pem' }): string | Buffer }) => key.export({ type: 'spki', format: 'pem' }).toString();
const officeKeys = () => ({ sign: pem(generateKeyPairSync('ed25519').publicKey), box: pem(generateKeyPairSync('x25519').publicKey) });

describe('migration 0004 key-lifecycle', () => {
  it('re-fingerprints trusted keys by the label they were trusted under, keeping who added them, once per key', () => {
    const db = databaseBefore('key-lifecycle');
    const almaty = officeKeys();
    const astana = officeKeys();
    const trust = db.prepare(
      `INSERT INTO trusted_keys (fingerprint, office, replica, name, sign_public, box_public, source, added_at, added_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00Z', ?)`,
    );
    trust.run('OLD-1', 'KZ-75', 'r-almaty', 'Алматы', almaty.sign, almaty.box, 'administrator', 'admin@KZ-71');
    // The same key under the old fingerprint scheme twice (trusted by hand, then from the centre's list).
    trust.run('OLD-2', 'KZ-75', 'r-almaty', 'Алматы (list)', almaty.sign, almaty.box, 'centre', 'centre');
    trust.run('OLD-3', 'KZ-71', 'r-astana', 'Астана', astana.sign, astana.box, 'centre', 'centre');
    applyMigration(db, 'key-lifecycle');

    const rows = db.prepare('SELECT fingerprint, office, name, source, status, valid_from, revoked_at, added_by FROM trusted_keys ORDER BY office').all();
    expect(rows).toEqual([
      {
        fingerprint: fingerprintOf({ office: 'KZ-71', replica: 'r-astana' }, astana.sign, astana.box),
        office: 'KZ-71', name: 'Астана', source: 'centre', status: 'active', valid_from: null, revoked_at: null, added_by: 'centre',
      },
      {
        fingerprint: fingerprintOf({ office: 'KZ-75', replica: 'r-almaty' }, almaty.sign, almaty.box),
        office: 'KZ-75', name: 'Алматы', source: 'administrator', status: 'active', valid_from: null, revoked_at: null, added_by: 'admin@KZ-71',
      },
    ]);
    db.close();
  });

  it('adds key statements and removals, and the new key status is checked', () => {
    const db = databaseBefore('key-lifecycle');
    applyMigration(db, 'key-lifecycle');
    expect(tableNames(db)).toEqual(expect.arrayContaining(['key_statements', 'key_removals', 'trusted_keys']));
    expect(tableNames(db)).not.toContain('trusted_keys_v2');
    expect(indexesOf(db, 'trusted_keys')).toEqual(['trusted_keys_office']);
    expect(columnsOf(db, 'key_statements')).toEqual(['subject', 'kind', 'office', 'at', 'statement', 'learned_at']);
    const keys = officeKeys();
    expect(() =>
      db.prepare(
        `INSERT INTO trusted_keys (fingerprint, office, replica, name, sign_public, box_public, source, status, added_at, added_by)
         VALUES ('F', 'KZ-75', 'r', 'n', ?, ?, 'centre', 'maybe', 'now', 'me')`,
      ).run(keys.sign, keys.box),
    ).toThrow(/CHECK/);
    db.close();
  });
});
