import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createOffice } from '../../../../electron/core/office/identity';
import { seedRoster } from '../../../../electron/core/seed/seed';
import { makeIin } from '../../../../shared/domain/iin';
import { skeletonTokens } from '../../../../shared/domain/search-key';
import { testCore } from '../../../helpers/core-options';
import { databaseAtVersion } from '../../../helpers/old-database';
import { ADMIN, officeCore, tempDir } from '../../../helpers/temp-db';
import { exportTo, importInto, trust } from '../exchange/helpers';

const iin = makeIin('1987-03-14', 'F', 4821)!;
const someone = {
  lastName: 'Қуандықбекова',
  firstName: 'Шолпанай',
  middleName: 'Ержігітқызы',
  iin,
  phone: '+7 701 987 65 43',
  email: 'sholpanai.quandyq@example.kz',
  notes: 'Аллергия на пенициллин, ключ у соседки Зульфиры',
};
const almatyNotes = 'Алматы: живёт на Тимирязева 42, кв 17';
const centreNotes = 'Центр: работает в школе-гимназии Жулдызай';

/** Every way the bytes of a value could sit in the file: UTF-8 and both UTF-16s. */
function encodings(value: string): Buffer[] {
  const le = Buffer.from(value, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(value, 'utf8'), le, be];
}

function leftovers(file: string, values: string[]): string[] {
  const parts = [file, `${file}-wal`].filter(existsSync).map((f) => readFileSync(f));
  return values.filter((v) => encodings(v).some((b) => parts.some((bytes) => bytes.includes(b))));
}

describe('erasure', () => {
  it('leaves none of the erased values in the database file or its WAL: rows, indexes, search keys, conflict log', () => {
    const file = path.join(tempDir(), 'centre.sqlite');
    const centre = officeCore('KZ', file);
    const almaty = officeCore('KZ-75');
    trust(centre, almaty);
    trust(almaty, centre);
    seedRoster(centre.db, { volunteers: 3000, seed: 7 });

    const { id } = almaty.callAs(ADMIN, 'volunteers.create', someone);
    importInto(centre, exportTo(almaty, 'KZ'));
    // The search index gets segments written before and after the person's own.
    seedRoster(centre.db, { volunteers: 3000, seed: 8 });
    almaty.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: almatyNotes } });
    centre.callAs(ADMIN, 'volunteers.update', { id, patch: { notes: centreNotes, phone: '+7 702 111 22 33' } });
    importInto(centre, exportTo(almaty, 'KZ'));
    const [conflict] = centre.callAs(ADMIN, 'conflicts.list', {}).items;
    expect([conflict?.winner.value, conflict?.loser.value].sort()).toEqual([almatyNotes, centreNotes].sort());
    expect(centre.callAs(ADMIN, 'volunteers.search', { text: 'Қуандықбекова' }).total).toBe(1);

    const values = [
      someone.lastName, someone.firstName, someone.middleName, 'Kuandykbekova', 'Sholpanai',
      iin, '7019876543', '7021112233', someone.email, someone.notes, almatyNotes, centreNotes,
    ];
    const tokens = [someone.lastName, someone.firstName, someone.middleName].flatMap(skeletonTokens);
    expect(tokens.every((t) => t.length >= 6)).toBe(true);
    // Before the erasure the probe finds them (or it would prove nothing).
    centre.db.pragma('wal_checkpoint(TRUNCATE)');
    expect(leftovers(file, [...values, ...tokens])).toEqual(expect.arrayContaining([iin, someone.email, ...tokens]));

    centre.callAs(ADMIN, 'volunteers.delete', { id });

    expect(leftovers(file, [...values, ...tokens])).toEqual([]);
    expect(centre.callAs(ADMIN, 'volunteers.search', { text: 'Қуандықбекова' }).total).toBe(0);
    expect(centre.callAs(ADMIN, 'volunteers.search', { text: iin }).total).toBe(0);
    expect(centre.callAs(ADMIN, 'conflicts.list', { includeResolved: true }).items[0]).toMatchObject({
      resolution: 'edited', winner: { value: null }, loser: { value: null },
      // No name is left, and no raw id stands in for it (the screens say "a person whose data was erased").
      label: null,
    });
    // FTS5 checks the index against what the triggers deleted and inserted (it throws when they disagree).
    expect(() => centre.db.prepare("INSERT INTO volunteer_search (volunteer_search, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    expect(centre.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The rest of the roster is still found.
    expect(centre.callAs(ADMIN, 'volunteers.search', {}).total).toBe(6000);
  });

  it('erases the copy of the person that was merged into the record (registered twice, same IIN)', () => {
    const file = path.join(tempDir(), 'centre.sqlite');
    const centre = officeCore('KZ', file);
    const almaty = officeCore('KZ-75');
    const astana = officeCore('KZ-71');
    for (const office of [almaty, astana]) {
      trust(centre, office);
      trust(office, centre);
    }
    almaty.callAs(ADMIN, 'volunteers.create', someone);
    astana.callAs(ADMIN, 'volunteers.create', { ...someone, lastName: 'Куандыкбекова', email: 'sholpanai.second@example.kz' });
    importInto(centre, exportTo(almaty, 'KZ'));
    importInto(centre, exportTo(astana, 'KZ'));
    const found = centre.callAs(ADMIN, 'volunteers.search', { text: iin });
    expect(found.total).toBe(1);

    centre.callAs(ADMIN, 'volunteers.delete', { id: found.rows[0]!.id });

    expect(leftovers(file, [someone.lastName, 'Куандыкбекова', someone.email, 'sholpanai.second@example.kz', iin, someone.notes])).toEqual([]);
  });

  it('a person erased before the upgrade (old index, no secure_delete) is gone from the file after it', () => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = databaseAtVersion(file, 2, { wal: true });
    createOffice(old, 'KZ-75');
    seedRoster(old, { volunteers: 2000, seed: 5 });
    const person = old.prepare('SELECT seq, last_name, first_name, middle_name, iin, phone FROM volunteers WHERE iin IS NOT NULL ORDER BY seq LIMIT 1 OFFSET 700').get() as
      Record<string, string>;
    // What the old version did: blank the row and checkpoint; the search keys stayed behind.
    old.prepare("UPDATE volunteers SET last_name = '', first_name = '', middle_name = NULL, iin = NULL, phone = NULL, deleted = 1 WHERE seq = ?").run(person.seq);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    // Distinctive values only: other people share first names and surname stems.
    const values = [person.iin!, person.phone!.slice(2)];
    expect(leftovers(file, values).length).toBeGreaterThan(0);

    testCore(file).close();
    expect(leftovers(file, values)).toEqual([]);
  });
});
