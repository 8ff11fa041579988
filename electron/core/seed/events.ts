import { EMERGENCY_CATEGORIES, assignmentId, shiftHoursId, workedHours, type EventCategory } from '../../../shared/domain/events';
import { addDays } from '../../../shared/domain/trainings';
import { writeTransaction, type Db } from '../db/connection';
import { readOffice } from '../office/identity';
import { persistClock, syncClock } from '../replication/hlc';
import { insertReplicated } from '../replication/write';
import { LOCALITIES } from './names';
import { random, seedStamp, seededIds } from './seed';
import { noProgress, type Progress } from '../progress';

/**
 * Events and the hours ledger at national scale for a seeded roster: per 200,000 volunteers about
 * 6,000 events a year (two years, 2024–2025) in the people's regions, 1–5 shifts each, their
 * assignments (a few declined, a few no-shows) and about ten hour entries per person: most
 * checked out from shifts (actual times, quarter hours, on the shift's start date), the rest
 * typed by hand, most verified, a few corrected. Nobody works two shifts on one day, so no day
 * passes 24 hours. Deterministic like the roster: ids, dates and values derive from the seed.
 * Rows go in through the ordinary replicated write, a few thousand per transaction.
 */

const YEARS = [2024, 2025] as const;
const DAYS = 731; // 2024-01-01 … 2025-12-31
const FIRST_DAY = '2024-01-01';
const EVENTS_PER_VOLUNTEER_A_YEAR = 6000 / 200_000;
export const HOURS_PER_VOLUNTEER = 10;
const BY_HAND = 0.15;
const VERIFIED = 0.85;
const CORRECTED = 0.003;
const SEED_EPOCH_MS = Date.UTC(2024, 0, 1);

/** Category weights: social support, public events and environment are the everyday work. */
const CATEGORIES: [EventCategory, number][] = [
  ['socialSupport', 24], ['publicEvent', 18], ['environment', 14], ['forum', 8], ['animals', 8], ['other', 6],
  ['flood', 8], ['fire', 6], ['search', 6], ['earthquake', 2],
];
const TITLES: Record<EventCategory, string> = {
  fire: 'Лесной пожар: помощь пострадавшим', flood: 'Паводок: помощь жителям', earthquake: 'Землетрясение: пункт помощи',
  search: 'Поиск пропавшего человека', socialSupport: 'Помощь пожилым людям', animals: 'Приют для животных',
  environment: 'Субботник', publicEvent: 'Городской праздник', forum: 'Молодёжный форум', other: 'Благотворительная ярмарка',
};
const BY_HAND_NOTES = ['Помощь в приюте', 'Работа в штабе', 'Доставка продуктов', 'Обучение волонтёров', 'Консультации по телефону'];

export interface EventSeedResult {
  events: number;
  shifts: number;
  assignments: number;
  hourEntries: number;
}

interface Person {
  id: string;
  busy: number[]; // day numbers worked, so nobody works two shifts on one day
}

