import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CallError } from '../../../shared/contract/errors';
import { deriveScrypt, isSaneCost, type ScryptCost } from '../auth/passwords';

/**
 * What keeps the office's private keys unreadable in a copy of the database: the runtime supplies
 * a protector (the desktop app: the operating system's key store through Electron's safeStorage;
 * the command line and the web host: an administrator's passphrase). The core never learns which
 * key store it is beyond `kind`, which only chooses the message when the wrong one is offered.
 */
export interface KeyProtector {
  readonly kind: 'os' | 'passphrase';
  protect(data: Uint8Array): Uint8Array;
  /** Throws when the data was not protected by this protector (a wrong passphrase, another computer). */
  unprotect(data: Uint8Array): Uint8Array;
}

export type PrivateKeysProblem = 'locked' | 'wrongPassphrase' | 'needsPassphrase' | 'needsSystemStore' | 'systemStoreFailed' | 'weakPassphrase';

export function privateKeysError(kind: PrivateKeysProblem, message: string): CallError {
  return new CallError({ code: kind === 'weakPassphrase' ? 'validation' : 'unavailable', key: `error.privateKeys.${kind}` }, message);
}

/** Every key above, for the i18n check (the keys are built, so a scan for literals cannot find them). */
export const PRIVATE_KEYS_ERROR_KEYS: readonly string[] = (
  ['locked', 'wrongPassphrase', 'needsPassphrase', 'needsSystemStore', 'systemStoreFailed', 'weakPassphrase'] satisfies PrivateKeysProblem[]
).map((kind) => `error.privateKeys.${kind}`);

/** AES-256-GCM with a 12-byte nonce and a 16-byte tag, laid out nonce | tag | ciphertext. */
export function seal(key: Uint8Array, plain: Uint8Array, aad: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The plaintext, or null when the key is wrong or the data was altered. */
export function open(key: Uint8Array, sealed: Uint8Array, aad: string): Buffer | null {
  if (sealed.length < 28) return null;
  const data = Buffer.from(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

/** The passphrase is stretched like a password (OWASP's scrypt minimum); it guards every office key. */
export const PASSPHRASE_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
export const MIN_PASSPHRASE_LENGTH = 10;
const PASSPHRASE_AAD = 'erikti-passphrase-v1';

/**
 * A protector from an administrator's passphrase: scrypt (salt and cost stored with the result)
 * derives the key that seals the data. Derived keys are remembered per salt, so a long-running
 * host pays the half-second once. `cost` is for tests; the runtime always uses the default.
 */
export function passphraseProtector(passphrase: string, cost: ScryptCost = PASSPHRASE_COST): KeyProtector {
  const derived = new Map<string, Buffer>();
  const keyFor = (salt: Buffer, c: ScryptCost) => {
    const id = `${salt.toString('hex')}/${c.N}/${c.r}/${c.p}`;
    let key = derived.get(id);
    if (!key) derived.set(id, (key = deriveScrypt(passphrase, salt, 32, c)));
    return key;
  };
  return {
    kind: 'passphrase',
    protect(data) {
      if ([...passphrase].length < MIN_PASSPHRASE_LENGTH) {
        throw privateKeysError('weakPassphrase', `The passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
      }
      const salt = randomBytes(16);
      const head = Buffer.alloc(9);
      head.writeUInt32BE(cost.N, 0);
      head.writeUInt32BE(cost.r, 4);
      head.writeUInt8(cost.p, 8);
      return Buffer.concat([head, salt, seal(keyFor(salt, cost), data, PASSPHRASE_AAD)]);
    },
    unprotect(data) {
      const bytes = Buffer.from(data);
      const c = bytes.length > 25 ? { N: bytes.readUInt32BE(0), r: bytes.readUInt32BE(4), p: bytes.readUInt8(8) } : null;
      const plain = c && isSaneCost(c) ? open(keyFor(bytes.subarray(9, 25), c), bytes.subarray(25), PASSPHRASE_AAD) : null;
      if (!plain) throw privateKeysError('wrongPassphrase', 'The passphrase does not open this office’s private keys');
      return plain;
    },
  };
}
