import { CallError } from '../../../shared/contract/errors';
import { MAX_SAVED_VIEWS, rosterView, type SavedView, type viewCalls } from '../../../shared/contract/views';
import { actorOf, type HandlerMap } from '../context';
import { prepared } from '../db/statements';

/** A user's saved roster views: every query names the signed-in user, so nobody reads or changes another's. */
export const viewHandlers: HandlerMap<keyof typeof viewCalls> = {
  'views.list': (_input, ctx) => {
    const rows = prepared(ctx.db, 'SELECT id, name, view FROM saved_views WHERE user_id = ? ORDER BY name COLLATE NOCASE').all(actorOf(ctx).id) as {
      id: number;
      name: string;
      view: string;
    }[];
    // A view saved by an older Erikti that no longer fits the roster is left out, not an error.
    return rows.flatMap((r): SavedView[] => {
      const view = rosterView.safeParse(JSON.parse(r.view));
      return view.success ? [{ id: r.id, name: r.name, view: view.data }] : [];
    });
  },

  'views.save': ({ name, view }, ctx) => {
    const user = actorOf(ctx).id;
    const existing = prepared(ctx.db, 'SELECT id FROM saved_views WHERE user_id = ? AND name = ?').pluck().get(user, name) as number | undefined;
    const at = ctx.now().toISOString();
    if (existing !== undefined) {
      prepared(ctx.db, 'UPDATE saved_views SET view = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(view), at, existing);
      return { id: existing };
    }
    const count = prepared(ctx.db, 'SELECT count(*) FROM saved_views WHERE user_id = ?').pluck().get(user) as number;
    if (count >= MAX_SAVED_VIEWS) throw new CallError({ code: 'conflict', key: 'error.views.tooMany', params: { limit: MAX_SAVED_VIEWS } });
    const id = prepared(ctx.db, 'INSERT INTO saved_views (user_id, name, view, updated_at) VALUES (?, ?, ?, ?)').run(user, name, JSON.stringify(view), at).lastInsertRowid;
    return { id: Number(id) };
  },

  'views.delete': ({ id }, ctx) => {
    const gone = prepared(ctx.db, 'DELETE FROM saved_views WHERE id = ? AND user_id = ?').run(id, actorOf(ctx).id).changes;
    if (gone === 0) throw new CallError({ code: 'notFound', key: 'error.views.notFound' });
    return { ok: true };
  },
};
