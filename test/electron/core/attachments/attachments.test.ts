import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { ATTACHMENT_MAX_BYTES } from '../../../../shared/domain/attachments';
import { failure } from '../../../helpers/call-error';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { exportTo, importInto, offices } from '../exchange/helpers';

/** A file of `size` bytes whose content starts as a PDF does (the rest random, so it does not compress). */
function pdf(size: number): Buffer {
  return Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size - 9)]);
}
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(500)]);
const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(500)]);

function userOf(core: Core, login: string, role: Actor['role']): Actor {
  core.callAs(ADMIN, 'users.add', { login, displayName: login, role, password: `${login} password` });
  const user = core.callAs(ADMIN, 'users.list', {}).find((u) => u.login === login)!;
  return { id: user.id, login, displayName: login, role };
}

const someone = (core: Core) => core.callAs(ADMIN, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан' }).id;
const add = (core: Core, volunteerId: string, bytes: Buffer, fileName = 'consent.pdf', actor: Actor = ADMIN) =>
  core.callAs(actor, 'attachments.add', { volunteerId, kind: 'consent', fileName, base64: bytes.toString('base64') }).id;
const opened = (core: Core, id: string) => Buffer.from(core.callAs(ADMIN, 'attachments.open', { id }).base64, 'base64');

describe('attachments', () => {
  it('keeps a PDF, a JPEG and a PNG as they were added, listed with kind, name, size, date and who', () => {
    const core = officeCore();
    const person = someone(core);
    const files = { 'согласие.pdf': pdf(20_000), 'scan.jpg': jpeg(), 'photo.png': png() };
    const ids = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, add(core, person, bytes, name)]));
    const { items, mayOpen } = core.callAs(ADMIN, 'attachments.list', { volunteerId: person });
    expect(mayOpen).toBe(true);
    expect(items.map((i) => [i.fileName, i.mime, i.size, i.kind, i.addedBy]).sort()).toEqual([
      ['photo.png', 'image/png', 508, 'consent', 'cli@KZ-75'],
      ['scan.jpg', 'image/jpeg', 504, 'consent', 'cli@KZ-75'],
      ['согласие.pdf', 'application/pdf', 20_000, 'consent', 'cli@KZ-75'],
    ]);
    for (const [name, bytes] of Object.entries(files)) expect(opened(core, ids[name]!).equals(bytes), name).toBe(true);
    // Saved under its own name with the extension of what it is.
    expect(core.callAs(ADMIN, 'attachments.open', { id: ids['scan.jpg']! })).toMatchObject({ fileName: 'scan.jpg', mime: 'image/jpeg' });
  });

  it('takes a file of exactly 5 MB and refuses one byte more, naming the file’s size and the limit', () => {
    const core = officeCore();
    const person = someone(core);
    expect(() => add(core, person, pdf(ATTACHMENT_MAX_BYTES))).not.toThrow();
    const error = failure(() => add(core, person, pdf(ATTACHMENT_MAX_BYTES + 1)));
    expect(error.key).toBe('error.attachments.tooLarge');
    expect(error.params).toEqual({ size: 5.1, limit: 5 });
    const big = failure(() => add(core, person, pdf(6.5 * 1024 * 1024)));
    expect(big.params).toEqual({ size: 6.5, limit: 5 });
    expect(core.callAs(ADMIN, 'attachments.list', { volunteerId: person }).items).toHaveLength(1);
  });

  it('judges a file by its first bytes, not its name: a renamed program or text is refused, a misnamed JPEG is saved as .jpg', () => {
    const core = officeCore();
    const person = someone(core);
    for (const bytes of [Buffer.from('MZ\x90\x00 a Windows program'), Buffer.from('just text, not a PDF'), Buffer.from('<html>%PDF-')]) {
      expect(failure(() => add(core, person, bytes, 'consent.pdf')).key).toBe('error.attachments.type');
    }
    expect(failure(() => add(core, person, Buffer.alloc(0))).key).toBe('error.attachments.empty');
    const id = add(core, person, jpeg(), 'scan.pdf');
    expect(core.callAs(ADMIN, 'attachments.open', { id })).toMatchObject({ fileName: 'scan.jpg', mime: 'image/jpeg' });
    // A name with folders and reserved characters keeps only a plain base name.
    const odd = add(core, person, pdf(100), '..\\..\\C:/Users/x/bad:name?.pdf');
    expect(core.callAs(ADMIN, 'attachments.list', { volunteerId: person }).items.find((i) => i.id === odd)?.fileName).toBe('bad_name_.pdf');
  });

  it('lets staff add, list and delete, as they edit a person, but only coordinators and administrators open a document', () => {
    const core = officeCore();
    const person = someone(core);
    const staff = userOf(core, 'clerk', 'staff');
    const coordinator = userOf(core, 'coord', 'coordinator');
    const id = add(core, person, pdf(1000), 'consent.pdf', staff);
    expect(core.callAs(staff, 'attachments.list', { volunteerId: person })).toMatchObject({ mayOpen: false, items: [{ id, addedBy: 'clerk@KZ-75' }] });
    expect(failure(() => core.callAs(staff, 'attachments.open', { id })).code).toBe('forbidden');
    expect(core.callAs(coordinator, 'attachments.open', { id }).base64.length).toBeGreaterThan(0);
    core.callAs(staff, 'attachments.delete', { id });
    expect(core.callAs(staff, 'attachments.list', { volunteerId: person }).items).toEqual([]);
  });

  it('refuses documents for a person another office keeps, as it refuses editing them', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ') as [Core, Core];
    const person = someone(centre);
    importInto(almaty, exportTo(centre, 'KZ-75'));
    expect(failure(() => add(almaty, person, pdf(1000))).key).toBe('error.personKeptElsewhere');
  });

  it('deletes as a tombstone without the content or name; a deleted document no longer opens', () => {
    const core = officeCore();
    const person = someone(core);
    const id = add(core, person, pdf(2000));
    core.callAs(ADMIN, 'attachments.delete', { id });
    expect(core.db.prepare('SELECT deleted, content, file_name, kind, size FROM attachments WHERE id = ?').get(id)).toEqual({
      deleted: 1, content: null, file_name: null, kind: 'consent', size: 2000,
    });
    expect(failure(() => core.callAs(ADMIN, 'attachments.open', { id })).key).toBe('error.attachments.notFound');
    expect(failure(() => core.callAs(ADMIN, 'attachments.delete', { id })).key).toBe('error.attachments.notFound');
  });
});

