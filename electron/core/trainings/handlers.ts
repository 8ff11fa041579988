import { CallError } from '../../../shared/contract/errors';
import type { trainingCalls } from '../../../shared/contract/trainings';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import type { HandlerMap, ReadContext } from '../context';
import { auditRead } from '../audit/log';
import { attendanceFileName, attendanceSheet } from '../documents/attendance';
import { generatedFile } from '../documents/file';
import { assertMayChange, mayChangeHere } from '../exchange/authority';
import { attendanceSheetInput } from './sheet';
import { resolveSurvivor } from '../replication/merges';
import { readOffice } from '../office/identity';
import { newId } from '../replication/ids';
import { prepared } from '../db/statements';
import type { ReplicatedTable } from '../replication/tables';
import { insertReplicated, updateReplicated } from '../replication/write';
import {
  kindRow, listKinds, listPrograms, loadKind, loadProgram, localizedOf, programRow, requireWorkingLanguage, setWorkingLanguage, workingLanguage,
} from './catalogue';
import { expiringWorkbook } from './expiring-export';
import { addByHand, deleteQualification, expiring, qualificationsOf } from './qualifications';
import {
  addSession, enrol, enterResult, listSessions, loadSession, markAttendance, reopenSession, sessionDetail, sessionsOfVolunteer, setSessionStatus, updateSession, withdraw,
} from './sessions';
import { sessionRunHere } from './run-here';

/** "Today" is Kazakhstan's calendar date, whatever the computer's time zone. */
export const todayOf = (ctx: ReadContext) => todayInKazakhstan(ctx.now());
const officeCode = (ctx: ReadContext) => readOffice(ctx.db)?.code ?? null;


/** A record with whether this office may change it, so the screens offer only what the core accepts. */
const withMayChange = <T extends { id: string }>(ctx: ReadContext, table: ReplicatedTable, record: T) => ({ ...record, mayChange: mayChangeHere(ctx.db, table, record.id) });

function liveVolunteer(ctx: ReadContext, asked: string): string {
  const id = resolveSurvivor(ctx.db, 'volunteers', asked);
  if (!prepared(ctx.db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(id)) {
    throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id } }, `No volunteer ${id}`);
  }
  return id;
}

