import { createPrivateKey, sign } from 'node:crypto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { bytesSource, readEnvelope } from '../../../../electron/core/exchange/format';
import { importBundle } from '../../../../electron/core/exchange/import';
import { ownKeys, ownPrivateKeys } from '../../../../electron/core/office/keys';
import { HybridClock, MAX_COUNTER, loadClock, parseHlc } from '../../../../electron/core/replication/hlc';
import { CallError } from '../../../../shared/contract/errors';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, officeCore, tempDir } from '../../../helpers/temp-db';
import { craft, exportTo, importInto, person, previewIn, snapshot, trust } from './helpers';

function refusedKey(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CallError);
    return (error as CallError).key;
  }
  throw new Error('expected a refusal');
}

const fingerprint = (core: Core) => core.callAs(ADMIN, 'keys.own', {}).fingerprint;
const trusted = (core: Core, fp: string) => core.callAs(ADMIN, 'trust.list', {}).find((k) => k.fingerprint === fp);
const wrappedFor = (bundle: Buffer) => readEnvelope(bytesSource(bundle)).header.encryption!.keys.map((k) => k.fingerprint);

/** A copy of a database file as it is now: what a thief takes away on a stick (with, at worst, the passphrase too). */
function stolenCopy(core: Core): Core {
  const file = path.join(tempDir(), 'stolen.sqlite');
  core.db.exec(`VACUUM INTO '${file}'`);
  return testCore(file);
}

/**
 * The centre (KZ) and two regions (Almaty KZ-75, Astana KZ-71): each region's administrator
 * trusts the centre, the centre's trusts both regions, and the regions know each other from
 * the centre's trust list.
 */
function country() {
  const centre = officeCore('KZ');
  const almaty = officeCore('KZ-75');
  const astana = officeCore('KZ-71');
  for (const region of [almaty, astana]) {
    trust(centre, region);
    trust(region, centre);
  }
  importInto(almaty, exportTo(centre, 'KZ-75'));
  importInto(astana, exportTo(centre, 'KZ-71'));
  return { centre, almaty, astana };
}

