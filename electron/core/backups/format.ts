import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { backupCounts } from '../../../shared/contract/backups';
import { deriveScrypt, isSaneCost, type ScryptCost } from '../auth/passwords';
import { PASSPHRASE_COST } from '../office/key-protection';
import { backupError } from './errors';

/**
 * The backup file (`.erikti-backup`, format 1):
 *
 *   "ERIKTI BACKUP\n" | u32 header length | header (JSON) | chunk… | final chunk
 *   chunk = u32 plaintext length | AES-256-GCM ciphertext | 16-byte tag
 *
 * The plaintext is a SQLite database (a VACUUM INTO snapshot). The key is scrypt(backup password,
 * the header's salt); chunk i's nonce is the header's 8-byte prefix and i, and its additional data
 * binds the chunk to this header (its SHA-256), its index and whether it is the last one. So a
 * changed header, reordered, dropped or appended chunks, or a file cut short all fail to decrypt,
 * and a restore refuses them before anything changes. The last chunk is empty and marked final.
 *
 * The header is readable without the password: office, date, schema and counts, so the list of
 * backups says what each file is before anyone types anything. None of it is personal data; it is
 * authenticated with every chunk, so a forged header is caught as soon as the password is given.
 * `check` (an HMAC of a constant under the key) tells a wrong password from a damaged file.
 */
const MAGIC = Buffer.from('ERIKTI BACKUP\n', 'latin1');
const MAX_HEADER = 64 * 1024;
export const CHUNK_BYTES = 1024 * 1024;
const TAG = 16;
export const BACKUP_FORMAT = 1;
export const BACKUP_EXTENSION = '.erikti-backup';
const CHECK_LABEL = 'erikti-backup-password-check';

export type { BackupCounts } from '../../../shared/contract/backups';

const header = z.object({
  format: z.literal(BACKUP_FORMAT),
  office: z.object({ code: z.string(), name: z.string() }),
  createdAt: z.string(),
  schema: z.number().int(),
  counts: backupCounts,
  /** Plaintext bytes, to show a size and to bound what a restore will write. */
  size: z.number().int().nonnegative(),
  kdf: z.object({ N: z.number(), r: z.number(), p: z.number(), salt: z.string() }),
  nonce: z.string(),
  check: z.string(),
  /**
   * The office's key-encryption key, sealed under the backup key: a restore on another computer
   * re-protects it with that computer's key store, so the office's private keys survive the old one.
   */
  kek: z.string().nullable(),
});
export type BackupHeader = z.infer<typeof header>;
export type HeaderFacts = Pick<BackupHeader, 'office' | 'createdAt' | 'schema' | 'counts'>;

export function backupKey(password: string, salt: Buffer, cost: ScryptCost): Buffer {
  return deriveScrypt(password, salt, 32, cost);
}

const checkOf = (key: Buffer) => createHmac('sha256', key).update(CHECK_LABEL).digest().subarray(0, 16);
const KEK_AAD = 'erikti-backup-kek';

function aad(headerHash: Buffer, index: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(index, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([headerHash, tail]);
}

function nonce(prefix: Buffer, index: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(index, 8);
  return n;
}

function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset);
}

/** Reads exactly `length` bytes at `position`, or fewer only at the end of the file. */
function readAt(fd: number, length: number, position: number): Buffer {
  const buffer = Buffer.alloc(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, buffer, got, length - got, position + got);
    if (n === 0) break;
    got += n;
  }
  return buffer.subarray(0, got);
}

export interface EncryptOptions {
  password: string;
  facts: HeaderFacts;
  kek: Buffer | null;
  /** Tests only; backups are always stretched at PASSPHRASE_COST. */
  cost?: ScryptCost;
  onBytes?: (done: number, total: number) => void;
}

/** Encrypts the SQLite file `plainFile` into the open file `outFd`, chunk by chunk. */
export function encryptBackup(plainFile: string, outFd: number, options: EncryptOptions): void {
  const cost = options.cost ?? PASSPHRASE_COST;
  const salt = randomBytes(16);
  const key = backupKey(options.password, salt, cost);
  const prefix = randomBytes(8);
  const input = openSync(plainFile, 'r');
  try {
    const size = fstatSync(input).size;
    const kek = options.kek ? sealWith(key, options.kek, KEK_AAD).toString('base64') : null;
    const head: BackupHeader = {
      format: BACKUP_FORMAT,
      ...options.facts,
      size,
      kdf: { ...cost, salt: salt.toString('base64') },
      nonce: prefix.toString('base64'),
      check: checkOf(key).toString('base64'),
      kek,
    };
    const headBytes = Buffer.from(JSON.stringify(head), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headBytes.length);
    writeAll(outFd, Buffer.concat([MAGIC, length, headBytes]));
    const hash = headerHash(headBytes);
    let index = 0;
    let done = 0;
    for (;;) {
      const plain = readAt(input, CHUNK_BYTES, done);
      const final = plain.length === 0;
      const cipher = createCipheriv('aes-256-gcm', key, nonce(prefix, index));
      cipher.setAAD(aad(hash, index, final));
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(plain.length);
      writeAll(outFd, Buffer.concat([len, body, cipher.getAuthTag()]));
      if (final) break;
      done += plain.length;
      index += 1;
      options.onBytes?.(done, size);
    }
  } finally {
    closeSync(input);
  }
}

