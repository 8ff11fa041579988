import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../../electron/core/app';
import { ownPrivateKeys } from '../../../../electron/core/office/keys';
import { createOffice, readOffice, writeMeta } from '../../../../electron/core/office/identity';
import { passphraseProtector, type KeyProtector } from '../../../../electron/core/office/key-protection';
import { readRetiredKeys } from '../../../../electron/core/office/private-keys';
import { TEST_CORE_OPTIONS } from '../../../helpers/core-options';
import { ADMIN, tempDir } from '../../../helpers/temp-db';
import { exportTo, importInto, person, trust } from '../exchange/helpers';

const CHEAP = { N: 2 ** 10, r: 8, p: 1 };
const withProtector = (keyProtector?: KeyProtector): CoreOptions => ({ passwordCost: TEST_CORE_OPTIONS.passwordCost, keyProtector });

/** Every form a private key could leak in: its PEM, the PEM's base64 body, and the raw key in hex and base64. */
function leaks(pem: string): string[] {
  const body = pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
  const raw = der.subarray(der.length - 32);
  return [pem, body, body.slice(8, 48), der.toString('hex'), raw.toString('hex'), raw.toString('hex').toUpperCase(), raw.toString('base64')];
}

/** The bytes of the database and its WAL, as SQLite left them on disk. */
function onDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f)));
}

function expectNoLeak(file: string, pems: string[]): void {
  const bytes = onDisk(file);
  for (const pem of pems) {
    for (const needle of leaks(pem)) expect(bytes.includes(Buffer.from(needle, 'latin1')), `found ${needle.slice(0, 24)}…`).toBe(false);
    // The raw 32 bytes themselves.
    const der = createPrivateKey(pem).export({ format: 'der', type: 'pkcs8' });
    expect(bytes.includes(der.subarray(der.length - 32))).toBe(false);
  }
}

/**
 * An office database as versions before sealing wrote it: private keys in the clear in `meta`,
 * including the receiving key of a rotation (the last of the returned keys).
 */
function legacyOffice(file: string, code: string): string[] {
  const core = createCore(file, withProtector(undefined));
  const pem = (k: { export(o: object): string | Buffer }) => k.export({ type: 'pkcs8', format: 'pem' }).toString();
  const signing = generateKeyPairSync('ed25519');
  const agreement = generateKeyPairSync('x25519');
  const retired = generateKeyPairSync('x25519');
  const pub = (k: { export(o: object): string | Buffer }) => k.export({ type: 'spki', format: 'pem' }).toString();
  core.db.transaction(() => {
    writeMeta(core.db, 'office_code', code);
    writeMeta(core.db, 'office_name', code);
    writeMeta(core.db, 'replica_id', `${code}~legacy01`);
    writeMeta(core.db, 'sign_public', pub(signing.publicKey));
    writeMeta(core.db, 'sign_private', pem(signing.privateKey));
    writeMeta(core.db, 'box_public', pub(agreement.publicKey));
    writeMeta(core.db, 'box_private', pem(agreement.privateKey));
    writeMeta(core.db, 'retired_keys', JSON.stringify([{ fingerprint: 'RETIRED', boxPrivate: pem(retired.privateKey), retiredAt: '2025-01-01T00:00:00.000Z' }]));
  })();
  // Later edits of the same page leave stale copies around unless the file is rebuilt.
  for (let i = 0; i < 5; i++) writeMeta(core.db, 'office_name', `${code} ${'x'.repeat(i * 40)}`);
  core.close();
  return [pem(signing.privateKey), pem(agreement.privateKey), pem(retired.privateKey)];
}

