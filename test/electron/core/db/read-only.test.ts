import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CallName, WriteCallName } from '../../../../shared/contract';
import { contract } from '../../../../shared/contract';
import type { CallContext, ContextOf, Handler, ReadContext } from '../../../../electron/core/context';
import type { ReadDb } from '../../../../electron/core/db/read-only';
import { prepared } from '../../../../electron/core/db/statements';
import { updateReplicated } from '../../../../electron/core/replication/write';
import { officeCore } from '../../../helpers/temp-db';

/*
 * Type-level proof, checked by `npm run typecheck` (which covers test/): a handler of a call the
 * contract marks `writes: false` cannot write. Each @ts-expect-error fails the typecheck if the
 * line below it ever compiles. These handlers are never called.
 */
export const readHandler: Handler<'volunteers.get'> = (_args, ctx) => {
  // @ts-expect-error a read call's statements have no run()
  ctx.db.prepare('UPDATE volunteers SET notes = NULL').run();
  // @ts-expect-error nor through the statement cache
  prepared(ctx.db, 'DELETE FROM volunteers').run();
  // @ts-expect-error nor a way back to the writable connection
  void prepared(ctx.db, 'SELECT 1').database;
  // @ts-expect-error no exec
  ctx.db.exec('DELETE FROM volunteers');
  // @ts-expect-error no transaction
  ctx.db.transaction(() => undefined);
  // @ts-expect-error no pragma (some of them write)
  ctx.db.pragma('user_version = 0');
  // @ts-expect-error no stamp for replicated writes
  updateReplicated(ctx.stamp(), 'volunteers', 'id', { notes: null });
  // @ts-expect-error a read call's work does not commit, so nothing can wait for its commit
  ctx.afterCommit(() => undefined);
  throw new Error('never called');
};

/** The same lines compile for a call that writes. */
export const writeHandler: Handler<'volunteers.setStatus'> = (_args, ctx) => {
  ctx.db.prepare('UPDATE volunteers SET notes = NULL').run();
  prepared(ctx.db, 'DELETE FROM volunteers').run();
  ctx.db.transaction(() => undefined)();
  updateReplicated(ctx.stamp(), 'volunteers', 'id', { notes: null });
  return { ok: true };
};

describe('read-only database handle', () => {
  it('is what every call the contract marks as not writing receives, and only those', () => {
    expectTypeOf<ContextOf<Exclude<CallName, WriteCallName>>>().toEqualTypeOf<ReadContext>();
    expectTypeOf<ContextOf<WriteCallName>>().toEqualTypeOf<CallContext>();
    expectTypeOf<ReadContext['db']>().toEqualTypeOf<ReadDb>();
    // The type follows the contract's flag call by call.
    const readCalls = (Object.keys(contract) as CallName[]).filter((name) => !contract[name].writes);
    expect(readCalls).toContain('volunteers.get');
    expect(readCalls).not.toContain('volunteers.setStatus');
  });

  it('is the writable connection seen through a narrower type: reading works through it', () => {
    const core = officeCore();
    const db: ReadDb = core.db;
    expect(prepared(db, "SELECT value FROM meta WHERE key = 'office_code'").pluck().get()).toBe('KZ-75');
  });
});

describe('prepared statements', () => {
  it('are prepared once per connection and SQL text', () => {
    const [a, b] = [officeCore(), officeCore('KZ-11')];
    const sql = 'SELECT count(*) FROM volunteers';
    expect(prepared(a.db, sql)).toBe(prepared(a.db, sql));
    expect(prepared(a.db, sql)).not.toBe(prepared(b.db, sql));
    expect(prepared(a.db, sql)).not.toBe(prepared(a.db, `${sql} WHERE deleted = 0`));
  });
});