describe('keys can be retired', () => {
  const orders = [
    ['lateOld', 'centreLearns', 'almatyReadsOld', 'astanaDirect'],
    ['astanaDirect', 'almatyReadsOld', 'centreLearns', 'lateOld'],
    ['almatyReadsOld', 'astanaDirect', 'lateOld', 'centreLearns'],
    ['centreLearns', 'lateOld', 'astanaDirect', 'almatyReadsOld'],
  ] as const;

  it.each(orders)('rotation reaches every office in any order (%s, %s, %s, %s); the retired key then reads nothing new and signs nothing accepted', (...order) => {
    const { centre, almaty, astana } = country();
    const a1 = fingerprint(almaty);
    expect(trusted(astana, a1)).toMatchObject({ source: 'centre', status: 'active', validUntil: null });
    almaty.callAs(ADMIN, 'volunteers.create', person('Старая', 'Запись'));
    const lateOld = exportTo(almaty, 'KZ'); // signed with the old key, carried late
    const thief = stolenCopy(almaty);

    const rotated = almaty.callAs(ADMIN, 'keys.rotate', {});
    expect(rotated.previous).toBe(a1);
    const a2 = rotated.fingerprint;
    expect(a2).not.toBe(a1);
    almaty.callAs(ADMIN, 'volunteers.create', person('Новая', 'Запись'));
    const oldForAlmaty = exportTo(centre, 'KZ-75'); // the centre does not know yet: wrapped for the old key
    expect(wrappedFor(oldForAlmaty)).toEqual([a1]);
    const toCentre = exportTo(almaty, 'KZ');
    const toAstana = exportTo(almaty, 'KZ-71');

    const steps = {
      lateOld: () => importInto(centre, lateOld),
      centreLearns: () => expect(importInto(centre, toCentre).trustChanges).toEqual([{ change: 'rotated', office: 'KZ-75', fingerprint: a1 }]),
      almatyReadsOld: () => importInto(almaty, oldForAlmaty), // the retired key still opens what was sent to it
      astanaDirect: () => expect(importInto(astana, toAstana).tables.volunteers?.created).toBe(2),
    };
    for (const step of order) steps[step]();
    importInto(astana, exportTo(centre, 'KZ-71'));

    for (const office of [centre, astana]) {
      expect(trusted(office, a1)?.validUntil).toBeTruthy();
      expect(trusted(office, a2)).toMatchObject({ status: 'active', validUntil: null });
    }
    expect(trusted(astana, a2)?.source).toBe('centre'); // a rotated key is trusted as its predecessor was
    expect(trusted(centre, a2)?.source).toBe('administrator');

    // The retired key reads nothing new…
    const fresh = exportTo(centre, 'KZ-75');
    expect(wrappedFor(fresh)).toEqual([a2]);
    expect(refusedKey(() => importInto(thief, fresh))).toBe('error.bundle.wrongCopy');
    expect(importInto(almaty, fresh).alreadyImported).toBe(false);
    // …and nothing it signs after the rotation is accepted, anywhere.
    thief.callAs(ADMIN, 'volunteers.create', person('Чужая', 'Запись'));
    for (const [office, code] of [[centre, 'KZ'], [astana, 'KZ-71']] as const) {
      const before = snapshot(office);
      expect(refusedKey(() => importInto(office, exportTo(thief, code)))).toBe('error.bundle.revokedSigner');
      expect(snapshot(office)).toEqual(before);
    }
    // Everyone has both of Almaty's records.
    for (const office of [centre, astana]) {
      const names = office.db.prepare('SELECT last_name FROM volunteers WHERE deleted = 0 ORDER BY last_name').pluck().all();
      expect(names).toEqual(['Новая', 'Старая']);
    }
    thief.close();
  });

  it('the centre revokes a key for the whole country; a region cannot', () => {
    const { centre, almaty, astana } = country();
    const a1 = fingerprint(almaty);
    // Astana's administrator can stop trusting Almaty here, but not for everyone.
    expect(astana.callAs(ADMIN, 'trust.remove', { fingerprint: fingerprint(centre) }).revoked).toBe(false);
    trust(astana, centre);
    expect(centre.callAs(ADMIN, 'trust.remove', { fingerprint: a1 })).toEqual({ ok: true, revoked: true });
    const preview = previewIn(astana, exportTo(centre, 'KZ-71'));
    expect(preview.trustChanges).toEqual([{ change: 'revoked', office: 'KZ-75', fingerprint: a1 }]);
    expect(trusted(astana, a1)?.validUntil).toBeNull(); // a preview changes nothing
    importInto(astana, exportTo(centre, 'KZ-71'));
    expect(trusted(astana, a1)?.validUntil).toBeTruthy();
    expect(refusedKey(() => importInto(astana, exportTo(almaty, 'KZ-71')))).toBe('error.bundle.revokedSigner');
    expect(refusedKey(() => exportTo(astana, 'KZ-75'))).toBe('error.bundle.recipientUnknown');
    // A revoked key cannot be trusted again by hand.
    const own = almaty.callAs(ADMIN, 'keys.own', {});
    expect(refusedKey(() => centre.callAs(ADMIN, 'trust.add', { keyFile: own.keyFile, fingerprint: own.fingerprint }))).toBe('error.keys.revoked');
  });
});

