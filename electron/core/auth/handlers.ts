import type { AuditAction } from '../../../shared/contract/audit';
import { CallError } from '../../../shared/contract/errors';
import type { adminCalls, sessionCalls } from '../../../shared/contract/session';
import { actorOf, type CallContext, type HandlerMap, type ReadContext } from '../context';
import { auditRead, recordAudit } from '../audit/log';
import { SCHEMA_VERSION } from '../db/migrate';
import { createOffice, readOffice, writeMeta } from '../office/identity';
import { claimSignInAttempt, clearSignInFailures, type AttemptClaim } from './sign-in-throttle';
import { countUsers, findUser, findUserByLogin, insertUser, toUser } from './users';

export const APP_VERSION = '0.1.0';

function requireOffice(ctx: ReadContext) {
  const office = readOffice(ctx.db);
  if (!office) throw new CallError({ code: 'unavailable', key: 'error.noOffice' }, 'The office is not set up yet');
  return office;
}

/**
 * Claims a sign-in attempt from the durable throttle. Sign-in is a call that only reads, so its
 * bookkeeping is written at once (never deferred to a transaction's end) and the answer is here.
 */
function claimAttempt(ctx: ReadContext, login: string): AttemptClaim {
  let claim: AttemptClaim | undefined;
  ctx.bookkeeping((db) => (claim = claimSignInAttempt(db, login, ctx.now())));
  if (!claim) throw new Error('The sign-in throttle was not consulted');
  return claim;
}

function stampText(ctx: CallContext): { at: string; by: string } {
  const s = ctx.stamp();
  return { at: s.at, by: s.actor };
}

export const sessionHandlers: HandlerMap<keyof typeof sessionCalls> = {
  'app.status': (_args, ctx) => ({
    office: readOffice(ctx.db),
    needsFirstAdmin: countUsers(ctx.db) === 0,
    version: APP_VERSION,
    schema: SCHEMA_VERSION,
  }),

  'app.setup': (args, ctx) => {
    if (countUsers(ctx.db) > 0) throw new CallError({ code: 'forbidden', key: 'error.alreadySetUp' }, 'Erikti is already set up');
    let office = readOffice(ctx.db);
    if (!office) {
      if (!args.officeCode) throw new CallError({ code: 'validation', key: 'error.validation', fields: [{ path: 'officeCode', key: 'error.required' }] });
      office = createOffice(ctx.db, args.officeCode, args.officeName);
    }
    const at = ctx.now().toISOString();
    const user = insertUser(ctx.db, ctx.passwords, { login: args.login, displayName: args.displayName, role: 'administrator', password: args.password }, `setup@${office.code}`, at);
    return { session: ctx.sessions.open(user.id), user };
  },

  'auth.signIn': (args, ctx) => {
    const typed = args.login.trim();
    const office = readOffice(ctx.db)?.code ?? '?';
    const claim = claimAttempt(ctx, typed);
    if (!claim.allowed) {
      // The login typed, never the password; once per wait, so hammering a waiting login cannot flood the trail.
      if (claim.firstRefusal) auditRead(ctx, 'auth.signInThrottled', typed, { waitSeconds: String(claim.seconds) }, `${typed}@${office}`);
      throw new CallError({ code: 'unauthenticated', key: 'error.tooManyAttempts', params: { seconds: claim.seconds } });
    }
    const found = findUserByLogin(ctx.db, typed);
    const row = found?.active === 1 ? found : undefined;
    // The same answer, after the same work, for an unknown login and a wrong password, so logins cannot be probed.
    const valid = row ? ctx.passwords.verify(args.password, row.password_hash) : ctx.passwords.verifyNobody(args.password);
    if (!row || !valid) {
      // The claim above already counted this failure. Written at once (a sign-in has no transaction), so the refusal below does not undo it.
      auditRead(ctx, 'auth.signInFailed', typed, undefined, `${typed}@${office}`);
      throw new CallError({ code: 'unauthenticated', key: 'error.badCredentials' }, 'Wrong login or password');
    }
    ctx.bookkeeping((db) => clearSignInFailures(db, typed));
    auditRead(ctx, 'auth.signedIn', row.login, undefined, `${row.login}@${office}`);
    // Only now is the password in hand: a hash made at an older, cheaper cost is replaced. Not a user edit, so no stamp.
    if (ctx.passwords.needsUpgrade(row.password_hash)) {
      ctx.bookkeeping((db) => db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(ctx.passwords.hash(args.password), row.id));
    }
    return { session: ctx.sessions.open(row.id), user: toUser(row) };
  },

  'auth.signOut': (_args, ctx) => {
    if (ctx.session) ctx.sessions.close(ctx.session);
    auditRead(ctx, 'auth.signedOut', actorOf(ctx).login);
    return { ok: true };
  },

  'auth.me': (_args, ctx) => {
    const row = findUser(ctx.db, actorOf(ctx).id);
    if (!row) throw new CallError({ code: 'unauthenticated', key: 'error.signInAgain' });
    return { user: toUser(row), office: requireOffice(ctx) };
  },

  'auth.changePassword': (args, ctx) => {
    const row = findUser(ctx.db, actorOf(ctx).id);
    if (!row || !ctx.passwords.verify(args.current, row.password_hash)) {
      throw new CallError({ code: 'validation', key: 'error.validation', fields: [{ path: 'current', key: 'error.badPassword' }] });
    }
    const { at, by } = stampText(ctx);
    ctx.db.prepare('UPDATE users SET password_hash = ?, updated_at = ?, updated_by = ? WHERE id = ?').run(ctx.passwords.hash(args.next), at, by, row.id);
    return { ok: true };
  },
};

