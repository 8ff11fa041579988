import {
  createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify,
  type Hash,
} from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { bundleError } from './errors';
import { rawPublicKey } from '../office/fingerprint';
import { statementSchema } from '../office/trust';
import { noProgress, type Progress } from '../progress';

/**
 * The bundle file. Everything is read with bounds checked first; nothing in it names a path.
 *
 *   0   8 bytes  magic "ERIKTI\0B"
 *   8   u16 BE   format version
 *   10  u16 BE   reserved (0)
 *   12  payload: chunks, each u32 BE length + bytes. A chunk is a block of whole NDJSON lines,
 *       compressed with raw deflate and, when encrypted, sealed with AES-256-GCM under a random
 *       content key (nonce = chunk index, last-chunk flag), so chunks cannot be reordered,
 *       dropped or cut short.
 *   …   header: JSON (manifest: versions, sender, recipient, clock range, counts, sizes,
 *       SHA-256 of the payload as stored, the key statements the sender knows, the content key
 *       wrapped to each recipient key with X25519 + HKDF-SHA256 + AES-256-GCM from an ephemeral
 *       key, bound to the sender's fingerprint). No hash of the plaintext: AES-GCM already
 *       authenticates every chunk, and a hash in the clear would let anyone test a guess.
 *   …   u32 BE   header length
 *   …   64 bytes Ed25519 signature of the sender over "erikti-bundle\0" + the first 12 bytes + header
 *   end 8 bytes  magic "ERIKTI\0E"   (its absence means the file was cut short)
 */
export const FORMAT_VERSION = 2;
/**
 * Format 1 is no longer read: its key wrap did not name the sender (another trusted office could
 * re-sign an intercepted bundle as its own) and its header held a plaintext hash in the clear.
 */
export const OLDEST_READABLE_FORMAT = 2;
const MAGIC = Buffer.from('ERIKTI\u0000B', 'latin1');
const END = Buffer.from('ERIKTI\u0000E', 'latin1');
const PREFIX = 12;
const TRAILER = 4 + 64 + END.length;
const SIGN_DOMAIN = Buffer.from('erikti-bundle\u0000', 'latin1');
const WRAP_INFO = 'erikti-bundle-v2 content key';
const WRAPPED_KEY_BYTES = 32 + 16;
export const CHUNK_PLAIN_BYTES = 4 * 1024 * 1024;

export interface BundleLimits {
  /** Largest bundle file accepted. */
  maxFileBytes: number;
  /** Largest total of decompressed lines. */
  maxPlainBytes: number;
  /** Largest decompressed-to-compressed ratio (a decompression bomb has thousands). */
  maxRatio: number;
  /** Largest header. */
  maxHeaderBytes: number;
}

export const DEFAULT_LIMITS: BundleLimits = {
  maxFileBytes: 2 * 1024 ** 3,
  maxPlainBytes: 16 * 1024 ** 3,
  maxRatio: 100,
  maxHeaderBytes: 1024 * 1024,
};

const stamp = z.string().regex(/^\d{13}\.[0-9a-f]{6}\.[A-Za-z0-9~_-]{1,60}$/);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const headerSchema = z.object({
  format: z.number().int(),
  schema: z.number().int().min(1),
  app: z.string().max(40),
  id: z.string().min(1).max(80),
  createdAt: z.string().max(40),
  sender: z.object({ office: z.string().max(10), replica: z.string().max(80), name: z.string().max(300), fingerprint: z.string().max(80) }),
  recipient: z.object({ office: z.string().max(10), fingerprints: z.array(z.string().max(80)).max(64) }),
  encryption: z
    .object({
      alg: z.literal('x25519-hkdf-sha256-aes-256-gcm'),
      keys: z.array(z.object({ fingerprint: z.string().max(80), epk: z.string().max(100), salt: z.string().max(100), wrapped: z.string().max(200) })).min(1).max(64),
    })
    .nullable(),
  compression: z.literal('deflate-raw'),
  full: z.boolean(),
  since: z.number().int().min(0),
  upTo: z.number().int().min(0),
  acks: z.record(z.string().max(80), z.object({ received: z.number().int().min(0), gap: z.boolean() })),
  hlc: z.object({ min: stamp.nullable(), max: stamp.nullable() }),
  counts: z.record(z.string().max(60), z.number().int().min(0)),
  rows: z.number().int().min(0),
  trust: z.number().int().min(0),
  statements: z.array(statementSchema).max(1000),
  /**
   * Statements about certificate keys (certificates/keys.ts), each checked on its own when
   * applied. Optional: bundles from before certificates have none, and older apps ignore it.
   */
  certificateKeys: z.array(z.unknown()).max(5000).optional(),
  chunks: z.number().int().min(1),
  plainBytes: z.number().int().min(0),
  payloadBytes: z.number().int().min(0),
  payloadSha256: hex64,
});
export type BundleHeader = z.infer<typeof headerSchema>;