describe('the centre’s trust list is bounded', () => {
  it('a key a region’s administrator removed stays removed after the next centre bundle', () => {
    const { centre, almaty, astana } = country();
    const a1 = fingerprint(almaty);
    expect(astana.callAs(ADMIN, 'trust.remove', { fingerprint: a1 })).toEqual({ ok: true, revoked: false });
    const summary = importInto(astana, exportTo(centre, 'KZ-71', true));
    expect(summary.trustChanges).toEqual([]);
    expect(trusted(astana, a1)).toBeUndefined();
    // The centre still trusts it: a region's removal is its own.
    expect(trusted(centre, a1)?.validUntil).toBeNull();
    // Only an administrator's own act brings it back.
    trust(astana, almaty);
    expect(trusted(astana, a1)).toMatchObject({ source: 'administrator', status: 'active' });
  });

  it('a new key of an office already known waits for an administrator; the centre’s and this office’s keys never come from the list', () => {
    const { centre, almaty, astana } = country();
    const almatyLaptop = officeCore('KZ-75'); // a second workstation of Almaty
    const astanaLaptop = officeCore('KZ-71');
    const centreLaptop = officeCore('KZ');
    for (const other of [almatyLaptop, astanaLaptop, centreLaptop]) trust(centre, other);
    const laptop = fingerprint(almatyLaptop);

    const preview = previewIn(astana, exportTo(centre, 'KZ-71'));
    expect(preview.trustChanges).toEqual([{ change: 'pending', office: 'KZ-75', fingerprint: laptop }]);
    importInto(astana, exportTo(centre, 'KZ-71'));
    expect(trusted(astana, laptop)).toMatchObject({ status: 'pending' });
    expect(trusted(astana, fingerprint(astanaLaptop))).toBeUndefined();
    expect(trusted(astana, fingerprint(centreLaptop))).toBeUndefined();
    // Pending keys receive nothing and sign nothing accepted.
    expect(wrappedFor(exportTo(astana, 'KZ-75'))).toEqual([fingerprint(almaty)]);
    trust(almatyLaptop, astana);
    expect(refusedKey(() => importInto(astana, exportTo(almatyLaptop, 'KZ-71')))).toBe('error.bundle.unknownSigner');

    astana.callAs(ADMIN, 'trust.confirm', { fingerprint: laptop });
    expect(trusted(astana, laptop)).toMatchObject({ status: 'active' });
    expect(importInto(astana, exportTo(almatyLaptop, 'KZ-71')).alreadyImported).toBe(false);
    expect(refusedKey(() => astana.callAs(ADMIN, 'trust.reject', { fingerprint: laptop }))).toBe('error.keys.notPending');
  });

  it('a rejected key is not proposed again', () => {
    const { centre, astana } = country();
    const laptop = officeCore('KZ-75');
    trust(centre, laptop);
    importInto(astana, exportTo(centre, 'KZ-71'));
    astana.callAs(ADMIN, 'trust.reject', { fingerprint: fingerprint(laptop) });
    expect(importInto(astana, exportTo(centre, 'KZ-71', true)).trustChanges).toEqual([]);
    expect(trusted(astana, fingerprint(laptop))).toBeUndefined();
  });

  it('a key file relabelled as another office or workstation is refused; an older key file too', () => {
    const centre = officeCore('KZ');
    const own = officeCore('KZ-75').callAs(ADMIN, 'keys.own', {});
    const file = JSON.parse(own.keyFile) as Record<string, unknown>;
    for (const relabelled of [{ ...file, office: 'KZ-71' }, { ...file, replica: 'KZ-71~00000000' }]) {
      expect(refusedKey(() => centre.callAs(ADMIN, 'trust.add', { keyFile: JSON.stringify(relabelled), fingerprint: own.fingerprint }))).toBe('error.keys.fingerprint');
    }
    expect(refusedKey(() => centre.callAs(ADMIN, 'trust.add', { keyFile: JSON.stringify({ ...file, version: 1 }), fingerprint: own.fingerprint }))).toBe('error.keys.olderFile');
    // The display name is not bound: an office may rename itself.
    expect(centre.callAs(ADMIN, 'trust.add', { keyFile: JSON.stringify({ ...file, name: 'Алматы, офис 2' }), fingerprint: own.fingerprint }).added).toBe(true);
  });
});

