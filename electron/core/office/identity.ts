import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { CallError } from '../../../shared/contract/errors';
import type { Office } from '../../../shared/contract/session';
import { isOfficeCode, regionName } from '../../../shared/domain/regions';
import { writeTransaction, type Db } from '../db/connection';
import type { ReadDb } from '../db/read-only';
import { readMeta, writeMeta } from './meta';
import { writePrivateKey } from './private-keys';

/**
 * The office a database belongs to, and the keys it signs (Ed25519) and receives (X25519)
 * bundles with. Stored in `meta` (the private keys sealed, see private-keys.ts); never part of
 * replicated data or `dump`.
 */
export { readMeta, writeMeta };

export function readOffice(db: ReadDb): Office | null {
  const code = readMeta(db, 'office_code');
  if (!code) return null;
  return { code, name: readMeta(db, 'office_name') ?? code, dataProtectionOfficer: readMeta(db, 'office_dpo') || null };
}

/** Creates the office identity once: code, display name, replica id and key pairs (bundles, receiving, certificates). */
export function createOffice(db: Db, code: string, name?: string): Office {
  if (!isOfficeCode(code)) throw new CallError({ code: 'validation', key: 'error.region', params: { value: code } }, `Unknown office code ${code}`);
  const signing = generateKeyPairSync('ed25519');
  const agreement = generateKeyPairSync('x25519');
  const certificates = generateKeyPairSync('ed25519');
  const pem = (key: { export(o: { type: 'pkcs8' | 'spki'; format: 'pem' }): string | Buffer }, type: 'pkcs8' | 'spki') =>
    key.export({ type, format: 'pem' }).toString();
  writeTransaction(db, () => {
    // Checked under the write lock: two processes initialising one file cannot both succeed.
    if (readOffice(db)) throw new CallError({ code: 'conflict', key: 'error.officeExists' }, 'This database already belongs to an office');
    writeMeta(db, 'office_code', code);
    writeMeta(db, 'office_name', name?.trim() || regionName(code, 'ru'));
    // Distinguishes workstations of one office in clock stamps; random, so two installs never collide.
    writeMeta(db, 'replica_id', `${code}~${randomBytes(4).toString('hex')}`);
    writeMeta(db, 'sign_public', pem(signing.publicKey, 'spki'));
    writePrivateKey(db, 'sign_private', pem(signing.privateKey, 'pkcs8'));
    writeMeta(db, 'box_public', pem(agreement.publicKey, 'spki'));
    writePrivateKey(db, 'box_private', pem(agreement.privateKey, 'pkcs8'));
    // The certificate key (certificates/keys.ts), apart from the bundle key so either can be replaced alone.
    const der = certificates.publicKey.export({ format: 'der', type: 'spki' });
    writeMeta(db, 'cert_public', der.subarray(der.length - 32).toString('base64'));
    // Valid from its first use (certificates/keys.ts announces it then, on the office's own clock).
    writePrivateKey(db, 'cert_private', pem(certificates.privateKey, 'pkcs8'));
  });
  return readOffice(db)!;
}

export function replicaId(db: ReadDb): string {
  return readMeta(db, 'replica_id') ?? 'unset';
}
