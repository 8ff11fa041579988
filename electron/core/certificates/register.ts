import { CallError } from '../../../shared/contract/errors';
import type { Certificate } from '../../../shared/contract/certificates';
import { certificateNumber, type CertificateKind } from '../../../shared/domain/certificates';
import type { EventCategory } from '../../../shared/domain/events';
import { skeletonWord, transliterate } from '../../../shared/domain/search-key';
import type { ReadDb } from '../db/read-only';
import { prepared } from '../db/statements';
import { COUNTED_SQL } from '../events/ledger';
import { assertMayChange } from '../exchange/authority';
import { readOffice } from '../office/identity';
import { CENTRE } from '../office/trust';
import { resolveSurvivor } from '../replication/merges';
import type { Row } from '../replication/tables';
import { insertReplicated, updateReplicated, type WriteStamp } from '../replication/write';
import { workingLanguage } from '../trainings/catalogue';
import { ownCertificateKey } from './keys';
import { encodeFacts, qrText, shortCode, signPayload, type CertificateFacts } from './payload';
import { seriesRange, workstationSeries } from './series';

/**
 * The register: issuing (number, facts, signature, in the caller's transaction), finding,
 * listing and revoking. A certificate is issued once for the same thing: asking again for the
 * same person and session (training) or period (service) gives the certificate already issued,
 * so a re-print carries the same number. A revoked one stays listed; a new one may then be issued.
 */

export interface CertificateRow {
  id: string;
  office: string;
  year: number;
  serial: number;
  kind: CertificateKind;
  volunteer_id: string;
  holder_name: string | null;
  holder_latin: string | null;
  session_id: string | null;
  title: string | null;
  period_from: string;
  period_to: string;
  hours: number;
  events: number | null;
  categories: string | null;
  issued_on: string;
  issued_by: string;
  signatory: string | null;
  signing_key: string;
  payload: string | null;
  signature: string;
  revoked_at: string | null;
  revoked_by: string | null;
  revoke_reason: string | null;
  deleted: number;
}

const refuse = (key: string, message: string, params?: Record<string, string | number>, code: 'validation' | 'notFound' | 'conflict' = 'validation') =>
  new CallError(params ? { code, key, params } : { code, key }, message);

export function findCertificate(db: ReadDb, number: string): CertificateRow | null {
  return (prepared(db, 'SELECT * FROM certificates WHERE id = ? AND deleted = 0').get(number) as CertificateRow | undefined) ?? null;
}

export function loadCertificate(db: ReadDb, number: string): CertificateRow {
  const row = findCertificate(db, number);
  if (!row) throw refuse('error.certificates.notFound', `No certificate ${number}`, { number }, 'notFound');
  return row;
}

/** Whether the holder's data was erased (the record, or the person it names, is a tombstone). */
export function holderErased(db: ReadDb, row: CertificateRow): boolean {
  if (row.holder_name === null) return true;
  const id = resolveSurvivor(db, 'volunteers', row.volunteer_id);
  return prepared(db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id) === undefined;
}

/** The register's row as the contract shows it: names withheld once the holder was erased. */
export function certificateView(db: ReadDb, row: CertificateRow): Certificate {
  const erased = holderErased(db, row);
  const signature = Buffer.from(row.signature, 'base64');
  return {
    number: row.id,
    code: shortCode(row.id, signature),
    qr: row.payload && !erased ? qrText(Buffer.from(row.payload, 'base64'), signature) : null,
    kind: row.kind,
    office: row.office,
    volunteerId: row.volunteer_id,
    holderName: erased ? null : row.holder_name,
    holderLatin: erased ? null : row.holder_latin,
    holderErased: erased,
    sessionId: row.session_id,
    title: row.title ? (JSON.parse(row.title) as Certificate['title']) : null,
    from: row.period_from,
    to: row.period_to,
    hours: row.hours,
    events: row.events,
    categories: row.categories ? (JSON.parse(row.categories) as EventCategory[]) : null,
    issuedOn: row.issued_on,
    issuedBy: row.issued_by,
    signatory: row.signatory,
    keyId: row.signing_key,
    revokedAt: row.revoked_at,
    revokedBy: row.revoked_by,
    revokeReason: row.revoke_reason,
  };
}

export interface Holder {
  id: string;
  name: string;
  latin: string;
}

