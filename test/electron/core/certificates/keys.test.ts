import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN } from '../../../helpers/temp-db';
import { craft, importInto, offices } from '../exchange/helpers';
import { closeOffices, hours, office, person, STAFF } from './helpers';

afterEach(closeOffices);

describe('certificate keys', () => {
  it('each office has a certificate key of its own, apart from its bundle key; an office set up before certificates gets one on first use', () => {
    const core = office('KZ-75');
    const { fingerprint } = core.callAs(ADMIN, 'keys.own', {});
    core.db.prepare("DELETE FROM meta WHERE key IN ('cert_public', 'cert_private', 'cert_valid_from')").run();
    const v = person(core, 'Абаев');
    hours(core, v, 8);
    const cert = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v }).certificates[0]!;
    const [key] = core.callAs(ADMIN, 'certificates.keys', {});
    expect(key).toMatchObject({ office: 'KZ-75', own: true, trusted: true, validUntil: null });
    expect(fingerprint.replace(/ /g, '').toLowerCase()).not.toContain(key!.keyId);
    expect(core.callAs(STAFF, 'certificates.verify', { text: cert.qr! }).status).toBe('valid');
  });

  it('an office revoking its own certificate key gets a new one at once: earlier certificates stay valid, new ones verify with the new key', () => {
    const core = office('KZ-75');
    const [a, b] = [person(core, 'Абаев'), person(core, 'Бекова')];
    hours(core, a, 8);
    hours(core, b, 8);
    const first = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: a }).certificates[0]!;
    const [old] = core.callAs(ADMIN, 'certificates.keys', {});
    core.callAs(ADMIN, 'certificates.revokeKey', { keyId: old!.keyId, at: '2026-03-10T23:00:00.000Z' });
    const second = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: b }).certificates[0]!;
    expect(core.callAs(ADMIN, 'certificates.keys', {}).map((k) => k.validUntil !== null).sort()).toEqual([false, true]);
    expect(core.callAs(STAFF, 'certificates.verify', { text: first.qr! }).status).toBe('valid');
    expect(core.callAs(STAFF, 'certificates.verify', { text: second.qr! }).status).toBe('valid');
  });

  it('a bundle from before certificates (no certificate keys in its header, an old-style trust list) still imports', () => {
    const [centre, region] = offices('KZ', 'KZ-71');
    const summary = importInto(region!, craft(centre!, 'KZ-71', ''));
    expect(summary.alreadyImported).toBe(false);
    expect(region!.callAs(ADMIN, 'certificates.keys', {}).filter((k) => !k.own)).toEqual([]);
  });
});
