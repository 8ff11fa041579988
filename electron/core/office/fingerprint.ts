import { createHash, createPublicKey, type KeyObject } from 'node:crypto';
import { keysError } from './errors';

/**
 * The fingerprint of an office key: SHA-256 over a version tag, the key's label (office code and
 * workstation, i.e. replica id) and both raw public keys; first 20 bytes, ten groups of four hex
 * digits. Binding the label means a key file relabelled as another office or workstation no
 * longer matches the fingerprint read over the phone. The display name is not bound: an office
 * may rename itself without every other office having to trust it again.
 *
 * Pure (no database), so the migration that moved existing trust lists to this fingerprint can
 * use it too.
 */
const FINGERPRINT_TAG = 'erikti-key-v2\u0000';

export function rawPublicKey(pem: string, type: 'ed25519' | 'x25519'): Buffer {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw keysError('invalidFile', 'The public key is not readable');
  }
  if (key.asymmetricKeyType !== type) throw keysError('invalidFile', `Expected an ${type} public key`);
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(der.length - 32);
}

export function fingerprintOf(label: { office: string; replica: string }, signPem: string, boxPem: string): string {
  const digest = createHash('sha256')
    .update(`${FINGERPRINT_TAG}${label.office}\u0000${label.replica}\u0000`)
    .update(rawPublicKey(signPem, 'ed25519'))
    .update(rawPublicKey(boxPem, 'x25519'))
    .digest('hex');
  return (digest.slice(0, 40).toUpperCase().match(/.{4}/g) ?? []).join(' ');
}