function holderOf(db: ReadDb, asked: string): Holder {
  const id = resolveSurvivor(db, 'volunteers', asked);
  const v = prepared(db, 'SELECT last_name, first_name, middle_name, last_name_latin, first_name_latin FROM volunteers WHERE id = ? AND deleted = 0').get(id) as
    | { last_name: string; first_name: string; middle_name: string | null; last_name_latin: string | null; first_name_latin: string | null }
    | undefined;
  if (!v) throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id } }, `No volunteer ${id}`);
  const name = [v.last_name, v.first_name, v.middle_name].filter((p) => p?.trim()).join(' ');
  // The Latin spelling recorded for the person (their documents'), else the passport-style transliteration.
  const latin = [v.last_name_latin || transliterate(v.last_name), v.first_name_latin || transliterate(v.first_name)].filter(Boolean).join(' ');
  return { id, name, latin };
}

/** Each call's series, looked up once (a batch numbers a thousand certificates in one call). */
const seriesOfCall = new WeakMap<WriteStamp, number>();

/** The next serial in this workstation's series (series.ts: workstations of one office never share one). */
function nextSerial(w: WriteStamp, office: string, year: number): number {
  let series = seriesOfCall.get(w);
  if (series === undefined) seriesOfCall.set(w, (series = workstationSeries(w.db)));
  const [first, last] = seriesRange(series);
  const max = prepared(w.db, 'SELECT MAX(serial) FROM certificates WHERE office = ? AND year = ? AND serial BETWEEN ? AND ?').pluck().get(office, year, first, last) as number | null;
  const serial = max === null ? first : max + 1;
  if (serial > last) throw refuse('error.certificates.serialsExhausted', 'No serial numbers left this year', { year });
  return serial;
}

export interface Statement {
  kind: CertificateKind;
  holder: Holder;
  sessionId: string | null;
  title: { kk: string | null; ru: string | null; en: string | null } | null;
  qrTitle: string | null;
  from: string;
  to: string;
  hours: number;
  events: number | null;
  categories: EventCategory[] | null;
}

/** Numbers, signs and records one certificate; returns its number. */
function record(w: WriteStamp, s: Statement, today: string, signatory: string | null): string {
  const office = readOffice(w.db)!.code;
  const year = Number(today.slice(0, 4));
  const serial = nextSerial(w, office, year);
  const number = certificateNumber(office, year, serial);
  const key = ownCertificateKey(w.db, w.at);
  const facts: CertificateFacts = {
    kind: s.kind, keyId: key.keyId, office, year, serial, issuedOn: today, holderLatin: s.holder.latin, from: s.from, to: s.to, hours: s.hours,
    title: s.qrTitle, events: s.events, categories: s.categories,
  };
  const payload = encodeFacts(facts);
  const signature = signPayload(payload, key.privatePem);
  const values: Row = {
    office, year, serial, kind: s.kind, volunteer_id: s.holder.id, holder_name: s.holder.name, holder_latin: s.holder.latin, session_id: s.sessionId,
    title: s.title ? JSON.stringify(s.title) : null, period_from: s.from, period_to: s.to, hours: s.hours, events: s.events,
    categories: s.categories ? JSON.stringify(s.categories) : null, issued_on: today, issued_by: w.actor, signatory, signing_key: key.keyId,
    payload: payload.toString('base64'), signature: signature.toString('base64'), revoked_at: null, revoked_by: null, revoke_reason: null, deleted: 0,
  };
  insertReplicated(w, 'certificates', number, values);
  return number;
}

function existing(db: ReadDb, where: string, ...params: (string | null)[]): string | null {
  return (prepared(db, `SELECT id FROM certificates WHERE deleted = 0 AND revoked_at IS NULL AND ${where} ORDER BY id LIMIT 1`).pluck().get(...params) as string | undefined) ?? null;
}

export interface Issued {
  number: string;
  volunteerId: string;
  /** The certificate was there already (same person and session, or period): the same one again. */
  again: boolean;
}

/** Why a person gets no certificate from a selection. */
export type LeftOut = 'notPassed' | 'noVerifiedHours' | 'belowMinimum';

/**
 * What issuing would do for one person, decided without writing: a new certificate (with what it
 * states), the one already issued again, or nothing and why. Previews and issues both decide here.
 */
export type Plan =
  | { outcome: 'new'; holder: Holder; statement: Statement }
  | { outcome: 'again'; holder: Holder; number: string }
  | { outcome: 'left'; holder: Holder; reason: LeftOut; statement: Statement };

