import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** scrypt's cost parameters; stored with every hash so a raised cost can be verified and upgraded. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current minimum for scrypt (N=2^17, r=8, p=1): about half a second on an office laptop. */
export const PASSWORD_COST: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };

const KEY_LENGTH = 32;
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** scrypt needs about 128·N·r·p bytes; Node refuses anything above maxmem (32 MiB by default). */
function maxmemFor(cost: ScryptCost): number {
  return 128 * cost.N * cost.r * cost.p + 32 * 1024 * 1024;
}

/** scrypt over a secret typed by a person (normalised, so the same letters typed another way match). */
export function deriveScrypt(secret: string, salt: Uint8Array, length: number, cost: ScryptCost): Buffer {
  return scryptSync(secret.normalize('NFC'), salt, length, { ...cost, maxmem: maxmemFor(cost) });
}

/**
 * A cost read from stored data is refused beyond these bounds rather than run (it could take
 * minutes or gigabytes).
 */
export function isSaneCost(cost: ScryptCost): boolean {
  const power = Number.isInteger(cost.N) && cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  const within = (v: number, max: number) => Number.isInteger(v) && v >= 1 && v <= max;
  return power && cost.N <= MAX_N && within(cost.r, MAX_R) && within(cost.p, MAX_P);
}

interface ParsedHash {
  cost: ScryptCost;
  salt: Buffer;
  hash: Buffer;
}

function parseHash(stored: string): ParsedHash | null {
  const [scheme, n, r, p, salt, hash, extra] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash || extra !== undefined) return null;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (!isSaneCost(cost)) return null;
  return { cost, salt: Buffer.from(salt, 'base64'), hash: Buffer.from(hash, 'base64') };
}

/**
 * Hashes and checks passwords at one cost. The core holds one; tests may build it with a lower
 * cost through a core option that no transport, command or environment variable reaches.
 */
export class PasswordHasher {
  private dummy: string | null = null;

  constructor(readonly cost: ScryptCost = PASSWORD_COST) {}

  hash(password: string): string {
    const salt = randomBytes(16);
    const { N, r, p } = this.cost;
    return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${deriveScrypt(password, salt, KEY_LENGTH, this.cost).toString('base64')}`;
  }

  /** Checks with the parameters the hash was made with, whatever the current cost. */
  verify(password: string, stored: string): boolean {
    const parsed = parseHash(stored);
    if (!parsed || parsed.hash.length === 0) return false;
    return timingSafeEqual(deriveScrypt(password, parsed.salt, parsed.hash.length, parsed.cost), parsed.hash);
  }

  /**
   * Spends the same work as checking a real account's password, so an unknown or inactive login
   * answers no faster than a known one (timing would tell which accounts exist).
   */
  verifyNobody(password: string): false {
    this.dummy ??= this.hash(randomBytes(16).toString('base64'));
    this.verify(password, this.dummy);
    return false;
  }

  /** True when the hash was made at a lower cost than the current one and should be replaced. */
  needsUpgrade(stored: string): boolean {
    const parsed = parseHash(stored);
    return !parsed || parsed.cost.N < this.cost.N || parsed.cost.r < this.cost.r || parsed.cost.p < this.cost.p;
  }
}
