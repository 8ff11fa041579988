import { addDays, enrolmentId, passQualificationId, validity } from '../../../shared/domain/trainings';
import { writeTransaction, type Db } from '../db/connection';
import { readOffice } from '../office/identity';
import { persistClock, syncClock } from '../replication/hlc';
import { insertReplicated } from '../replication/write';
import { random, seedStamp, seededIds } from './seed';

/**
 * Trainings at national scale for a seeded roster: the national kinds and programs, about 3,000
 * sessions a year and 60,000 results per 200,000 volunteers (one year, 2025), passes granting
 * their qualifications. Deterministic like the roster (ids and values derive from the seed).
 */

const KINDS = [
  { ru: 'Первая помощь', kk: 'Алғашқы медициналық көмек', en: 'First aid', months: 24, grace: 3 },
  { ru: 'Поиск и спасание', kk: 'Іздестіру және құтқару', en: 'Search and rescue', months: 36, grace: 6 },
  { ru: 'Психологическая поддержка', kk: 'Психологиялық қолдау', en: 'Psychological support', months: 24, grace: 3 },
  { ru: 'Работа с детьми', kk: 'Балалармен жұмыс', en: 'Working with children', months: 36, grace: 0 },
  { ru: 'Стюард мероприятий', kk: 'Іс-шара стюарды', en: 'Event stewarding', months: null, grace: 0 },
] as const;

const SEED_EPOCH_MS = Date.UTC(2025, 0, 1);
const PER_SESSION = 20;

/** An enrolment stamp in the clock's format, from the seed, so two seeded databases dump the same. */
const seededStamp = (n: number) => `${SEED_EPOCH_MS + n}.000000.seed`;

export interface TrainingSeedResult {
  kinds: number;
  programs: number;
  sessions: number;
  results: number;
}

export function seedTrainings(db: Db, options: { seed: number; volunteers: number }): TrainingSeedResult {
  const rnd = random(options.seed * 7919 + 17);
  const seededId = seededIds(rnd, SEED_EPOCH_MS);
  const office = readOffice(db)?.code ?? null;
  const stamp = seedStamp(db, office ?? '?', SEED_EPOCH_MS);
  const { clock } = stamp;
  const people = db.prepare('SELECT id FROM volunteers WHERE deleted = 0 ORDER BY seq').pluck().all() as string[];
  const results = Math.round(options.volunteers * 0.3);
  const sessionCount = people.length === 0 ? 0 : Math.max(1, Math.round(results / PER_SESSION));

  const kinds: { id: string; months: number | null; grace: number }[] = [];
  const programs: { id: string; kind: number; passMark: number }[] = [];
  writeTransaction(db, () => {
    syncClock(db, clock);
    for (const k of KINDS) {
      const id = seededId();
      kinds.push({ id, months: k.months, grace: k.grace });
      insertReplicated(stamp, 'qualification_kinds', id, {
        name_kk: k.kk, name_ru: k.ru, name_en: k.en, validity_months: k.months, grace_months: k.grace, office, deleted: 0,
      });
    }
    KINDS.forEach((k, i) => {
      const id = seededId();
      programs.push({ id, kind: i, passMark: 70 });
      insertReplicated(stamp, 'programs', id, {
        title_kk: `${k.kk}: негізгі курс`, title_ru: `${k.ru}: базовый курс`, title_en: `${k.en}: basic course`, hours: 8 + i * 4, pass_mark: 70,
        grants_kind_id: kinds[i]!.id, prerequisite_kind_id: null, min_age: i === 3 ? 18 : 16, description: null, office, deleted: 0,
      });
    });
    persistClock(db, clock);
  });

  let done = 0;
  const batch = 200;
  for (let start = 0; start < sessionCount; start += batch) {
    writeTransaction(db, () => {
      syncClock(db, clock);
      for (let s = start; s < Math.min(sessionCount, start + batch); s++) {
        const program = programs[Math.floor(rnd() * programs.length)]!;
        const first = addDays('2025-01-01', Math.floor(rnd() * 362));
        const last = addDays(first, Math.floor(rnd() * 3));
        const sessionId = seededId();
        insertReplicated(stamp, 'training_sessions', sessionId, {
          program_id: program.id, start_date: first, end_date: last, place: `Учебный центр №${1 + Math.floor(rnd() * 40)}`,
          trainers: '', capacity: PER_SESSION, status: 'closed', office, deleted: 0,
        });
        const enrolled = new Set<string>();
        while (enrolled.size < Math.min(PER_SESSION, people.length)) enrolled.add(people[Math.floor(rnd() * people.length)]!);
        for (const volunteerId of enrolled) {
          const roll = rnd();
          const outcome = roll < 0.85 ? 'passed' : roll < 0.95 ? 'failed' : 'absent';
          const score = outcome === 'absent' ? null : outcome === 'passed' ? 70 + Math.floor(rnd() * 31) : Math.floor(rnd() * 70);
          insertReplicated(stamp, 'enrolments', enrolmentId(sessionId, volunteerId), {
            session_id: sessionId, volunteer_id: volunteerId, enrolled_at: seededStamp(done),
            attendance: outcome === 'absent' ? 'absent' : 'present', result: outcome === 'absent' ? null : outcome, score, deleted: 0,
          });
          if (outcome === 'passed') {
            const kind = kinds[program.kind]!;
            const v = validity(last, kind.months, kind.grace);
            insertReplicated(stamp, 'qualifications', passQualificationId(sessionId, volunteerId), {
              source_id: sessionId, volunteer_id: volunteerId, kind_id: kind.id, session_id: sessionId,
              valid_from: last, valid_until: v.validUntil, grace_until: v.graceUntil, note: null, deleted: 0,
            });
          }
          done++;
        }
      }
      persistClock(db, clock);
    });
  }
  return { kinds: kinds.length, programs: programs.length, sessions: sessionCount, results: done };
}
