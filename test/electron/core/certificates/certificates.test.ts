import { afterEach, describe, expect, it } from 'vitest';
import { decodeFacts, encodeFacts, parseQrText, qrText } from '../../../../electron/core/certificates/payload';
import { base45Decode, base45Encode } from '../../../../electron/core/certificates/base45';
import { failure } from '../../../helpers/call-error';
import { ADMIN } from '../../../helpers/temp-db';
import { closeOffices, hours, kazakh, office, passedSession, person, STAFF } from './helpers';

afterEach(closeOffices);

describe('issuing certificates', () => {
  it('a training certificate: numbered per office and year, its QR small and Base45, verified valid with what it states', () => {
    const core = office('KZ-75');
    const v = kazakh(core);
    const session = passedSession(core, [v]);
    const { certificates: [issued] } = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: v, sessionId: session });
    expect(issued!.number).toBe('KZ-75-2026-000001');
    expect(issued!.code).toMatch(/^KZ-75-2026-000001-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(issued!.qr).toMatch(/^EK1:[0-9A-Z $%*+\-./:]+$/);
    expect(issued!.qr!.length).toBeLessThanOrEqual(300);
    expect(issued!.qr).not.toContain('950412');
    const verdict = core.callAs(STAFF, 'certificates.verify', { text: issued!.qr! });
    expect(verdict).toMatchObject({
      status: 'valid', reason: null, signatureValid: true, number: 'KZ-75-2026-000001', kind: 'training', holderLatin: 'Zhumabekov Nursultan',
      holderName: 'Жұмабеков Нұрсұлтан Әлиұлы', from: '2026-03-09', to: '2026-03-10', hours: 8, title: 'Первая помощь: базовый курс',
    });
    expect(core.callAs(STAFF, 'certificates.verify', { text: issued!.code }).status).toBe('valid');
  });

  it('asking again gives the same certificate (same number, code and QR); serials count on per office and year', () => {
    const core = office('KZ-75');
    const [a, b] = [person(core, 'Абаев'), person(core, 'Бекова')];
    const session = passedSession(core, [a, b]);
    const first = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: a, sessionId: session }).certificates[0]!;
    const again = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: a, sessionId: session }).certificates[0]!;
    expect(again).toEqual({ ...first, again: true });
    const second = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: b, sessionId: session }).certificates[0]!;
    expect(second.number).toBe('KZ-75-2026-000002');
    hours(core, a, 20);
    expect(core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: a }).certificates[0]!.number).toBe('KZ-75-2026-000003');
  });

  it('no certificate without the pass or the verified hours it states; only administrators issue and revoke', () => {
    const core = office('KZ-75');
    const [passed, failed, idle] = [person(core, 'Абаев'), person(core, 'Бекова'), person(core, 'Ветров')];
    const session = passedSession(core, [passed], [failed]);
    expect(failure(() => core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: failed, sessionId: session })).key).toBe('error.certificates.notPassed');
    hours(core, idle, 5, { verified: false });
    expect(failure(() => core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: idle })).key).toBe('error.certificates.noVerifiedHours');
    expect(failure(() => core.callAs(STAFF, 'certificates.issue', { kind: 'training', volunteerId: passed, sessionId: session })).key).toBe('error.forbidden');
    const { number } = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: passed, sessionId: session }).certificates[0]!;
    expect(failure(() => core.callAs(STAFF, 'certificates.revoke', { number, reason: 'ошибка' })).key).toBe('error.forbidden');
    expect(core.callAs(ADMIN, 'certificates.list', {}).total).toBe(1);
  });

  it('the register is searchable by number and by name in any spelling, and by person', () => {
    const core = office('KZ-75');
    const [a, b] = [kazakh(core), person(core, 'Иванова', { firstName: 'Мария' })];
    for (const v of [a, b]) hours(core, v, 8);
    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 1, print: false });
    const numberOf = (v: string) => batch.certificates.find((c) => c.volunteerId === v)!.number;
    const found = (text: string) => core.callAs(STAFF, 'certificates.list', { text }).rows.map((r) => r.number);
    expect(found('zhumabek')).toEqual([numberOf(a)]);
    expect(found('ЖҰМАБЕКОВ нұрсұлтан')).toEqual([numberOf(a)]);
    expect(found('иван')).toEqual([numberOf(b)]);
    expect(found(numberOf(b).slice(-6))).toEqual([numberOf(b)]);
    expect(core.callAs(STAFF, 'certificates.list', { volunteerId: a }).rows.map((r) => r.number)).toEqual([numberOf(a)]);
  });

  it('a service certificate states verified hours only, with the events and categories summarised', () => {
    const core = office('KZ-75');
    const v = person(core, 'Абаев');
    hours(core, v, 12, { category: 'flood' });
    hours(core, v, 10, { date: '2026-03-01', category: 'socialSupport' });
    hours(core, v, 15, { date: '2026-03-02', verified: false });
    hours(core, v, 7, { date: '2025-12-31' });
    const issued = core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v }).certificates[0]!;
    expect(core.callAs(STAFF, 'certificates.verify', { text: issued.qr! })).toMatchObject({
      status: 'valid', kind: 'service', from: '2026-01-01', to: '2026-12-31', hours: 22, categories: ['flood', 'socialSupport'],
    });
  });

  it('a batch of service certificates for everyone with at least N verified hours is all or nothing', () => {
    const core = office('KZ-75');
    const [a, b, c] = [person(core, 'Абаев'), person(core, 'Бекова'), person(core, 'Ветров')];
    hours(core, a, 20);
    hours(core, b, 19.75);
    hours(core, c, 24);
    const batch = core.callAs(ADMIN, 'certificates.batch', { kind: 'service', year: 2026, minHours: 20, print: false });
    expect(batch.certificates.map((x) => [x.volunteerId, x.number])).toEqual([[a, 'KZ-75-2026-000001'], [c, 'KZ-75-2026-000002']]);
    expect(batch.file).toBeNull();
  });
});