/** What the writer fills in itself; the rest (the manifest) comes from the caller. */
type Computed = 'format' | 'chunks' | 'plainBytes' | 'payloadBytes' | 'payloadSha256' | 'encryption';
export type Manifest = Omit<BundleHeader, Computed>;

export interface Sink {
  write(bytes: Buffer): void;
}

export interface RecipientKey {
  fingerprint: string;
  box: string; // X25519 SPKI PEM
}

const nonceFor = (index: number, last: boolean) => {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 5, 6);
  nonce[11] = last ? 1 : 0;
  return nonce;
};

/** The key-encryption key: HKDF over the X25519 secret, bound to the ephemeral key, the recipient and the sender. */
function kekFor(shared: Buffer, salt: Buffer, epk: Buffer, recipientFingerprint: string, senderFingerprint: string): Buffer {
  const info = Buffer.concat([Buffer.from(WRAP_INFO), epk, Buffer.from(`\u0000${recipientFingerprint}\u0000${senderFingerprint}`)]);
  return Buffer.from(hkdfSync('sha256', shared, salt, info, 32));
}

function wrapKey(contentKey: Buffer, recipient: RecipientKey, bundleId: string, senderFingerprint: string) {
  const eph = generateKeyPairSync('x25519');
  const shared = diffieHellman({ privateKey: eph.privateKey, publicKey: createPublicKey(recipient.box) });
  const salt = randomBytes(16);
  const epk = rawPublicKey(eph.publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'x25519');
  const kek = kekFor(shared, salt, epk, recipient.fingerprint, senderFingerprint);
  const cipher = createCipheriv('aes-256-gcm', kek, Buffer.alloc(12), { authTagLength: 16 });
  cipher.setAAD(Buffer.from(bundleId));
  const wrapped = Buffer.concat([cipher.update(contentKey), cipher.final(), cipher.getAuthTag()]);
  return { fingerprint: recipient.fingerprint, epk: epk.toString('base64'), salt: salt.toString('base64'), wrapped: wrapped.toString('base64') };
}

/**
 * Opens the content key. The header's signature is already verified, so a wrap that does not open
 * was not made by the signer for this recipient: a bundle re-signed by another office.
 */
function unwrapKey(entry: { epk: string; salt: string; wrapped: string; fingerprint: string }, boxPrivatePem: string, bundleId: string, senderFingerprint: string): Buffer {
  const wrapped = Buffer.from(entry.wrapped, 'base64');
  const epkRaw = Buffer.from(entry.epk, 'base64');
  if (wrapped.length !== WRAPPED_KEY_BYTES || epkRaw.length !== 32) throw bundleError('corrupt', 'The bundle’s key for this office is malformed');
  try {
    // SPKI DER for X25519: fixed 12-byte prefix + the raw key.
    const epk = createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), epkRaw]), format: 'der', type: 'spki' });
    const shared = diffieHellman({ privateKey: createPrivateKey(boxPrivatePem), publicKey: epk });
    const kek = kekFor(shared, Buffer.from(entry.salt, 'base64'), epkRaw, entry.fingerprint, senderFingerprint);
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.alloc(12), { authTagLength: 16 });
    decipher.setAAD(Buffer.from(bundleId));
    decipher.setAuthTag(wrapped.subarray(32));
    return Buffer.concat([decipher.update(wrapped.subarray(0, 32)), decipher.final()]);
  } catch {
    throw bundleError('resigned', 'The bundle’s content key was not sealed by the office that signed it: it looks re-signed from another office’s bundle');
  }
}

