import { describe, expect, it } from 'vitest';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { pdfPages } from '../../../helpers/pdf';
import { assignOne, event, shift, volunteer } from '../events/helpers';
import { allocate, item } from '../logistics/helpers';

describe('the printed event roster', () => {
  it('holds the event, shifts with meeting points, people’s Kazakh and Russian names with phones, trips and who holds what; then the return sheet', () => {
    const core = officeCore('KZ-19');
    const e = event(core, { title: 'Су тасқыны: Атырау', contact: '+7 701 000 00 00' });
    const s = shift(core, e, { title: 'Қаптар толтыру', meetingPoint: 'Атырау, Сәтбаев к-сі 1, штаб' });
    const aigerim = volunteer(core, 'Сейтқалиева', { firstName: 'Әйгерім', middleName: 'Нұрланқызы', phone: '+77011234567' });
    const sergey = volunteer(core, 'Щербаков', { firstName: 'Сергей', phone: '+77779876543' });
    const driver = volunteer(core, 'Жүргізуші', { firstName: 'Ғалым', phone: '+77051112233', drivingCategories: ['D'] });
    for (const p of [aigerim, sergey]) assignOne(core, s, p);
    const radios = item(core, 'Рация', 5, { name: { ru: 'Рация', kk: 'Рация Motorola' } });
    allocate(core, e, radios, 2);
    core.callAs(ADMIN, 'logistics.issue', { eventId: e, itemId: radios, volunteerId: aigerim, quantity: 2 });
    const bus = core.callAs(ADMIN, 'vehicles.add', { plate: '123 ABC 06', model: 'ПАЗ', seats: 20, category: 'D' }).id;
    const trip = core.callAs(ADMIN, 'trips.add', {
      eventId: e, vehicleId: bus, driverId: driver, departAt: '2026-03-10T07:00', returnAt: '2026-03-10T19:00', departPlace: 'Атырау, офис', destination: 'Махамбет',
    }).id;
    core.callAs(ADMIN, 'trips.passengers.add', { tripId: trip, volunteerIds: [aigerim, sergey] });

    const file = core.callAs(ADMIN, 'logistics.roster', { id: e, lang: 'kk' });
    expect(file).toMatchObject({ fileName: 'event-roster-2026-03-09.pdf', mime: 'application/pdf', pages: 2 });
    const bytes = Buffer.from(file.base64, 'base64');
    const [first, returns] = pdfPages(bytes) as [string, string];
    for (const text of ['Іс-шара тізімі', 'Су тасқыны: Атырау', 'Қаптар толтыру', 'Сәтбаев к-сі 1, штаб', 'Сейтқалиева Әйгерім Нұрланқызы', 'Щербаков Сергей',
      '+7 (701) 123-45-67', '+7 (777) 987-65-43', '123 ABC', 'ПАЗ', 'Жүргізуші', 'Махамбет', 'Рация Motorola']) expect(first).toContain(text);
    expect(returns).toContain('Жабдықты қайтару ведомосы');
    for (const text of ['Сейтқалиева', 'Әйгерім', 'Motorola']) expect(returns).toContain(text);
    // In Russian the headings change, the names stay as written.
    const ru = pdfPages(Buffer.from(core.callAs(ADMIN, 'logistics.roster', { id: e, lang: 'ru' }).base64, 'base64'));
    expect(ru[0]).toContain('Список мероприятия');
    expect(ru[0]).toContain('Сейтқалиева Әйгерім');
    expect(ru[1]).toContain('Ведомость возврата снаряжения');
  });

  it('lists every passenger of a full bus, a row each with the phone: forty names in one cell were cut off at the page’s end', () => {
    const core = officeCore('KZ-19');
    const e = event(core, { start: '2030-03-09', end: '2030-03-11' });
    const s = shift(core, e, { start: '2030-03-10T09:00', end: '2030-03-10T17:00', needed: 40 });
    // Long double-barrelled Kazakh names, told apart by a letter pair (names hold no digits).
    const letters = 'абвгдежзиклмнопрстуфхцчшщыэюяәіңғүұқөһ';
    const names = Array.from({ length: 40 }, (_, i) => `Нұрмұхамбетова-Сейітжаппарова${letters[i % 20]!}${letters[20 + Math.floor(i / 20)]!}`);
    const people = names.map((lastName) => volunteer(core, lastName, { firstName: 'Әйгерім-Гүлжаһан', phone: '+77011234567' }));
    core.callAs(ADMIN, 'events.assign', { shiftId: s, volunteerIds: people });
    const driver = volunteer(core, 'Жүргізуші', { firstName: 'Ғалым', drivingCategories: ['D'] });
    const bus = core.callAs(ADMIN, 'vehicles.add', { plate: '123 ABC 06', seats: 40, category: 'D' }).id;
    const trip = core.callAs(ADMIN, 'trips.add', {
      eventId: e, vehicleId: bus, driverId: driver, departAt: '2030-03-10T07:00', returnAt: '2030-03-10T19:00', departPlace: 'Атырау, офис', destination: 'Махамбет',
    }).id;
    core.callAs(ADMIN, 'trips.passengers.add', { tripId: trip, volunteerIds: people });
    const pages = pdfPages(Buffer.from(core.callAs(ADMIN, 'logistics.roster', { id: e, lang: 'kk' }).base64, 'base64'));
    // Everything before the return sheet (the last page), without line breaks inside a cell.
    const roster = pages.slice(0, -1).join('\n').replace(/\s+/g, ' ').replace(/- /g, '-');
    // Each passenger twice: on the shift and on the trip.
    for (const name of names) expect(roster.split(name).length - 1, name).toBe(2);
    expect(roster).toContain('40/40');
  });

  it('prints litres as the screens show them: "2,5 л" in Kazakh and Russian, "2.5 l" in English', () => {
    const core = officeCore('KZ-19');
    const e = event(core, { start: '2030-03-09', end: '2030-03-11' });
    const s = shift(core, e, { start: '2030-03-10T09:00', end: '2030-03-10T17:00' });
    const aigerim = volunteer(core, 'Сейтқалиева', { firstName: 'Әйгерім' });
    assignOne(core, s, aigerim);
    const water = item(core, 'Вода', 100, { kind: 'consumable', unit: 'l' });
    allocate(core, e, water, 120.5 - 100 + 0.1 + 0.2);
    core.callAs(ADMIN, 'logistics.issue', { eventId: e, itemId: water, volunteerId: aigerim, quantity: 2.5 });
    const page = (lang: 'kk' | 'ru' | 'en') => pdfPages(Buffer.from(core.callAs(ADMIN, 'logistics.roster', { id: e, lang }).base64, 'base64'))[0]!;
    expect(page('kk')).toContain('20,8 л');
    expect(page('kk')).toContain('2,5 л');
    expect(page('ru')).toContain('2,5 л');
    expect(page('en')).toContain('2.5 l');
  });
});