describe('one office cannot break the country’s clock', () => {
  const line = (stamp: string, id = `far-${Math.random()}`) => `${JSON.stringify({ t: 'volunteers', id, b: stamp, a: 'x@KZ-75', v: { last_name: 'Будущий', first_name: 'Гость', deleted: 0 }, f: 1 })}\n`;

  it('stamps far ahead, or at the format’s limit, are refused; the next honest bundles still flow', () => {
    const { centre, almaty, astana } = country();
    const replica = ownKeys(almaty.db)!.replica;
    const before = snapshot(centre);
    for (const stamp of [`9999999999999.ffffff.${replica}`, `${Date.now() + 2 * 365 * 86_400_000}.000000.${replica}`, `${Date.now()}.ffffff.${replica}`]) {
      expect(refusedKey(() => importInto(centre, craft(almaty, 'KZ', line(stamp))))).toBe('error.bundle.clockAhead');
    }
    expect(snapshot(centre)).toEqual(before);

    // A PC an hour ahead: imported, and the preview says how far ahead.
    const hourAhead = craft(almaty, 'KZ', line(`${Date.now() + 3_600_000}.000000.${replica}`));
    expect(previewIn(centre, hourAhead).clockAheadMinutes).toBeGreaterThanOrEqual(59);
    almaty.callAs(ADMIN, 'volunteers.create', person('Честная', 'Запись'));
    expect(importInto(centre, exportTo(almaty, 'KZ')).tables.volunteers?.created).toBe(1);
    centre.callAs(ADMIN, 'volunteers.create', person('Центральная', 'Запись'));
    expect(importInto(astana, exportTo(centre, 'KZ-71')).tables.volunteers?.created).toBe(2);
  });

  it('the clock never overflows its counter', () => {
    const clock = new HybridClock('r', `5000000000000.${MAX_COUNTER.toString(16)}.x`, () => 1000);
    const next = clock.tick();
    expect(next).toMatch(/^\d{13}\.[0-9a-f]{6}\.r$/);
    expect(parseHlc(next)).toMatchObject({ ms: 5000000000001, counter: 0 });
    clock.observe(`5000000000001.${MAX_COUNTER.toString(16)}.y`);
    expect(clock.tick()).toBe('5000000000002.000000.r');
  });
});

describe('who sent a bundle is bound to it', () => {
  /** Another trusted office takes an intercepted bundle and signs its header as its own. */
  function resign(bundle: Buffer, by: Core): Buffer {
    const envelope = readEnvelope(bytesSource(bundle));
    const keys = ownKeys(by.db)!;
    const header = { ...envelope.header, sender: { office: keys.office, replica: keys.replica, name: keys.name, fingerprint: keys.fingerprint } };
    const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(headerBytes.length, 0);
    const signature = sign(null, Buffer.concat([Buffer.from('erikti-bundle\u0000', 'latin1'), envelope.prefix, headerBytes]), createPrivateKey(ownPrivateKeys(by.db).signPrivate));
    return Buffer.concat([bundle.subarray(0, envelope.payloadEnd), headerBytes, length, signature, bundle.subarray(bundle.length - 8)]);
  }

  it('a bundle re-signed by another trusted office is refused, before and after the original was imported', () => {
    const { centre, almaty, astana } = country();
    almaty.callAs(ADMIN, 'volunteers.create', person('Перехваченная', 'Запись'));
    const original = exportTo(almaty, 'KZ');
    const forged = resign(original, astana);
    const before = snapshot(centre);
    expect(refusedKey(() => importInto(centre, forged))).toBe('error.bundle.resigned');
    expect(snapshot(centre)).toEqual(before);
    importInto(centre, original);
    expect(refusedKey(() => importInto(centre, forged))).toBe('error.bundle.replayed');
    expect(importInto(centre, original).alreadyImported).toBe(true);
  });

  it('an unencrypted bundle is refused (only tests can ask for one)', () => {
    const { centre, almaty } = country();
    const plain = craft(almaty, 'KZ', '', {}, undefined, false);
    expect(refusedKey(() => importInto(centre, plain))).toBe('error.bundle.notEncrypted');
    const summary = importBundle(centre.db, bytesSource(plain), { clock: loadClock(centre.db, 'test'), actor: 'test', at: new Date().toISOString(), allowUnencrypted: true });
    expect(summary.alreadyImported).toBe(false);
  });
});
