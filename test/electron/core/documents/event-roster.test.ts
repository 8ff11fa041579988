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
});