/** A training certificate: only for a person whose result in the session is a pass. */
export function planTraining(db: ReadDb, volunteerId: string, sessionId: string): Plan {
  const holder = holderOf(db, volunteerId);
  const again = existing(db, "kind = 'training' AND volunteer_id = ? AND session_id = ?", holder.id, sessionId);
  if (again) return { outcome: 'again', holder, number: again };
  const session = prepared(
    db,
    `SELECT s.start_date, s.end_date, p.hours, p.title_kk, p.title_ru, p.title_en FROM training_sessions s JOIN programs p ON p.id = s.program_id
     WHERE s.id = ? AND s.deleted = 0`,
  ).get(sessionId) as { start_date: string; end_date: string; hours: number; title_kk: string | null; title_ru: string | null; title_en: string | null } | undefined;
  if (!session) throw refuse('error.trainings.unknownSession', `No session ${sessionId}`, { id: sessionId }, 'notFound');
  const title = { kk: session.title_kk, ru: session.title_ru, en: session.title_en };
  const lang = workingLanguage(db);
  const qrTitle = title[lang] ?? title.ru ?? title.kk ?? title.en;
  const statement: Statement = {
    kind: 'training', holder, sessionId, title, qrTitle, from: session.start_date, to: session.end_date, hours: session.hours, events: null, categories: null,
  };
  const passed = prepared(db, "SELECT 1 FROM enrolments WHERE session_id = ? AND volunteer_id = ? AND deleted = 0 AND result = 'passed'").get(sessionId, holder.id);
  return passed ? { outcome: 'new', holder, statement } : { outcome: 'left', holder, reason: 'notPassed', statement };
}

export interface ServiceSummary {
  hours: number;
  events: number;
  categories: EventCategory[];
}

/** Verified hours of a person in a period (unverified hours do not count), with events and categories. */
export function verifiedService(db: ReadDb, volunteerId: string, from: string, to: string): ServiceSummary {
  const where = `h.volunteer_id = ? AND h.entry_date >= ? AND h.entry_date <= ? AND h.verified_at IS NOT NULL AND ${COUNTED_SQL}`;
  const totals = prepared(db, `SELECT COALESCE(sum(h.hours), 0) AS hours, count(DISTINCT h.event_id) AS events FROM hour_entries h WHERE ${where}`).get(volunteerId, from, to) as {
    hours: number;
    events: number;
  };
  const categories = prepared(
    db,
    `SELECT DISTINCT COALESCE(h.category, e.category) FROM hour_entries h LEFT JOIN events e ON e.id = h.event_id
     WHERE ${where} AND COALESCE(h.category, e.category) IS NOT NULL ORDER BY 1`,
  ).pluck().all(volunteerId, from, to) as EventCategory[];
  return { hours: Math.round(totals.hours * 100) / 100, events: totals.events, categories };
}

/** A certificate of volunteer service: the verified hours of the period, which must be some (and at least `minHours`). */
export function planService(db: ReadDb, volunteerId: string, from: string, to: string, minHours = 0): Plan {
  const holder = holderOf(db, volunteerId);
  if (from > to) throw refuse('error.certificates.period', 'The period ends before it starts');
  const again = existing(db, "kind = 'service' AND volunteer_id = ? AND period_from = ? AND period_to = ?", holder.id, from, to);
  if (again) return { outcome: 'again', holder, number: again };
  const service = verifiedService(db, holder.id, from, to);
  const statement: Statement = {
    kind: 'service', holder, sessionId: null, title: null, qrTitle: null, from, to, hours: service.hours, events: service.events, categories: service.categories,
  };
  if (service.hours <= 0) return { outcome: 'left', holder, reason: 'noVerifiedHours', statement };
  if (service.hours < minHours) return { outcome: 'left', holder, reason: 'belowMinimum', statement };
  return { outcome: 'new', holder, statement };
}

/** Carries out a plan: numbers and records a new certificate, or answers with the one already issued. */
export function issuePlan(w: WriteStamp, plan: Plan, today: string, signatory: string | null): Issued {
  if (plan.outcome === 'again') return { number: plan.number, volunteerId: plan.holder.id, again: true };
  if (plan.outcome === 'left') {
    const key = plan.reason === 'notPassed' ? 'error.certificates.notPassed' : 'error.certificates.noVerifiedHours';
    throw refuse(key, `No certificate for ${plan.holder.id}: ${plan.reason}`, { name: plan.holder.name });
  }
  return { number: record(w, plan.statement, today, signatory), volunteerId: plan.holder.id, again: false };
}

