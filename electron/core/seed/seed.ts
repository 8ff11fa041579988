import { v7 as uuidv7 } from 'uuid';
import { makeIin, type Sex } from '../../../shared/domain/iin';
import { OFFICE_CODES } from '../../../shared/domain/regions';
import { transliterate } from '../../../shared/domain/search-key';
import { AREAS, AVAILABILITY, ORGANISATION_TYPES, SKILLS } from '../../../shared/domain/vocabulary';
import { writeTransaction, type Db } from '../db/connection';
import { readOffice, replicaId } from '../office/identity';
import { loadClock, persistClock, syncClock } from '../replication/hlc';
import type { Row } from '../replication/tables';
import { insertReplicated, type WriteStamp } from '../replication/write';
import * as names from './names';
import { noProgress, type Progress } from '../progress';

/**
 * Ids drawn from `rnd`, timed from `epochMs` on (each kind of seeded data has its own epoch): the
 * same seed gives the same ids in the same order, so seeded databases dump alike.
 */
export function seededIds(rnd: () => number, epochMs: number): () => string {
  let counter = 0;
  return () => uuidv7({ msecs: epochMs + counter++, random: Uint8Array.from({ length: 16 }, () => Math.floor(rnd() * 256)) });
}

/** How seeded records are written: at the epoch's fixed instant, by `seed@<office>`, on the database's clock. */
export function seedStamp(db: Db, office: string, epochMs: number): WriteStamp {
  return { db, clock: loadClock(db, replicaId(db)), actor: `seed@${office}`, at: new Date(epochMs).toISOString() };
}

/** A small, fast, seedable generator (mulberry32): the same seed gives the same roster. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeedOptions {
  volunteers: number;
  seed: number;
  /** Hears of each volunteer written (`writing`); the command line shows it. */
  progress?: Progress;
}

export interface SeedResult {
  volunteers: number;
  organisations: number;
  memberships: number;
}

const SEED_EPOCH_MS = Date.UTC(2024, 0, 1);

/**
 * Adds a realistic synthetic roster: Kazakh and Russian names as offices write them, valid IINs
 * agreeing with birth date and sex, +7 phones, regions, skills, organisations and memberships.
 * Ids are derived from the seed too, so `dump` of two seeded databases is byte-identical.
 */
export function seedRoster(db: Db, options: SeedOptions): SeedResult {
  const rnd = random(options.seed);
  const progress = options.progress ?? noProgress;
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], chance: number): T[] => list.filter(() => rnd() < chance);
  const seededId = seededIds(rnd, SEED_EPOCH_MS);

  const office = readOffice(db);
  const stamp = seedStamp(db, office?.code ?? '?', SEED_EPOCH_MS);
  const { clock } = stamp;
  const homeRegion = office && office.code !== 'KZ' ? office.code : null;
  const usedIins = new Set((db.prepare('SELECT iin FROM volunteers WHERE iin IS NOT NULL').pluck().all() as string[]));

  const organisationCount = Math.max(1, Math.round(options.volunteers / 300));
  const organisationIds: string[] = [];
  let memberships = 0;

  // Each batch is its own write transaction, so another process's writes fit in between.
  writeTransaction(db, () => {
    syncClock(db, clock);
    for (let i = 0; i < organisationCount; i++) {
      const id = seededId();
      organisationIds.push(id);
      insertReplicated(stamp, 'organisations', id, {
        name: `${pick(names.ORGANISATION_KINDS)} «${pick(names.ORGANISATION_WORDS)}» №${i + 1}`,
        type: pick(ORGANISATION_TYPES),
        region: homeRegion ?? pick(OFFICE_CODES.slice(1)),
        bin: null, contact_name: null, phone: null, email: null, notes: null, deleted: 0,
      });
    }
    persistClock(db, clock);
  });

  const batch = 5000;
  for (let start = 0; start < options.volunteers; start += batch) {
    writeTransaction(db, () => {
      syncClock(db, clock);
      for (let i = start; i < Math.min(options.volunteers, start + batch); i++) {
        progress('writing', i, options.volunteers);
        const row = volunteerRow(rnd, pick, some, usedIins, homeRegion);
        const id = seededId();
        insertReplicated(stamp, 'volunteers', id, row);
        if (rnd() < 0.3) {
          const organisationId = pick(organisationIds);
          insertReplicated(stamp, 'memberships', `${organisationId}:${id}`, {
            organisation_id: organisationId, volunteer_id: id, role: null, since: null, deleted: 0,
          });
          memberships++;
        }
      }
      persistClock(db, clock);
    });
  }
  progress('writing', options.volunteers, options.volunteers);
  return { volunteers: options.volunteers, organisations: organisationCount, memberships };
}