export const trainingHandlers: HandlerMap<keyof typeof trainingCalls> = {
  'trainings.settings': (_input, ctx) => ({ workingLanguage: workingLanguage(ctx.db) }),
  'trainings.setWorkingLanguage': ({ workingLanguage: lang }, ctx) => {
    setWorkingLanguage(ctx.db, lang);
    return { ok: true };
  },

  'trainings.kinds.list': (_input, ctx) => listKinds(ctx.db).map((kind) => withMayChange(ctx, 'qualification_kinds', kind)),
  'trainings.kinds.add': (input, ctx) => {
    const row = kindRow(input);
    requireWorkingLanguage(ctx.db, localizedOf(row, 'name'));
    const id = newId();
    insertReplicated(ctx.stamp(), 'qualification_kinds', id, { ...row, office: officeCode(ctx), deleted: 0 });
    return { id };
  },
  'trainings.kinds.update': ({ id, patch }, ctx) => {
    const kind = loadKind(ctx.db, id);
    assertMayChange(ctx.db, 'qualification_kinds', id);
    const row = kindRow(patch);
    if (patch.names) requireWorkingLanguage(ctx.db, { ...kind.names, ...localizedOf({ ...namesAsColumns(kind.names), ...row }, 'name') });
    updateReplicated(ctx.stamp(), 'qualification_kinds', id, row);
    return { id };
  },

  'trainings.programs.list': ({ text }, ctx) => listPrograms(ctx.db, text).map((program) => withMayChange(ctx, 'programs', program)),
  'trainings.programs.get': ({ id }, ctx) => withMayChange(ctx, 'programs', loadProgram(ctx.db, id)),
  'trainings.programs.add': (input, ctx) => {
    const row = programRow(ctx.db, input);
    requireWorkingLanguage(ctx.db, localizedOf(row, 'title'));
    const id = newId();
    insertReplicated(ctx.stamp(), 'programs', id, { ...row, office: officeCode(ctx), deleted: 0 });
    return { id };
  },
  'trainings.programs.update': ({ id, patch }, ctx) => {
    const program = loadProgram(ctx.db, id);
    assertMayChange(ctx.db, 'programs', id);
    const row = programRow(ctx.db, patch);
    if (patch.title) requireWorkingLanguage(ctx.db, localizedOf({ ...namesAsColumns(program.title, 'title'), ...row }, 'title'));
    updateReplicated(ctx.stamp(), 'programs', id, row);
    return { id };
  },

  'trainings.sessions.list': (query, ctx) => listSessions(ctx.db, query, todayInKazakhstan(ctx.now())),
  'trainings.sessions.get': ({ id }, ctx) => sessionDetail(ctx.db, id),
  'trainings.sessions.add': (input, ctx) => ({ id: addSession(ctx.stamp(), input, officeCode(ctx)) }),
  'trainings.sessions.update': ({ id, patch }, ctx) => {
    sessionRunHere(ctx, id);
    updateSession(ctx.stamp(), id, patch);
    return { id };
  },
  'trainings.sessions.setStatus': ({ id, status }, ctx) => {
    sessionRunHere(ctx, id);
    setSessionStatus(ctx.stamp(), id, status, todayOf(ctx));
    return { ok: true };
  },

  'trainings.enrol': ({ sessionId, volunteerIds }, ctx) => {
    sessionRunHere(ctx, sessionId);
    return { outcomes: enrol(ctx.stamp(), sessionId, volunteerIds) };
  },
  'trainings.withdraw': ({ sessionId, volunteerId }, ctx) => {
    sessionRunHere(ctx, sessionId);
    return { promoted: withdraw(ctx.stamp(), sessionId, volunteerId) };
  },
  'trainings.attendance': ({ sessionId, marks }, ctx) => {
    sessionRunHere(ctx, sessionId);
    markAttendance(ctx.stamp(), sessionId, marks, todayOf(ctx));
    return { ok: true };
  },
  'trainings.result': (input, ctx) => {
    sessionRunHere(ctx, input.sessionId);
    return { qualificationId: enterResult(ctx.stamp(), input, todayOf(ctx)) };
  },
  'trainings.reopen': ({ id, reason }, ctx) => {
    sessionRunHere(ctx, id);
    reopenSession(ctx.stamp(), id, reason);
    return { ok: true };
  },
  'trainings.sheet': ({ sessionId, lang }, ctx) => {
    loadSession(ctx.db, sessionId);
    const input = { ...attendanceSheetInput(ctx.db, sessionId, lang), printedOn: todayOf(ctx) };
    const file = generatedFile(attendanceFileName(input), attendanceSheet(input, lang));
    auditRead(ctx, 'export.attendance', sessionId);
    return file;
  },
  'trainings.ofVolunteer': ({ volunteerId }, ctx) => sessionsOfVolunteer(ctx.db, resolveSurvivor(ctx.db, 'volunteers', volunteerId)),

  'qualifications.list': ({ volunteerId, on }, ctx) => qualificationsOf(ctx.db, resolveSurvivor(ctx.db, 'volunteers', volunteerId), on ?? todayOf(ctx)),
  'qualifications.add': ({ volunteerId, kindId, from, note }, ctx) => {
    const person = liveVolunteer(ctx, volunteerId);
    assertMayChange(ctx.db, 'volunteers', person);
    return { id: addByHand(ctx.stamp(), person, kindId, from, note) };
  },
  'qualifications.delete': ({ id }, ctx) => {
    assertMayChange(ctx.db, 'qualifications', id);
    deleteQualification(ctx.stamp(), id);
    return { ok: true };
  },
  'qualifications.expiring': ({ offset, limit, on, ...query }, ctx) => expiring(ctx.db, { ...query, on: on ?? todayOf(ctx) }, { offset, limit }),
  'qualifications.expiringExport': ({ lang, on, ...query }, ctx) => {
    const day = on ?? todayOf(ctx);
    const { rows } = expiring(ctx.db, { ...query, on: day }, null);
    const file = generatedFile(`erikti-expiring-${day}.xlsx`, expiringWorkbook(rows, lang));
    auditRead(ctx, 'export.qualifications', day, { rows: String(rows.length) });
    return { ...file, rows: rows.length };
  },
};

/** A localized text back as columns, to merge a patch over what is stored. */
function namesAsColumns(texts: { kk: string | null; ru: string | null; en: string | null }, prefix = 'name') {
  return { [`${prefix}_kk`]: texts.kk, [`${prefix}_ru`]: texts.ru, [`${prefix}_en`]: texts.en };
}