describe('verifying', () => {
  function issued() {
    const core = office('KZ-75');
    const v = kazakh(core);
    hours(core, v, 21);
    return { core, cert: core.callAs(ADMIN, 'certificates.issue', { kind: 'service', volunteerId: v }).certificates[0]! };
  }

  it('changing any field of the QR content makes it altered; the untouched one stays valid', () => {
    const { core, cert } = issued();
    const { payload, signature } = parseQrText(cert.qr!)!;
    const facts = decodeFacts(payload);
    const changes: Partial<typeof facts>[] = [
      { holderLatin: 'Zhumabekova Nursulu' }, { serial: facts.serial + 1 }, { year: 2025 }, { hours: 70 }, { from: '2025-01-01' }, { to: '2027-12-31' },
      { issuedOn: '2026-01-01' }, { events: 5 }, { categories: ['fire'] }, { kind: 'training', title: 'X' }, { office: 'KZ-71' },
    ];
    for (const change of changes) {
      const forged = qrText(encodeFacts({ ...facts, ...change }), signature);
      const verdict = core.callAs(STAFF, 'certificates.verify', { text: forged });
      expect([verdict.status, verdict.reason], JSON.stringify(change)).toEqual(['altered', 'badSignature']);
    }
    // Naming a key nobody vouched for: nothing to check the signature with, so not valid but unknown.
    const otherKey = core.callAs(STAFF, 'certificates.verify', { text: qrText(encodeFacts({ ...facts, keyId: '00'.repeat(8) }), signature) });
    expect([otherKey.status, otherKey.reason]).toEqual(['unknown', 'untrustedIssuer']);
    // A single flipped bit anywhere in the signed bytes.
    const bytes = base45Decode(cert.qr!.slice(4))!;
    for (let i = 0; i < bytes.length; i += 7) {
      const copy = Uint8Array.from(bytes);
      copy[i]! ^= 1;
      expect(core.callAs(STAFF, 'certificates.verify', { text: `EK1:${base45Encode(copy)}` }).status).not.toBe('valid');
    }
    expect(core.callAs(STAFF, 'certificates.verify', { text: cert.qr! }).status).toBe('valid');
  });

  it('a training certificate’s program title changed in the QR content is altered', () => {
    const core = office('KZ-75');
    const v = kazakh(core);
    const session = passedSession(core, [v]);
    const { qr } = core.callAs(ADMIN, 'certificates.issue', { kind: 'training', volunteerId: v, sessionId: session }).certificates[0]!;
    const { payload, signature } = parseQrText(qr!)!;
    const forged = qrText(encodeFacts({ ...decodeFacts(payload), title: 'Спасательные работы: инструктор' }), signature);
    expect(core.callAs(STAFF, 'certificates.verify', { text: forged })).toMatchObject({ status: 'altered', reason: 'badSignature', signatureValid: false });
  });

  it('any single character of a short code mistyped is caught, never valid', () => {
    const { core, cert } = issued();
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    let tried = 0;
    for (let i = 0; i < cert.code.length; i++) {
      if (cert.code[i] === '-') continue;
      // Digits of the number become other digits; characters of the check part other Crockford characters.
      const inNumber = i < cert.number.length;
      for (const ch of inNumber ? '0123456789' : alphabet) {
        if (ch === cert.code[i]) continue;
        const typo = cert.code.slice(0, i) + ch + cert.code.slice(i + 1);
        const verdict = core.callAs(STAFF, 'certificates.verify', { text: typo });
        expect(verdict.status, typo).not.toBe('valid');
        tried++;
      }
    }
    expect(tried).toBeGreaterThan(300);
  });

  it('a mistyped or invented short code is caught; case, spaces and O/0 I/1 confusions are forgiven', () => {
    const { core, cert } = issued();
    const typed = cert.code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(core.callAs(STAFF, 'certificates.verify', { text: typed }).status).toBe('valid');
    const wrongCheck = cert.code.slice(0, -1) + (cert.code.endsWith('7') ? '8' : '7');
    expect(core.callAs(STAFF, 'certificates.verify', { text: wrongCheck })).toMatchObject({ status: 'unknown', reason: 'checkMismatch' });
    const wrongNumber = cert.code.replace('000001', '000002');
    expect(core.callAs(STAFF, 'certificates.verify', { text: wrongNumber })).toMatchObject({ status: 'unknown', reason: 'notInRegister' });
    expect(core.callAs(STAFF, 'certificates.verify', { text: 'hello' })).toMatchObject({ status: 'unknown', reason: 'malformed' });
  });

  it('revoked with a reason: stays listed, verifies as revoked by QR and by code', () => {
    const { core, cert } = issued();
    core.callAs(ADMIN, 'certificates.revoke', { number: cert.number, reason: 'Часы внесены ошибочно' });
    expect(core.callAs(STAFF, 'certificates.verify', { text: cert.qr! })).toMatchObject({ status: 'revoked', revokeReason: 'Часы внесены ошибочно' });
    expect(core.callAs(STAFF, 'certificates.verify', { text: cert.code }).status).toBe('revoked');
    expect(core.callAs(STAFF, 'certificates.list', { revoked: true }).rows.map((r) => r.number)).toEqual([cert.number]);
    expect(failure(() => core.callAs(ADMIN, 'certificates.revoke', { number: cert.number, reason: 'ещё раз' })).key).toBe('error.certificates.alreadyRevoked');
  });

  it('an erased holder’s certificate stays verifiable by its code, as valid with the holder’s data erased', () => {
    const { core, cert } = issued();
    const volunteerId = core.callAs(STAFF, 'certificates.get', { number: cert.number }).volunteerId;
    core.callAs(ADMIN, 'volunteers.delete', { id: volunteerId });
    const verdict = core.callAs(STAFF, 'certificates.verify', { text: cert.code });
    expect(verdict).toMatchObject({ status: 'valid', holderErased: true, holderName: null, holderLatin: null, hours: 21 });
    // The paper's QR content too: valid, and the answer shows nothing of the person (the paper itself still does).
    const scanned = core.callAs(STAFF, 'certificates.verify', { text: cert.qr! });
    expect(scanned).toMatchObject({ status: 'valid', inRegister: true, holderErased: true, holderName: null, holderLatin: null, hours: 21 });
    for (const answer of [verdict, scanned]) expect(JSON.stringify(answer)).not.toMatch(/Жұмабеков|Zhumabekov|Нұрсұлтан|Nursultan/);
    expect(JSON.stringify(core.callAs(STAFF, 'certificates.list', {}))).not.toContain('Жұмабеков');
    expect(failure(() => core.callAs(ADMIN, 'certificates.print', { numbers: [cert.number] })).key).toBe('error.certificates.holderErased');
  });
});
