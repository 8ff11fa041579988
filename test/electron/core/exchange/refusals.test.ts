import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { SCHEMA_VERSION } from '../../../../electron/core/db/migrate';
import { DEFAULT_LIMITS, FORMAT_VERSION, bytesSource } from '../../../../electron/core/exchange/format';
import { importBundle } from '../../../../electron/core/exchange/import';
import { loadClock, formatHlc } from '../../../../electron/core/replication/hlc';
import { CallError } from '../../../../shared/contract/errors';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { craft, exportTo, importInto, offices, person, snapshot, trust } from './helpers';

const flip = (buf: Buffer, i: number, mask: number) => {
  buf[i] = (buf[i] ?? 0) ^ mask;
};

function refusal(fn: () => unknown): CallError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(CallError);
    return error as CallError;
  }
  throw new Error('expected a refusal');
}

describe('bundles that must be refused before anything is written', () => {
  function setup() {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    for (let i = 0; i < 30; i++) almaty!.callAs(ADMIN, 'volunteers.create', person('Тестов', `Имя${'абвгдежзиклмнопрстуфхцчшщэюяё'[i]}`, { notes: 'x'.repeat(i * 10 + 1) }));
    centre!.callAs(ADMIN, 'volunteers.create', person('Центров', 'Цент'));
    const bundle = exportTo(almaty!, 'KZ');
    return { almaty: almaty!, centre: centre!, bundle, before: snapshot(centre!) };
  }

  const refusedWith = (centre: Core, bytes: Buffer, key: string, before: ReturnType<typeof snapshot>) => {
    const error = refusal(() => importInto(centre, bytes));
    expect(error.key).toBe(key);
    expect(error.message.length).toBeGreaterThan(10);
    expect(snapshot(centre)).toEqual(before);
  };

  it('a tampered byte anywhere', () => {
    const { centre, bundle, before } = setup();
    const payload = Buffer.from(bundle);
    flip(payload, 40, 0x01);
    refusedWith(centre, payload, 'error.bundle.corrupt', before);
    const text = bundle.toString('latin1');
    const at = text.indexOf('"createdAt":"') + 14;
    const header = Buffer.from(bundle);
    header[at] = header[at] === 0x31 ? 0x32 : 0x31;
    refusedWith(centre, header, 'error.bundle.signature', before);
    const signature = Buffer.from(bundle);
    flip(signature, signature.length - 20, 0x80);
    refusedWith(centre, signature, 'error.bundle.signature', before);
    // Every single byte flipped is refused, whichever check catches it.
    for (let i = 0; i < bundle.length; i += Math.max(1, Math.floor(bundle.length / 97))) {
      const bad = Buffer.from(bundle);
      flip(bad, i, 0x10);
      const error = refusal(() => importInto(centre, bad));
      expect(error.key).toMatch(/^error\.bundle\./);
    }
    expect(snapshot(centre)).toEqual(before);
  });

  it('a truncated file', () => {
    const { centre, bundle, before } = setup();
    for (const length of [5, 11, 100, Math.floor(bundle.length / 2), bundle.length - 1]) {
      refusedWith(centre, bundle.subarray(0, length), 'error.bundle.truncated', before);
    }
  });

  it('a bundle for another office, and one from an office nobody trusts', () => {
    const { almaty, centre, before } = setup();
    const astana = officeCore('KZ-71');
    trust(almaty, astana);
    refusedWith(centre, exportTo(almaty, 'KZ-71'), 'error.bundle.wrongRecipient', before);
    // The refusal names the office the file was meant for.
    expect(refusal(() => importInto(centre, exportTo(almaty, 'KZ-71'))).params).toEqual({ office: 'KZ-71' });
    // Another database of the centre (a second workstation) cannot open what was encrypted for the first.
    const otherCentre = officeCore('KZ');
    expect(refusal(() => importInto(otherCentre, exportTo(almaty, 'KZ'))).key).toBe('error.bundle.wrongCopy');
    const stranger = officeCore('KZ-35');
    trust(stranger, centre);
    stranger.callAs(ADMIN, 'volunteers.create', person('Чужой', 'Человек'));
    refusedWith(centre, exportTo(stranger, 'KZ'), 'error.bundle.unknownSigner', before);
  });

  it('a newer format or schema is refused; an older schema is accepted', () => {
    const { almaty, centre, bundle, before } = setup();
    const newer = Buffer.from(bundle);
    newer.writeUInt16BE(FORMAT_VERSION + 1, 8);
    refusedWith(centre, newer, 'error.bundle.newerFormat', before);
    // Format 1 did not bind the sender into the key wrap: no longer read.
    const older = Buffer.from(bundle);
    older.writeUInt16BE(1, 8);
    refusedWith(centre, older, 'error.bundle.olderFormat', before);
    refusedWith(centre, craft(almaty, 'KZ', '', { schema: SCHEMA_VERSION + 1 }), 'error.bundle.newerSchema', before);
    // Schema 1 knew volunteers but not merges: a bundle from it still imports.
    const clock = loadClock(almaty.db, 'KZ-75~old');
    const stamp = clock.tick();
    const row = { t: 'volunteers', id: 'old-1', b: stamp, a: 'old@KZ-75', v: { last_name: 'Старый', first_name: 'Формат', deleted: 0 }, f: 1 };
    const summary = importInto(centre, craft(almaty, 'KZ', `${JSON.stringify(row)}\n`, { schema: 1 }));
    expect(summary.tables.volunteers).toMatchObject({ created: 1 });
    expect(formatHlc({ ms: 1, counter: 0, replica: 'x' })).toMatch(/^0000000000001/);
  });

  it('oversized files and decompression bombs', () => {
    const { almaty, centre, bundle, before } = setup();
    const tiny = { ...DEFAULT_LIMITS, maxFileBytes: bundle.length - 1 };
    const error = refusal(() => importBundle(centre.db, bytesSource(bundle), { clock: loadClock(centre.db, 'x'), actor: 'test', at: new Date().toISOString(), limits: tiny }));
    expect(error.key).toBe('error.bundle.tooLarge');
    expect(snapshot(centre)).toEqual(before);
    // 60 MB of one letter compresses a thousandfold.
    const line = (i: number) => `${JSON.stringify({ t: 'volunteers', id: `bomb-${i}`, b: '1700000000000.000000.KZ-75~aaaa', a: 'x', v: { notes: 'a'.repeat(90_000) }, f: 1 })}\n`;
    let lines = '';
    for (let i = 0; i < 660; i++) lines += line(i);
    refusedWith(centre, craft(almaty, 'KZ', lines, {}, 9), 'error.bundle.tooLarge', before);
  });

  it('not a bundle at all, and malformed records inside a signed bundle', () => {
    const { almaty, centre, before } = setup();
    refusedWith(centre, Buffer.from('PK\u0003\u0004 this is a zip file, not a bundle'), 'error.bundle.notBundle', before);
    const bad = { t: 'users', id: 'u1', b: '1700000000000.000000.KZ-75~aaaa', a: 'x', v: { login: 'root' }, f: 1 };
    refusedWith(centre, craft(almaty, 'KZ', `${JSON.stringify(bad)}\n`), 'error.bundle.corrupt', before);
    const sql = { t: 'volunteers', id: 'v1', b: '1700000000000.000000.KZ-75~aaaa', a: 'x', v: { 'last_name = 1; DROP TABLE volunteers; --': 'x' }, f: 1 };
    refusedWith(centre, craft(almaty, 'KZ', `${JSON.stringify(sql)}\n`), 'error.bundle.corrupt', before);
  });

  it('the data inside is unreadable without the recipient key', () => {
    const { bundle } = setup();
    expect(bundle.toString('latin1')).not.toContain('Тестов');
    expect(bundle.toString('utf8')).not.toContain('Тестов');
    expect(bundle.toString('utf8')).not.toContain('Имяб');
  });
});
