import { describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { bytesSource, readEnvelope } from '../../../../electron/core/exchange/format';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { exportTo, importInto, offices, person, trust } from './helpers';

const header = (bundle: Buffer) => readEnvelope(bytesSource(bundle)).header;

describe('incremental export, watermarks and history', () => {
  it('sends only what the recipient has not been sent, and only the changed fields once acknowledged', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    const { id } = almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметов', 'Ерлан'));
    almaty!.callAs(ADMIN, 'volunteers.create', person('Ахметова', 'Дана'));
    const b0 = exportTo(almaty!, 'KZ');
    expect(header(b0).rows).toBe(2);
    importInto(centre!, b0);
    expect(header(exportTo(almaty!, 'KZ')).rows).toBe(0); // (an empty bundle, not imported: harmless)
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: 'новое' } });
    // Not acknowledged yet: the changed record travels whole.
    const b1 = exportTo(almaty!, 'KZ');
    expect(header(b1)).toMatchObject({ rows: 1, full: false });
    importInto(centre!, b1);
    // The centre's bundle back acknowledges; from then on only changed fields travel.
    importInto(almaty!, exportTo(centre!, 'KZ-75'));
    almaty!.callAs(ADMIN, 'volunteers.update', { id, patch: { email: 'e@mail.kz' } });
    const b2 = exportTo(almaty!, 'KZ');
    expect(header(b2).rows).toBe(1);
    expect(header(b2).plainBytes).toBeLessThan(header(b1).plainBytes / 2); // one field, not the whole record
    const s = importInto(centre!, b2);
    expect(s.tables.volunteers).toMatchObject({ updated: 1 });
    expect(dump(centre!.db)).toBe(dump(almaty!.db));
    // Values the centre received from Almaty are not echoed back to Almaty.
    expect(header(exportTo(centre!, 'KZ-75')).rows).toBe(0);
    // --full sends everything.
    expect(header(exportTo(almaty!, 'KZ', true))).toMatchObject({ rows: 2, full: true });
    const history = centre!.callAs(ADMIN, 'exchange.history', {});
    expect(history.items.map((h) => h.direction)).toEqual(['export', 'import', 'export', 'import', 'import']);
  });

  it('a lost stick is made good by the next exchanges', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ');
    almaty!.callAs(ADMIN, 'volunteers.create', person('Потерянный', 'Первый'));
    exportTo(almaty!, 'KZ'); // lost on the way
    almaty!.callAs(ADMIN, 'volunteers.create', person('Дошедший', 'Второй'));
    importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(centre!.callAs(ADMIN, 'volunteers.search', {}).total).toBe(1);
    importInto(almaty!, exportTo(centre!, 'KZ-75')); // tells Almaty about the gap
    importInto(centre!, exportTo(almaty!, 'KZ'));
    expect(centre!.callAs(ADMIN, 'volunteers.search', {}).total).toBe(2);
    expect(dump(centre!.db)).toBe(dump(almaty!.db));
  });

  it('the centre distributes its trust list; regions accept it because they trust the centre', () => {
    const [centre, almaty, astana] = offices('KZ', 'KZ-75', 'KZ-71');
    const shymkent = officeCore('KZ-79');
    trust(shymkent, centre!);
    trust(centre!, shymkent);
    // Shymkent knows only the centre; the centre's bundle brings the keys of the others.
    const s = importInto(shymkent, exportTo(centre!, 'KZ-79'));
    expect(s.trustAdded).toBe(2);
    const offices_ = shymkent.callAs(ADMIN, 'trust.list', {}).map((k) => [k.office, k.source]);
    expect(offices_).toEqual(expect.arrayContaining([['KZ', 'administrator'], ['KZ-71', 'centre'], ['KZ-75', 'centre']]));
    // A region's bundle cannot do the same.
    const other = officeCore('KZ-10');
    trust(almaty!, other);
    trust(other, almaty!);
    expect(importInto(other, exportTo(almaty!, 'KZ-10')).trustAdded).toBe(0);
    void astana;
  });

  it('keys: a fingerprint people can read, and a file whose fingerprint lies is refused', () => {
    const [almaty] = offices('KZ-75');
    const own = almaty!.callAs(ADMIN, 'keys.own', {});
    expect(own.fingerprint).toMatch(/^([0-9A-F]{4} ){9}[0-9A-F]{4}$/);
    const centre = officeCore('KZ');
    const forged = JSON.stringify({ ...JSON.parse(own.keyFile), fingerprint: '0000 0000 0000 0000 0000 0000 0000 0000 0000 0000' });
    expect(() => centre.callAs(ADMIN, 'trust.add', { keyFile: forged, fingerprint: own.fingerprint })).toThrow(/fingerprint/);
    expect(() => almaty!.callAs(ADMIN, 'trust.add', { keyFile: own.keyFile, fingerprint: own.fingerprint })).toThrow(/own keys/);
    // The fingerprint the administrator was read must be the file's.
    const other = officeCore('KZ-71').callAs(ADMIN, 'keys.own', {});
    expect(() => centre.callAs(ADMIN, 'trust.add', { keyFile: own.keyFile, fingerprint: other.fingerprint })).toThrow(/fingerprint/);
    expect(centre.callAs(ADMIN, 'trust.add', { keyFile: own.keyFile, fingerprint: own.fingerprint.toLowerCase() })).toMatchObject({ added: true, office: 'KZ-75' });
  });
});