/**
 * Writes a bundle to a sink, streaming: lines are buffered into chunks of at most
 * CHUNK_PLAIN_BYTES, each compressed (and sealed) and written as soon as it is full.
 */
export class BundleWriter {
  private pending: string[] = [];
  private pendingBytes = 0;
  private index = 0;
  private readonly payloadHash = createHash('sha256');
  private plainBytes = 0;
  private payloadBytes = 0;
  private readonly contentKey: Buffer | null;
  private readonly prefix: Buffer;

  constructor(
    private readonly sink: Sink,
    private readonly options: {
      bundleId: string;
      signPrivate: string;
      senderFingerprint: string;
      recipients: RecipientKey[] | null;
      formatVersion?: number;
      level?: number;
    },
  ) {
    this.contentKey = options.recipients ? randomBytes(32) : null;
    this.prefix = Buffer.alloc(PREFIX);
    MAGIC.copy(this.prefix, 0);
    this.prefix.writeUInt16BE(options.formatVersion ?? FORMAT_VERSION, 8);
    sink.write(this.prefix);
  }

  line(value: unknown): void {
    this.raw(`${JSON.stringify(value)}\n`);
  }

  /** Appends text that must be whole lines (tests use it to craft hostile payloads). */
  raw(text: string): void {
    this.pending.push(text);
    this.pendingBytes += text.length; // a lower bound of the UTF-8 size; good enough for chunking
    if (this.pendingBytes >= CHUNK_PLAIN_BYTES) this.flush(false);
  }

  private flush(last: boolean): void {
    const plain = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingBytes = 0;
    this.plainBytes += plain.length;
    let body = deflateRawSync(plain, { level: this.options.level ?? 6 });
    if (this.contentKey) {
      const cipher = createCipheriv('aes-256-gcm', this.contentKey, nonceFor(this.index, last));
      body = Buffer.concat([cipher.update(body), cipher.final(), cipher.getAuthTag()]);
    }
    const frame = Buffer.alloc(4);
    frame.writeUInt32BE(body.length, 0);
    for (const part of [frame, body]) {
      this.payloadHash.update(part);
      this.payloadBytes += part.length;
      this.sink.write(part);
    }
    this.index++;
  }

  /** Ends the payload and writes the signed header. */
  finish(manifest: Manifest): BundleHeader {
    this.flush(true);
    const header: BundleHeader = {
      ...manifest,
      format: this.options.formatVersion ?? FORMAT_VERSION,
      encryption: this.contentKey
        ? { alg: 'x25519-hkdf-sha256-aes-256-gcm', keys: this.options.recipients!.map((r) => wrapKey(this.contentKey!, r, manifest.id, this.options.senderFingerprint)) }
        : null,
      chunks: this.index,
      plainBytes: this.plainBytes,
      payloadBytes: this.payloadBytes,
      payloadSha256: this.payloadHash.digest('hex'),
    };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length, 0);
    const signature = sign(null, Buffer.concat([SIGN_DOMAIN, this.prefix, headerBytes]), createPrivateKey(this.options.signPrivate));
    this.sink.write(headerBytes);
    this.sink.write(length);
    this.sink.write(signature);
    this.sink.write(END);
    return header;
  }
}

/** Random access to the bundle's bytes: a file read piece by piece, or bytes in memory. */
export interface Source {
  size: number;
  read(position: number, length: number): Buffer;
  close(): void;
}

export function bytesSource(bytes: Buffer): Source {
  return { size: bytes.length, read: (position, length) => bytes.subarray(position, position + length), close: () => undefined };
}

export function fileSource(file: string): Source {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    throw bundleError('unreadable', `Cannot read the bundle file: ${(error as Error).message}`);
  }
  const size = fstatSync(fd).size;
  return {
    size,
    read(position, length) {
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = readSync(fd, buffer, done, length - done, position + done);
        if (n === 0) break;
        done += n;
      }
      return done === length ? buffer : buffer.subarray(0, done);
    },
    close: () => closeSync(fd),
  };
}

export interface Envelope {
  header: BundleHeader;
  prefix: Buffer;
  headerBytes: Buffer;
  signature: Buffer;
  payloadStart: number;
  payloadEnd: number;
}