/** Everyone enrolled in the session (live people, passed or not), in name order: a session batch decides for each. */
export function enrolledIn(db: ReadDb, sessionId: string): string[] {
  if (!prepared(db, 'SELECT 1 FROM training_sessions WHERE id = ? AND deleted = 0').get(sessionId)) {
    throw refuse('error.trainings.unknownSession', `No session ${sessionId}`, { id: sessionId }, 'notFound');
  }
  return prepared(
    db,
    `SELECT e.volunteer_id FROM enrolments e JOIN volunteers v ON v.id = e.volunteer_id AND v.deleted = 0
     WHERE e.session_id = ? AND e.deleted = 0 ORDER BY v.sort_name, v.id`,
  ).pluck().all(sessionId) as string[];
}

/** Live people with any counted hours in the period (verified or not), in name order: an hours batch decides for each. */
export function withHoursIn(db: ReadDb, from: string, to: string): string[] {
  return prepared(
    db,
    `SELECT h.volunteer_id FROM hour_entries h JOIN volunteers v ON v.id = h.volunteer_id AND v.deleted = 0
     WHERE h.entry_date >= ? AND h.entry_date <= ? AND ${COUNTED_SQL}
     GROUP BY h.volunteer_id ORDER BY min(v.sort_name), h.volunteer_id`,
  ).pluck().all(from, to) as string[];
}

/** Revokes with a reason; the record stays listed. Only the issuing office (or the centre) may. */
export function revokeCertificate(w: WriteStamp, number: string, reason: string): void {
  const row = loadCertificate(w.db, number);
  if (row.revoked_at !== null) throw refuse('error.certificates.alreadyRevoked', 'This certificate is already revoked', { number }, 'conflict');
  const values: Row = { revoked_at: w.at, revoked_by: w.actor, revoke_reason: reason.trim() };
  const office = readOffice(w.db)!.code;
  if (office !== row.office && office !== CENTRE) {
    throw new CallError({ code: 'forbidden', key: 'error.recordKeptElsewhere', params: { office: row.office } }, `Only ${row.office} or the centre may revoke ${number}`);
  }
  assertMayChange(w.db, 'certificates', number, values);
  updateReplicated(w, 'certificates', number, values);
}

export interface ListQuery {
  volunteerId?: string;
  sessionId?: string;
  text?: string;
  kind?: CertificateKind;
  year?: number;
  revoked?: boolean;
  offset: number;
  limit: number;
}

/** The register, newest first; text matches the number or the holder's name (Cyrillic or Latin, forgiving). */
export function listCertificates(db: ReadDb, q: ListQuery): { total: number; rows: Certificate[] } {
  const where = ['deleted = 0'];
  const params: (string | number)[] = [];
  if (q.volunteerId) {
    where.push('volunteer_id = ?');
    params.push(resolveSurvivor(db, 'volunteers', q.volunteerId));
  }
  if (q.sessionId) {
    where.push('session_id = ?');
    params.push(q.sessionId);
  }
  if (q.kind) {
    where.push('kind = ?');
    params.push(q.kind);
  }
  if (q.year) {
    where.push('year = ?');
    params.push(q.year);
  }
  if (q.revoked !== undefined) where.push(q.revoked ? 'revoked_at IS NOT NULL' : 'revoked_at IS NULL');
  // Each word: part of the number, or the start of a word of the name in any spelling (as the roster's search forgives).
  for (const word of (q.text ?? '').trim().split(/\s+/).filter(Boolean)) {
    where.push("(id LIKE ? ESCAPE '\\' OR (' ' || erikti_volunteer_keys(holder_name, holder_latin, NULL, NULL, NULL, NULL, NULL)) LIKE ? ESCAPE '\\')");
    const escape = (t: string) => t.replace(/[\\%_]/g, (c) => `\\${c}`);
    params.push(`%${escape(word.toUpperCase())}%`, `% ${escape(skeletonWord(word))}%`);
  }
  const sql = where.join(' AND ');
  const total = prepared(db, `SELECT count(*) FROM certificates WHERE ${sql}`).pluck().get(...params) as number;
  const rows = prepared(db, `SELECT * FROM certificates WHERE ${sql} ORDER BY issued_on DESC, id DESC LIMIT ? OFFSET ?`).all(...params, q.limit, q.offset) as CertificateRow[];
  return { total, rows: rows.map((r) => certificateView(db, r)) };
}