function volunteerRow(
  rnd: () => number,
  pick: <T>(list: readonly T[]) => T,
  some: <T>(list: readonly T[], chance: number) => T[],
  usedIins: Set<string>,
  homeRegion: string | null,
): Row {
  const sex: Sex = rnd() < 0.5 ? 'M' : 'F';
  const kazakh = rnd() < 0.7;
  const stem = kazakh ? pick(names.KAZAKH_SURNAME_STEMS) : pick(names.RUSSIAN_SURNAME_STEMS);
  const surnameBase = stem.endsWith('ов') || stem.endsWith('ев') ? stem : `${stem}ов`;
  const lastName = sex === 'M' ? surnameBase : `${surnameBase}а`;
  const firstName = kazakh
    ? pick(sex === 'M' ? names.KAZAKH_MALE : names.KAZAKH_FEMALE)
    : pick(sex === 'M' ? names.RUSSIAN_MALE : names.RUSSIAN_FEMALE);
  const father = pick(kazakh ? names.KAZAKH_MALE : names.RUSSIAN_MALE);
  const middleName = kazakh ? `${father}${sex === 'M' ? 'ұлы' : 'қызы'}` : `${father}${sex === 'M' ? 'ович' : 'овна'}`;
  const year = 1960 + Math.floor(rnd() * 47); // 1960–2006: adults
  const month = 1 + Math.floor(rnd() * 12);
  const day = 1 + Math.floor(rnd() * 28);
  const birthDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  let iin: string | null = null;
  if (rnd() < 0.85) {
    for (let attempt = 0; attempt < 20 && !iin; attempt++) {
      const candidate = makeIin(birthDate, sex, Math.floor(rnd() * 10000));
      if (candidate && !usedIins.has(candidate)) iin = candidate;
    }
    if (iin) usedIins.add(iin);
  }
  const phone = `+77${pick(['01', '02', '05', '07', '08', '47', '71', '75', '76', '77'])}${String(Math.floor(rnd() * 1e7)).padStart(7, '0')}`;
  const region = homeRegion ?? pick(OFFICE_CODES.slice(1));
  const json = (list: string[]) => JSON.stringify([...list].sort());
  const skills = some(SKILLS, 0.15);
  return {
    last_name: lastName,
    first_name: firstName,
    middle_name: middleName,
    last_name_latin: transliterate(lastName),
    first_name_latin: transliterate(firstName),
    iin,
    birth_date: birthDate,
    sex,
    phone,
    email: rnd() < 0.5 ? `${transliterate(firstName).toLowerCase().replace(/[^a-z]/g, '')}${Math.floor(rnd() * 1000)}@mail.kz` : null,
    region,
    district: null,
    locality: pick(names.LOCALITIES),
    languages: json(kazakh ? ['kk', 'ru'] : ['ru', ...(rnd() < 0.3 ? ['kk'] : [])]),
    skills: json(skills),
    driving_categories: json(skills.includes('driving') ? ['B'] : []),
    areas: json(some(AREAS, 0.2)),
    availability: pick(AVAILABILITY),
    status: rnd() < 0.9 ? 'active' : pick(['candidate', 'inactive']),
    consent_date: '2024-01-15',
    consent_basis: 'written',
    guardian_name: null,
    guardian_phone: null,
    guardian_consent_date: null,
    emergency_contact_name: null,
    emergency_contact_phone: null,
    notes: null,
    deleted: 0,
  };
}
