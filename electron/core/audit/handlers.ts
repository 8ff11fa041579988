import type { auditCalls } from '../../../shared/contract/audit';
import type { HandlerMap } from '../context';
import { prepared } from '../db/statements';
import { DAY_MS, HOUR_MS, IIN_LOOKUP_LIMITS } from '../volunteers/iin-lookups';
import { generatedFile } from '../documents/file';
import { auditPage, auditWorkbook } from './log';

/** The administrator's view of the audit trail and of the exact-IIN lookups staff made (iin-lookups.ts records them). */
export const auditHandlers: HandlerMap<Exclude<keyof typeof auditCalls, 'history.record'>> = {
  'audit.log': (query, ctx) => auditPage(ctx.db, query),
  'audit.export': ({ lang, ...query }, ctx) => {
    const { file, rows } = auditWorkbook(ctx.db, query, lang, ctx.progress);
    return { ...generatedFile(`erikti-audit-${query.from ?? 'all'}-${query.to ?? ctx.now().toISOString().slice(0, 10)}.xlsx`, file), rows };
  },
  'audit.iinLookups': ({ userId, limit }, ctx) => {
    const now = ctx.now().getTime();
    const dayAgo = new Date(now - DAY_MS).toISOString();
    const hourAgo = new Date(now - HOUR_MS).toISOString();
    const users = prepared(
      ctx.db,
      `SELECT user_id AS userId, max(login) AS login, coalesce(sum(at > ?), 0) AS lastHour, coalesce(sum(at > ?), 0) AS lastDay,
              count(*) AS total, coalesce(sum(hit), 0) AS hits
       FROM iin_lookups GROUP BY user_id ORDER BY lastDay DESC, total DESC`,
    ).all(hourAgo, dayAgo) as { userId: string; login: string; lastHour: number; lastDay: number; total: number; hits: number }[];
    const lookups = (
      prepared(
        ctx.db,
        `SELECT at, user_id AS userId, login, call, hit, iin_hash AS hash FROM iin_lookups
         WHERE (@userId IS NULL OR user_id = @userId) ORDER BY at DESC, id DESC LIMIT @limit`,
      ).all({ userId: userId ?? null, limit }) as { at: string; userId: string; login: string; call: string; hit: number; hash: string }[]
    ).map(({ hash, hit, ...rest }) => ({ ...rest, hit: hit === 1, tag: hash.slice(0, 8) }));
    return { limits: { ...IIN_LOOKUP_LIMITS }, users, lookups };
  },
};