const pad = (n: number) => String(n).padStart(2, '0');
const at = (date: string, minutes: number) => `${minutes >= 1440 ? addDays(date, 1) : date}T${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;

export function seedEvents(db: Db, options: { seed: number; volunteers: number; hours?: number; progress?: Progress }): EventSeedResult {
  const rnd = random(options.seed * 104_729 + 31);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const between = (low: number, high: number) => low + Math.floor(rnd() * (high - low + 1));
  const seededId = seededIds(rnd, SEED_EPOCH_MS);
  const totalWeight = CATEGORIES.reduce((s, [, w]) => s + w, 0);
  const category = (): EventCategory => {
    let roll = rnd() * totalWeight;
    for (const [c, w] of CATEGORIES) if ((roll -= w) < 0) return c;
    return 'other';
  };

  const office = readOffice(db)?.code ?? 'KZ';
  const staff = `staff@${office}`;
  const stamp = seedStamp(db, office, SEED_EPOCH_MS);
  const { clock } = stamp;
  const byRegion = new Map<string, Person[]>();
  for (const v of db.prepare("SELECT id, region FROM volunteers WHERE deleted = 0 AND status = 'active' ORDER BY seq").all() as { id: string; region: string | null }[]) {
    const list = byRegion.get(v.region ?? office) ?? [];
    list.push({ id: v.id, busy: [] });
    byRegion.set(v.region ?? office, list);
  }
  const regions = [...byRegion.keys()].sort();
  const everyone = regions.flatMap((r) => byRegion.get(r)!);
  const result: EventSeedResult = { events: 0, shifts: 0, assignments: 0, hourEntries: 0 };
  if (everyone.length === 0) return result;

  const target = options.hours ?? HOURS_PER_VOLUNTEER * options.volunteers;
  const progress = options.progress ?? noProgress;
  const eventCount = Math.max(1, Math.round(options.volunteers * EVENTS_PER_VOLUNTEER_A_YEAR * YEARS.length));
  // Each event's shift count is drawn first, so the people per shift can share out the budget.
  const plan = Array.from({ length: eventCount }, () => ({ shifts: between(1, 5), region: pick(regions) }));
  const shiftTotal = plan.reduce((s, e) => s + e.shifts, 0);
  let budget = Math.round(target * (1 - BY_HAND));
  let shiftsLeft = shiftTotal;
  const entryIds: string[] = [];

  /** One hour entry; verified ones a few days after the date, by the office's staff. */
  const addEntry = (id: string, sourceId: string, values: { volunteer_id: string; event_id: string | null; shift_id: string | null; source: string; entry_date: string; hours: number; category: string | null; note: string | null }) => {
    const verified = rnd() < VERIFIED;
    insertReplicated(stamp, 'hour_entries', id, {
      source_id: sourceId, ...values,
      verified_at: verified ? `${addDays(values.entry_date, between(1, 7))}T10:00:00.000Z` : null, verified_by: verified ? staff : null,
      corrects_id: null, corrected_by: null, correction_reason: null, deleted: 0,
    });
    entryIds.push(id);
    result.hourEntries++;
    progress('writing', result.hourEntries, target);
  };

  const chunk = 20;
  for (let start = 0; start < eventCount; start += chunk) {
    writeTransaction(db, () => {
      syncClock(db, clock);
      for (let e = start; e < Math.min(eventCount, start + chunk); e++) {
        const { shifts, region } = plan[e]!;
        const cat = category();
        const emergency = EMERGENCY_CATEGORIES.includes(cat);
        const length = emergency ? between(2, 6) : between(1, 2);
        const firstDay = between(0, DAYS - length - 1);
        const startDate = addDays(FIRST_DAY, firstDay);
        const statusRoll = rnd();
        const status = statusRoll < 0.03 ? 'cancelled' : statusRoll < 0.1 ? 'finished' : 'closed';
        const locality = pick(LOCALITIES);
        const eventId = seededId();
        insertReplicated(stamp, 'events', eventId, {
          title: `${TITLES[cat]}, ${locality}`, category: cat, start_date: startDate, end_date: addDays(startDate, length - 1), region, locality,
          address: `ул. Абая, ${between(1, 200)}`, partners: rnd() < 0.3 ? 'Акимат' : '', contact: `+7701${String(between(0, 9_999_999)).padStart(7, '0')}`,
          status, office, deleted: 0,
        });
        result.events++;
        const pool = byRegion.get(region)!;
        for (let s = 0; s < shifts; s++) {
          const day = firstDay + Math.floor(rnd() * length);
          const date = addDays(FIRST_DAY, day);
          // Emergencies run round the clock: some shifts cross midnight and count on their start date.
          const night = emergency && rnd() < 0.2 && day < firstDay + length - 1;
          const begin = night ? 20 * 60 : between(7, 14) * 60;
          const end = begin + between(3, night ? 10 : 8) * 60;
          const share = budget / shiftsLeft--;
          const people = Math.min(pool.length, Math.max(1, Math.round(share * (0.4 + rnd() * 1.2))));
          const shiftId = seededId();
          insertReplicated(stamp, 'shifts', shiftId, {
            event_id: eventId, title: `Смена ${s + 1}`, start_at: at(date, begin), end_at: at(date, end), meeting_point: `Штаб, ${locality}`,
            needed: people + between(0, 5), required_kinds: '[]', min_age: emergency ? 18 : 16, languages: '[]',
          });
          result.shifts++;
          const onShift = new Set<Person>();
          for (let tries = 0; onShift.size < people && tries < people * 3; tries++) {
            const person = pick(pool);
            if (!person.busy.includes(day)) onShift.add(person);
          }
          for (const person of onShift) {
            const invited = `${addDays(date, -between(1, 10))}T09:00:00.000Z`;
            // Of those asked: a few declined, a few never came (no-shows); a cancelled event released everyone.
            const roll = rnd();
            const released = status === 'cancelled';
            const worked = !released && roll >= 0.1;
            const checkIn = worked ? begin - 15 + 5 * between(0, 6) : null;
            const checkOut = worked ? end - 30 + 5 * between(0, 12) : null;
            insertReplicated(stamp, 'assignments', assignmentId(shiftId, person.id), {
              shift_id: shiftId, volunteer_id: person.id, event_id: eventId,
              status: released ? 'released' : roll < 0.05 ? 'declined' : 'confirmed',
              invited_at: invited, responded_at: invited, removal_reason: null, walk_in: worked && rnd() < 0.05 ? 1 : 0,
              checked_in_at: checkIn === null ? null : at(date, checkIn), checked_out_at: checkOut === null ? null : at(date, checkOut),
              no_show: !released && roll >= 0.05 && roll < 0.1 ? 1 : 0, deleted: 0,
            });
            result.assignments++;
            if (checkIn === null || checkOut === null) continue;
            person.busy.push(day);
            addEntry(shiftHoursId(shiftId, person.id), shiftId, {
              volunteer_id: person.id, event_id: eventId, shift_id: shiftId, source: 'shift', entry_date: date,
              hours: workedHours(at(date, checkIn), at(date, checkOut)), category: cat, note: null,
            });
            budget--;
          }
        }
      }
      persistClock(db, clock);
    });
  }

  // Work outside events, typed by hand, on days the person worked no shift; then a few corrections.
  const byHand = Math.max(0, target - result.hourEntries);
  for (let done = 0; done < byHand; done += 5000) {
    writeTransaction(db, () => {
      syncClock(db, clock);
      for (let i = done; i < Math.min(byHand, done + 5000); i++) {
        const person = pick(everyone);
        const day = between(0, DAYS - 1);
        if (person.busy.includes(day)) continue;
        person.busy.push(day);
        const source = seededId();
        addEntry(`${source}:${person.id}`, source, {
          volunteer_id: person.id, event_id: null, shift_id: null, source: 'manual', entry_date: addDays(FIRST_DAY, day),
          hours: between(4, 32) / 4, category: pick(['socialSupport', 'animals', 'environment', 'other'] as const), note: pick(BY_HAND_NOTES),
        });
      }
      persistClock(db, clock);
    });
  }
  // Some days were taken: the entries written may fall short of the target.
  progress('writing', target, target);
  writeTransaction(db, () => {
    syncClock(db, clock);
    const corrections = Math.round(entryIds.length * CORRECTED);
    for (let i = 0; i < corrections; i++) {
      const id = entryIds[Math.floor(rnd() * entryIds.length)]!;
      const entry = db.prepare('SELECT * FROM hour_entries WHERE id = ?').get(id) as Record<'volunteer_id' | 'event_id' | 'shift_id' | 'source' | 'entry_date' | 'category' | 'note' | 'verified_at', string | null> & { hours: number };
      if (db.prepare('SELECT 1 FROM hour_entries WHERE corrects_id = ?').get(id)) continue;
      const source = seededId();
      const coordinator = `coordinator@${office}`;
      insertReplicated(stamp, 'hour_entries', `${source}:${entry.volunteer_id}`, {
        source_id: source, volunteer_id: entry.volunteer_id, event_id: entry.event_id, shift_id: entry.shift_id, source: entry.source,
        entry_date: entry.entry_date, hours: Math.max(0.25, entry.hours - 1), category: entry.category, note: entry.note,
        verified_at: entry.verified_at === null ? null : `${addDays(entry.entry_date!, 10)}T10:00:00.000Z`, verified_by: entry.verified_at === null ? null : coordinator,
        corrects_id: id, corrected_by: coordinator, correction_reason: 'Уточнено время ухода', deleted: 0,
      });
      result.hourEntries++;
    }
    persistClock(db, clock);
  });
  return result;
}