export const adminHandlers: HandlerMap<keyof typeof adminCalls> = {
  'users.list': (_args, ctx) =>
    (ctx.db.prepare('SELECT * FROM users ORDER BY login').all() as Parameters<typeof toUser>[0][]).map(toUser),

  'users.add': (args, ctx) => {
    const { at, by } = stampText(ctx);
    const added = insertUser(ctx.db, ctx.passwords, args, by, at);
    recordAudit(ctx.db, { at, actor: by, action: 'user.added', subject: added.login, detail: { role: added.role } });
    return added;
  },

  'users.update': (args, ctx) => {
    const row = findUser(ctx.db, args.id);
    if (!row) throw new CallError({ code: 'notFound', key: 'error.notFound' });
    const me = actorOf(ctx);
    const demotesSelf = row.id === me.id && ((args.role && args.role !== 'administrator') || args.active === false);
    if (demotesSelf) throw new CallError({ code: 'forbidden', key: 'error.lastAdmin' }, 'You cannot remove your own administrator rights');
    const { at, by } = stampText(ctx);
    ctx.db
      .prepare(
        `UPDATE users SET display_name = COALESCE(?, display_name), role = COALESCE(?, role), active = COALESCE(?, active),
         password_hash = COALESCE(?, password_hash), updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(args.displayName ?? null, args.role ?? null, args.active === undefined ? null : Number(args.active),
        args.password ? ctx.passwords.hash(args.password) : null, at, by, row.id);
    const audit = (action: AuditAction, detail?: Record<string, string>) => recordAudit(ctx.db, { at, actor: by, action, subject: row.login, detail });
    if (args.role && args.role !== row.role) audit('user.roleChanged', { from: row.role, to: args.role });
    if (args.active !== undefined && args.active !== (row.active === 1)) audit(args.active ? 'user.reactivated' : 'user.deactivated');
    if (args.password) audit('user.passwordSet');
    if (args.active === false || args.password) ctx.sessions.closeAllFor(row.id);
    return toUser(findUser(ctx.db, row.id)!);
  },

  'office.update': (args, ctx) => {
    requireOffice(ctx);
    if (args.name !== undefined) writeMeta(ctx.db, 'office_name', args.name);
    if (args.dataProtectionOfficer !== undefined) writeMeta(ctx.db, 'office_dpo', args.dataProtectionOfficer ?? '');
    return requireOffice(ctx);
  },
};
