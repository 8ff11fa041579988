import { afterEach, describe, expect, it } from 'vitest';
import { createPrivateKey, sign } from 'node:crypto';
import type { Core } from '../../../../electron/core/app';
import { ownKeys, ownPrivateKeys } from '../../../../electron/core/office/keys';
import { ADMIN } from '../../../helpers/temp-db';
import { exportTo, importInto, trust } from '../exchange/helpers';
import { closeOffices, hours, kazakh, office, STAFF } from './helpers';

/**
 * Certificates verified at other offices: the register travels in bundles like every replicated
 * table; the issuing office's certificate key travels in bundle headers and counts once the
 * centre vouched for it.
 */
afterEach(closeOffices);

const sync = (from: Core, to: Core, code: string) => importInto(to, exportTo(from, code));

/** The centre, Almaty and Astana; the regions trust only the centre, the centre both. */
function country(): { centre: Core; almaty: Core; astana: Core } {
  const [centre, almaty, astana] = [office('KZ'), office('KZ-75'), office('KZ-71')];
  for (const region of [almaty, astana]) {
    trust(centre, region);
    trust(region, centre);
  }
  return { centre, almaty, astana };
}

function serviceCertificate(core: Core) {
  const v = kazakh(core);
  hours(core, v, 13);
  hours(core, v, 12, { date: '2026-02-15' });
  return core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v }).certificates[0]!;
}

const verify = (core: Core, text: string) => core.callAs(STAFF, 'certificates.verify', { text });

describe('certificates across offices', () => {
  it('issued in a region: valid at the centre and at another region that trusts it through the centre; unknown before', () => {
    const { centre, almaty, astana } = country();
    const cert = serviceCertificate(almaty);
    expect(verify(centre, cert.qr!)).toMatchObject({ status: 'unknown', reason: 'untrustedIssuer' });
    sync(almaty, centre, 'KZ');
    expect(verify(centre, cert.qr!)).toMatchObject({ status: 'valid', holderLatin: 'Zhumabekov Nursultan', hours: 25, asOf: expect.any(String) });
    expect(verify(centre, cert.code).status).toBe('valid');
    expect(verify(astana, cert.qr!).status).toBe('unknown');
    sync(centre, astana, 'KZ-71');
    expect(verify(astana, cert.qr!)).toMatchObject({ status: 'valid', office: 'KZ-75', number: cert.number });
    expect(verify(astana, cert.code).status).toBe('valid');
    expect(astana.callAs(ADMIN, 'certificates.keys', {})).toEqual(
      expect.arrayContaining([expect.objectContaining({ office: 'KZ-75', trusted: true, own: false, validUntil: null })]),
    );
  });

  it('issued offline after the last exchange: its QR content is valid elsewhere, "not yet in the register received here"; its short code unknown until the register arrives', () => {
    const { centre, almaty } = country();
    const earlier = serviceCertificate(almaty);
    expect(verify(centre, earlier.qr!).asOf).toBeNull();
    sync(almaty, centre, 'KZ');
    const received = centre.db.prepare("SELECT MAX(at) FROM exchange_history WHERE direction = 'import'").pluck().get() as string;
    expect(verify(centre, earlier.qr!)).toMatchObject({ status: 'valid', reason: null, inRegister: true, asOf: received });

    const later = serviceCertificate(almaty);
    expect(verify(centre, later.qr!)).toMatchObject({
      status: 'valid', reason: 'notInRegister', inRegister: false, signatureValid: true, number: later.number, code: later.code, holderLatin: 'Zhumabekov Nursultan',
      hours: 25, asOf: received,
    });
    expect(verify(centre, later.code)).toMatchObject({ status: 'unknown', reason: 'notInRegister', inRegister: false, asOf: received });
    // Every answer says as of when, the unknown and the broken ones too.
    expect(verify(centre, 'EK1:%%%').asOf).toBe(received);
    sync(almaty, centre, 'KZ');
    expect(verify(centre, later.qr!)).toMatchObject({ status: 'valid', reason: null, inRegister: true, holderName: 'Жұмабеков Нұрсұлтан Әлиұлы' });
    expect(verify(centre, later.code).status).toBe('valid');
  });

  it('an erased holder’s certificate verifies at another office as valid with the holder’s data erased, showing none of it', () => {
    const { centre, almaty } = country();
    const cert = serviceCertificate(almaty);
    const volunteerId = almaty.callAs(STAFF, 'certificates.get', { number: cert.number }).volunteerId;
    almaty.callAs(ADMIN, 'volunteers.delete', { id: volunteerId });
    sync(almaty, centre, 'KZ');
    for (const text of [cert.qr!, cert.code]) {
      const verdict = verify(centre, text);
      expect(verdict).toMatchObject({ status: 'valid', holderErased: true, holderName: null, holderLatin: null, hours: 25 });
      expect(JSON.stringify(verdict)).not.toMatch(/Жұмабеков|Zhumabekov|Нұрсұлтан|Nursultan/);
    }
  });

  it('revoked at the issuing office, exported and imported: revoked at the centre and elsewhere', () => {
    const { centre, almaty, astana } = country();
    const cert = serviceCertificate(almaty);
    sync(almaty, centre, 'KZ');
    sync(centre, astana, 'KZ-71');
    almaty.callAs(ADMIN, 'certificates.revoke', { number: cert.number, reason: 'Выдан по ошибке' });
    expect(verify(centre, cert.qr!).status).toBe('valid');
    sync(almaty, centre, 'KZ');
    expect(verify(centre, cert.qr!)).toMatchObject({ status: 'revoked', revokeReason: 'Выдан по ошибке' });
    sync(centre, astana, 'KZ-71');
    expect(verify(astana, cert.code).status).toBe('revoked');
    // Another region may not revoke what it did not issue.
    const other = serviceCertificate(almaty);
    sync(almaty, centre, 'KZ');
    sync(centre, astana, 'KZ-71');
    expect(() => astana.callAs(ADMIN, 'certificates.revoke', { number: other.number, reason: 'нет' })).toThrow();
  });

  it('a code from an office nobody vouched for is unknown; a certificate key the centre revoked no longer makes valid certificates', () => {
    const { centre, almaty, astana } = country();
    const stranger = office('KZ-79');
    expect(verify(astana, serviceCertificate(stranger).qr!)).toMatchObject({ status: 'unknown', reason: 'untrustedIssuer' });

    const before = serviceCertificate(almaty);
    sync(almaty, centre, 'KZ');
    const key = centre.callAs(ADMIN, 'certificates.keys', {}).find((k) => k.office === 'KZ-75')!;
    // Revoked from the start of the issue day: what it signed that day and after fails everywhere.
    centre.callAs(ADMIN, 'certificates.revokeKey', { keyId: key.keyId, at: '2026-03-09T19:00:00.000Z' });
    expect(verify(centre, before.qr!)).toMatchObject({ status: 'unknown', reason: 'keyNotValid' });
    sync(centre, astana, 'KZ-71');
    expect(verify(astana, before.qr!)).toMatchObject({ status: 'unknown', reason: 'keyNotValid' });
    expect(verify(astana, before.code).status).toBe('unknown');
    // The region learns of it, takes a new key, and its new certificates are vouched for again.
    sync(centre, almaty, 'KZ-75');
    expect(almaty.callAs(ADMIN, 'certificates.keys', {}).find((k) => k.keyId === key.keyId)!.validUntil).toBe('2026-03-09T19:00:00.000Z');
  });
});