describe('attachments between offices', () => {
  it('arrive byte for byte at the other office in a bundle, even a 5 MB one, and their deletion follows', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ') as [Core, Core];
    const person = someone(almaty);
    const big = pdf(ATTACHMENT_MAX_BYTES);
    const small = png();
    const bigId = add(almaty, person, big, 'consent.pdf');
    const smallId = add(almaty, person, small, 'guardian.png');
    const bundle = exportTo(almaty, 'KZ');
    const summary = importInto(centre, bundle);
    expect(summary.tables.attachments?.created).toBe(2);
    expect(opened(centre, bigId).equals(big)).toBe(true);
    expect(opened(centre, smallId).equals(small)).toBe(true);
    const sha = (core: Core) => core.db.prepare('SELECT sha256 FROM attachments WHERE id = ?').pluck().get(bigId);
    expect(sha(centre)).toBe(createHash('sha256').update(big).digest('hex'));
    expect(centre.callAs(ADMIN, 'attachments.list', { volunteerId: person }).items.map((i) => i.addedBy).sort()).toEqual(['cli@KZ-75', 'cli@KZ-75']);

    almaty.callAs(ADMIN, 'attachments.delete', { id: bigId });
    importInto(centre, exportTo(almaty, 'KZ'));
    expect(centre.callAs(ADMIN, 'attachments.list', { volunteerId: person }).items.map((i) => i.id)).toEqual([smallId]);
    expect(centre.db.prepare('SELECT content FROM attachments WHERE id = ?').pluck().get(bigId)).toBeNull();
  });

  it('erasing the person empties their documents here and, through the bundle, at the other office', () => {
    const [almaty, centre] = offices('KZ-75', 'KZ') as [Core, Core];
    const person = someone(almaty);
    const bytes = pdf(50_000);
    const id = add(almaty, person, bytes);
    importInto(centre, exportTo(almaty, 'KZ'));
    almaty.callAs(ADMIN, 'volunteers.delete', { id: person });
    const row = (core: Core) => core.db.prepare('SELECT deleted, content, file_name, sha256 FROM attachments WHERE id = ?').get(id);
    expect(row(almaty)).toEqual({ deleted: 1, content: null, file_name: null, sha256: null });
    importInto(centre, exportTo(almaty, 'KZ'));
    expect(row(centre)).toEqual({ deleted: 1, content: null, file_name: null, sha256: null });
    // Nothing of the file's bytes is left in either database.
    const probe = bytes.subarray(1000, 1064).toString('base64');
    for (const core of [almaty, centre]) {
      expect(core.db.prepare("SELECT count(*) FROM attachments WHERE content LIKE '%' || ? || '%'").pluck().get(probe.slice(0, 40))).toBe(0);
    }
  });
});