/**
 * Reads the frame of a bundle and its header, checking every length before trusting it.
 * Refuses: not a bundle, a newer format, cut short, oversized, a malformed header.
 */
export function readEnvelope(source: Source, limits: BundleLimits = DEFAULT_LIMITS): Envelope {
  if (source.size > limits.maxFileBytes) {
    throw bundleError('tooLarge', `The bundle is larger than the ${limits.maxFileBytes}-byte limit`, { limit: limits.maxFileBytes });
  }
  const prefix = source.read(0, PREFIX);
  if (prefix.length < MAGIC.length || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (prefix.length < MAGIC.length && MAGIC.subarray(0, prefix.length).equals(prefix)) throw bundleError('truncated', 'The bundle file is cut short');
    throw bundleError('notBundle', 'This file is not an Erikti bundle');
  }
  if (prefix.length < PREFIX) throw bundleError('truncated', 'The bundle file is cut short');
  const version = prefix.readUInt16BE(8);
  if (version > FORMAT_VERSION) {
    throw bundleError('newerFormat', `The bundle was written in format ${version}; this Erikti reads up to ${FORMAT_VERSION}. Update Erikti.`, {
      found: version,
      supported: FORMAT_VERSION,
    });
  }
  if (version < 1) throw bundleError('corrupt', 'The bundle’s format version is invalid');
  if (version < OLDEST_READABLE_FORMAT) {
    throw bundleError('olderFormat', `The bundle was written in format ${version}, which this Erikti no longer reads: ask the office to export it again`, {
      found: version,
      supported: OLDEST_READABLE_FORMAT,
    });
  }
  if (source.size < PREFIX + TRAILER || !source.read(source.size - END.length, END.length).equals(END)) {
    throw bundleError('truncated', 'The bundle file is cut short (its end marker is missing)');
  }
  const trailer = source.read(source.size - TRAILER, TRAILER);
  const headerLength = trailer.readUInt32BE(0);
  const signature = trailer.subarray(4, 68);
  const headerStart = source.size - TRAILER - headerLength;
  if (headerLength > limits.maxHeaderBytes || headerStart < PREFIX) throw bundleError('corrupt', 'The bundle’s header length is invalid');
  const headerBytes = source.read(headerStart, headerLength);
  let header: BundleHeader;
  try {
    const parsed = headerSchema.safeParse(JSON.parse(headerBytes.toString('utf8')));
    if (!parsed.success) throw new Error('schema');
    header = parsed.data;
  } catch {
    throw bundleError('corrupt', 'The bundle’s header is damaged');
  }
  if (header.format !== version) throw bundleError('corrupt', 'The bundle’s format version disagrees with its header');
  if (header.payloadBytes !== headerStart - PREFIX) throw bundleError('truncated', 'The bundle’s payload is not the size its header states');
  if (header.plainBytes > limits.maxPlainBytes) {
    throw bundleError('tooLarge', `The bundle would unpack to more than ${limits.maxPlainBytes} bytes`, { limit: limits.maxPlainBytes });
  }
  if (header.plainBytes > 1024 * 1024 && header.plainBytes > limits.maxRatio * Math.max(1, header.payloadBytes)) {
    throw bundleError('tooLarge', 'The bundle unpacks to far more than its size (a decompression bomb?)');
  }
  return { header, prefix, headerBytes, signature, payloadStart: PREFIX, payloadEnd: headerStart };
}

/** Checks the sender's signature over the header, then (only then) hashes the payload it vouches for. */
export function verifyEnvelope(source: Source, envelope: Envelope, signPublicPem: string, progress: Progress = noProgress): void {
  verifyHeaderSignature(envelope, signPublicPem);
  const hash: Hash = createHash('sha256');
  const step = 1024 * 1024;
  // Progress in bytes of the payload read: a megabyte hashes in a few milliseconds.
  const total = envelope.payloadEnd - envelope.payloadStart;
  for (let pos = envelope.payloadStart; pos < envelope.payloadEnd; pos += step) {
    progress('reading', pos - envelope.payloadStart, total);
    hash.update(source.read(pos, Math.min(step, envelope.payloadEnd - pos)));
  }
  progress('reading', total, total);
  if (hash.digest('hex') !== envelope.header.payloadSha256) throw bundleError('corrupt', 'The bundle is damaged: its checksum does not match');
}