describe('certificate keys cannot be claimed by another office', () => {
  it('a region announcing another office’s certificate key as its own is ignored: the owner’s certificates stay its own and valid', async () => {
    const { applyCertificateKeyStatements, knownCertificateKeyStatements } = await import('../../../../electron/core/certificates/keys');
    const { centre, almaty, astana } = country();
    const cert = serviceCertificate(almaty);
    sync(almaty, centre, 'KZ');
    const almatyKey = knownCertificateKeyStatements(almaty.db).find((s) => s.kind === 'self')!;
    // Astana signs, with its own bundle key, a statement claiming Almaty's key; it cannot prove possession.
    sync(astana, centre, 'KZ');
    const astanaKeys = ownKeys(astana.db)!;
    const body = { ...almatyKey, office: 'KZ-71', by: astanaKeys.fingerprint };
    const bytes = Buffer.from(`erikti-certificate-key\u0000${JSON.stringify([body.kind, body.office, body.keyId, body.key, body.purpose, body.validFrom, body.validUntil, body.by])}`);
    const forged = { ...body, sig: sign(null, bytes, createPrivateKey(ownPrivateKeys(astana.db).signPrivate)).toString('base64') };
    const before = knownCertificateKeyStatements(centre.db).length;
    centre.db.transaction(() => applyCertificateKeyStatements(centre.db, [forged, { ...forged, pop: null }], new Date().toISOString()))();
    expect(knownCertificateKeyStatements(centre.db)).toHaveLength(before);
    expect(centre.callAs(ADMIN, 'certificates.keys', {}).filter((k) => k.keyId === almatyKey.keyId).map((k) => k.office)).toEqual(['KZ-75']);
    expect(verify(centre, cert.qr!)).toMatchObject({ status: 'valid', office: 'KZ-75' });
  });
});

describe('a certificate key the centre ends', () => {
  it('the office learns it with the next bundle and signs with a new key from then on, which the centre vouches for', () => {
    const { centre, almaty } = country();
    const before = serviceCertificate(almaty);
    sync(almaty, centre, 'KZ');
    const [vouched] = centre.callAs(ADMIN, 'certificates.keys', {}).filter((k) => k.office === 'KZ-75');
    expect(vouched).toMatchObject({ vouched: true, own: false, current: false });
    centre.callAs(ADMIN, 'certificates.revokeKey', { keyId: vouched!.keyId });
    sync(centre, almaty, 'KZ-75');
    expect(almaty.callAs(ADMIN, 'certificates.keys', {}).find((k) => k.keyId === vouched!.keyId)).toMatchObject({ own: true, current: false, validUntil: expect.any(String) });

    const after = serviceCertificate(almaty);
    const mine = almaty.callAs(ADMIN, 'certificates.keys', {}).filter((k) => k.own);
    expect(mine.map((k) => k.current).sort()).toEqual([false, true]);
    expect(mine.find((k) => k.current)!.keyId).not.toBe(vouched!.keyId);
    sync(almaty, centre, 'KZ');
    expect(verify(centre, after.qr!).status).toBe('valid');
    expect(verify(centre, before.code).number).toBe(before.number);
  });
});