const headerHash = (headBytes: Buffer) => createHash('sha256').update(MAGIC).update(headBytes).digest();

function sealWith(key: Buffer, plain: Buffer, label: string): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(label));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function openWith(key: Buffer, sealed: Buffer, label: string): Buffer | null {
  if (sealed.length < 28) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(label));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  } catch {
    return null;
  }
}

interface ReadHeader {
  header: BackupHeader;
  bytes: Buffer;
  /** Where the first chunk starts. */
  bodyAt: number;
}

function readHeaderFd(fd: number): ReadHeader {
  const start = readAt(fd, MAGIC.length + 4, 0);
  if (start.length < MAGIC.length + 4 || !start.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw backupError('notBackup', 'This file is not an Erikti backup');
  }
  const length = start.readUInt32BE(MAGIC.length);
  if (length > MAX_HEADER) throw backupError('damaged', 'The backup’s header is damaged');
  const bytes = readAt(fd, length, MAGIC.length + 4);
  let json: unknown = null;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    // Reported below.
  }
  if ((json as { format?: unknown } | null)?.format !== undefined && (json as { format: unknown }).format !== BACKUP_FORMAT) {
    throw backupError('newerFormat', 'This backup was made by a newer version of Erikti');
  }
  const parsed = header.safeParse(json);
  if (bytes.length < length || !parsed.success) throw backupError('damaged', 'The backup’s header is damaged');
  return { header: parsed.data, bytes, bodyAt: MAGIC.length + 4 + length };
}

/** What a backup says of itself, without the password (not yet authenticated: see the file comment). */
export function readBackupHeader(file: string): BackupHeader {
  const fd = openSync(file, 'r');
  try {
    return readHeaderFd(fd).header;
  } finally {
    closeSync(fd);
  }
}

export interface Decrypted {
  header: BackupHeader;
  /** The office's key-encryption key the backup carried, or null. */
  kek: Buffer | null;
}

/**
 * Decrypts `file` into the open file `outFd`. Throws `wrongPassword` when the password is not the
 * one the backup was made with, `damaged` when any byte was changed, cut or added; the caller then
 * deletes what was written (nothing of it is trusted until this returns).
 */
export function decryptBackup(file: string, password: string, outFd: number, onBytes?: (done: number, total: number) => void): Decrypted {
  const fd = openSync(file, 'r');
  try {
    const { header: head, bytes, bodyAt } = readHeaderFd(fd);
    const cost = { N: head.kdf.N, r: head.kdf.r, p: head.kdf.p };
    if (!isSaneCost(cost)) throw backupError('damaged', 'The backup’s header is damaged');
    const key = backupKey(password, Buffer.from(head.kdf.salt, 'base64'), cost);
    const check = Buffer.from(head.check, 'base64');
    if (check.length !== 16 || !timingSafeEqual(check, checkOf(key))) throw backupError('wrongPassword', 'The backup password is wrong');
    const prefix = Buffer.from(head.nonce, 'base64');
    if (prefix.length !== 8) throw backupError('damaged', 'The backup’s header is damaged');
    const hash = headerHash(bytes);
    const fileSize = fstatSync(fd).size;
    let position = bodyAt;
    let written = 0;
    for (let index = 0; ; index += 1) {
      const lengthBytes = readAt(fd, 4, position);
      if (lengthBytes.length < 4) throw backupError('damaged', 'The backup is cut short');
      const length = lengthBytes.readUInt32BE(0);
      if (length > CHUNK_BYTES || written + length > head.size) throw backupError('damaged', 'The backup is damaged');
      const body = readAt(fd, length + TAG, position + 4);
      if (body.length < length + TAG) throw backupError('damaged', 'The backup is cut short');
      const final = length === 0;
      const decipher = createDecipheriv('aes-256-gcm', key, nonce(prefix, index), { authTagLength: TAG });
      decipher.setAAD(aad(hash, index, final));
      decipher.setAuthTag(body.subarray(length));
      let plain: Buffer;
      try {
        plain = Buffer.concat([decipher.update(body.subarray(0, length)), decipher.final()]);
      } catch {
        throw backupError('damaged', 'The backup is damaged or was altered');
      }
      position += 4 + length + TAG;
      if (final) break;
      writeAll(outFd, plain);
      written += plain.length;
      onBytes?.(written, head.size);
    }
    if (position !== fileSize || written !== head.size) throw backupError('damaged', 'The backup has bytes it should not');
    const kek = head.kek === null ? null : openWith(key, Buffer.from(head.kek, 'base64'), KEK_AAD);
    if (head.kek !== null && (!kek || kek.length !== 32)) throw backupError('damaged', 'The backup is damaged or was altered');
    return { header: head, kek };
  } finally {
    closeSync(fd);
  }
}