function verifyHeaderSignature(envelope: Envelope, signPublicPem: string): void {
  let ok: boolean;
  try {
    ok = verify(null, Buffer.concat([SIGN_DOMAIN, envelope.prefix, envelope.headerBytes]), createPublicKey(signPublicPem), envelope.signature);
  } catch {
    ok = false;
  }
  if (!ok) throw bundleError('signature', 'The bundle’s signature is not valid: it was altered or not signed by the office it names');
}

/**
 * Reads the lines of a verified bundle chunk by chunk, calling `onLine` with each parsed line.
 * Enforces the decompressed-size caps as it goes and checks the lines' checksum at the end.
 */
export function readLines(
  source: Source,
  envelope: Envelope,
  keys: readonly { boxPrivate: string; fingerprint: string }[],
  limits: BundleLimits,
  onLine: (value: unknown) => void,
): void {
  const { header } = envelope;
  let contentKey: Buffer | null = null;
  if (header.encryption) {
    const mine = keys.find((k) => header.encryption!.keys.some((e) => e.fingerprint === k.fingerprint));
    const entry = mine && header.encryption.keys.find((e) => e.fingerprint === mine.fingerprint);
    if (!entry || !mine) throw bundleError('wrongRecipient', 'The bundle is not encrypted for this office');
    contentKey = unwrapKey(entry, mine.boxPrivate, header.id, header.sender.fingerprint);
  }
  let plainTotal = 0;
  let pos = envelope.payloadStart;
  for (let index = 0; index < header.chunks; index++) {
    if (pos + 4 > envelope.payloadEnd) throw bundleError('truncated', 'The bundle’s payload ends early');
    const length = source.read(pos, 4).readUInt32BE(0);
    pos += 4;
    if (length > envelope.payloadEnd - pos) throw bundleError('corrupt', 'A chunk of the bundle is longer than the payload');
    let body = source.read(pos, length);
    pos += length;
    const last = index === header.chunks - 1;
    if (contentKey) {
      if (body.length < 16) throw bundleError('corrupt', 'A chunk of the bundle is damaged');
      try {
        const decipher = createDecipheriv('aes-256-gcm', contentKey, nonceFor(index, last));
        decipher.setAuthTag(body.subarray(body.length - 16));
        body = Buffer.concat([decipher.update(body.subarray(0, body.length - 16)), decipher.final()]);
      } catch {
        throw bundleError('corrupt', 'A chunk of the bundle does not decrypt: it was altered');
      }
    }
    const remaining = Math.min(header.plainBytes - plainTotal, limits.maxPlainBytes - plainTotal);
    let plain: Buffer;
    try {
      plain = inflateRawSync(body, { maxOutputLength: Math.max(1, Math.min(remaining + 1, CHUNK_PLAIN_BYTES * 4)) });
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw bundleError('tooLarge', 'The bundle unpacks to more than it declares (a decompression bomb?)');
      }
      throw bundleError('corrupt', 'A chunk of the bundle does not decompress');
    }
    plainTotal += plain.length;
    if (plainTotal > header.plainBytes) throw bundleError('tooLarge', 'The bundle unpacks to more than it declares (a decompression bomb?)');
    if (plain.length > limits.maxRatio * Math.max(body.length, 1024 * 16)) {
      throw bundleError('tooLarge', 'A chunk of the bundle unpacks to far more than its size (a decompression bomb?)');
    }
    if (plain.length === 0) continue;
    if (plain[plain.length - 1] !== 0x0a) throw bundleError('corrupt', 'A chunk of the bundle does not end on a whole line');
    const text = plain.toString('utf8');
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end);
      start = end + 1;
      if (line.length === 0) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw bundleError('corrupt', 'A line of the bundle is not valid JSON');
      }
      onLine(value);
    }
  }
  if (pos !== envelope.payloadEnd) throw bundleError('corrupt', 'The bundle’s payload has bytes after its last chunk');
  if (plainTotal !== header.plainBytes) throw bundleError('corrupt', 'The bundle’s contents are not the size its header states');
}