describe('office private keys at rest', () => {
  it('the database file and its WAL hold no private key in the clear, before and after closing, nor after a rotation', () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const core = createCore(file, withProtector(passphraseProtector('a long passphrase', CHEAP)));
    createOffice(core.db, 'KZ-75');
    const first = ownPrivateKeys(core.db);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expectNoLeak(file, [first.signPrivate, first.boxPrivate]);

    // A rotation writes new keys and keeps the old receiving key: all of them sealed.
    core.callAs(ADMIN, 'keys.rotate', {});
    const second = ownPrivateKeys(core.db);
    expect(second.boxPrivate).not.toBe(first.boxPrivate);
    expect(readRetiredKeys(core.db).map((k) => k.boxPrivate)).toEqual([first.boxPrivate]);
    const all = [first.signPrivate, first.boxPrivate, second.signPrivate, second.boxPrivate];
    expectNoLeak(file, all);
    core.close();
    expectNoLeak(file, all);
  });

  it('seals the keys of an older database the first time a protector is there, losing none, and leaves no clear copy', () => {
    const dir = tempDir();
    const file = path.join(dir, 'old.sqlite');
    const pems = legacyOffice(file, 'KZ-75');
    expect(onDisk(file).includes(Buffer.from(leaks(pems[0]!)[1]!))).toBe(true); // the test can see a leak

    // Without a protector nothing changes, and what needs the keys says why it cannot.
    const locked = createCore(file, withProtector(undefined));
    const centre = createCore(path.join(dir, 'centre.sqlite'), TEST_CORE_OPTIONS);
    createOffice(centre.db, 'KZ');
    trust(locked, centre);
    trust(centre, locked);
    locked.callAs(ADMIN, 'volunteers.create', person('Сейітова', 'Айгүл'));
    expect(() => exportTo(locked, 'KZ')).toThrow(expect.objectContaining({ key: 'error.privateKeys.locked' }));
    locked.close();
    expect(onDisk(file).includes(Buffer.from(leaks(pems[0]!)[1]!))).toBe(true);

    const sealed = createCore(file, withProtector(passphraseProtector('a long passphrase', CHEAP)));
    expectNoLeak(file, pems);
    const keys = ownPrivateKeys(sealed.db);
    expect([keys.signPrivate, keys.boxPrivate, ...readRetiredKeys(sealed.db).map((k) => k.boxPrivate)]).toEqual(pems);
    const summary = importInto(centre, exportTo(sealed, 'KZ'));
    expect(summary.tables.volunteers?.created).toBe(1);
    sealed.close();
    centre.close();
    expectNoLeak(file, pems);
  });

  it('a wrong passphrase, or the wrong kind of protector, is refused with a reason and changes nothing', () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const first = createCore(file, withProtector(passphraseProtector('the right passphrase', CHEAP)));
    createOffice(first.db, 'KZ-75');
    const pems = ownPrivateKeys(first.db);
    first.close();

    const wrong = createCore(file, withProtector(passphraseProtector('not the right one', CHEAP)));
    expect(() => ownPrivateKeys(wrong.db)).toThrow(expect.objectContaining({ key: 'error.privateKeys.wrongPassphrase' }));
    wrong.close();

    const os: KeyProtector = { kind: 'os', protect: (d) => d, unprotect: (d) => d };
    const other = createCore(file, withProtector(os));
    expect(() => ownPrivateKeys(other.db)).toThrow(expect.objectContaining({ key: 'error.privateKeys.needsPassphrase' }));
    other.close();

    const right = createCore(file, withProtector(passphraseProtector('the right passphrase', CHEAP)));
    expect(ownPrivateKeys(right.db)).toEqual(pems);
    right.close();
  });

  it('an office cannot be set up without a protector (nothing is written), nor with a short passphrase', () => {
    const bare = createCore(path.join(tempDir(), 'office.sqlite'), withProtector(undefined));
    expect(() => createOffice(bare.db, 'KZ-75')).toThrow(expect.objectContaining({ key: 'error.privateKeys.locked' }));
    expect(readOffice(bare.db)).toBeNull();
    expect(bare.call('app.setup', { officeCode: 'KZ-75', login: 'admin', displayName: 'A', password: 'long enough' }, null))
      .toMatchObject({ ok: false, error: { key: 'error.privateKeys.locked' } });
    expect(bare.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    bare.close();

    const short = createCore(path.join(tempDir(), 'office.sqlite'), withProtector(passphraseProtector('short', CHEAP)));
    expect(() => createOffice(short.db, 'KZ-75')).toThrow(expect.objectContaining({ key: 'error.privateKeys.weakPassphrase' }));
    short.close();
  });

  it.skipIf(process.platform === 'win32')('creates the database, its WAL and shared-memory files readable by the owner only', () => {
    const dir = tempDir();
    const file = path.join(dir, 'office.sqlite');
    const core = createCore(file, TEST_CORE_OPTIONS);
    createOffice(core.db, 'KZ-75');
    for (const f of [file, `${file}-wal`, `${file}-shm`]) expect((statSync(f).mode & 0o777).toString(8), f).toBe('600');
    core.close();
  });
});
