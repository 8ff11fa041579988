import { CallError } from '../../../shared/contract/errors';
import type { Member, Organisation, organisationCalls } from '../../../shared/contract/organisations';
import type { HandlerMap, ReadContext } from '../context';
import { resolveSurvivor } from '../replication/merges';
import { assertMayChange, keeperOf, mayChangeHere } from '../exchange/authority';
import { newId } from '../replication/ids';
import type { Row } from '../replication/tables';
import { insertReplicated, updateReplicated } from '../replication/write';
import { toColumn } from '../volunteers/columns';
import { membershipId, writeMembership } from './membership';

const SELECT = `SELECT o.id, o.name, o.bin, o.type, o.region, o.contact_name AS contactName, o.phone, o.email, o.notes,
  (SELECT count(*) FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id AND v.deleted = 0
    WHERE m.organisation_id = o.id AND m.deleted = 0) AS memberCount
  FROM organisations o`;

function load(ctx: ReadContext, id: string): Organisation {
  const row = ctx.db.prepare(`${SELECT} WHERE o.id = ? AND o.deleted = 0`).get(id) as Organisation | undefined;
  if (!row) throw new CallError({ code: 'notFound', key: 'error.organisationNotFound', params: { id } }, `No organisation ${id}`);
  return row;
}

function toRow(values: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [k, v] of Object.entries(values)) if (v !== undefined) row[toColumn(k)] = v as string | null;
  return row;
}


/** Names in the order people read them: «Школа №23» before «Школа №163», Kazakh letters in place. */
const BY_NAME = new Intl.Collator(['kk', 'ru'], { numeric: true, sensitivity: 'base' });

export const organisationHandlers: HandlerMap<keyof typeof organisationCalls> = {
  'organisations.list': ({ text }, ctx) => {
    const rows = (ctx.db.prepare(`${SELECT} WHERE o.deleted = 0 ORDER BY o.name LIMIT 2000`).all() as Organisation[]).sort((a, b) => BY_NAME.compare(a.name, b.name));
    const words = text.toLowerCase().split(/\s+/).filter(Boolean);
    return words.length ? rows.filter((o) => words.every((w) => `${o.name} ${o.bin ?? ''}`.toLowerCase().includes(w))) : rows;
  },

  'organisations.get': ({ id }, ctx) => {
    const organisation = load(ctx, id);
    const members = ctx.db
      .prepare(
        `SELECT v.id AS volunteerId, v.last_name || ' ' || v.first_name || COALESCE(' ' || v.middle_name, '') AS name, m.role, m.since
         FROM memberships m JOIN volunteers v ON v.id = m.volunteer_id AND v.deleted = 0
         WHERE m.organisation_id = ? AND m.deleted = 0 ORDER BY v.last_name, v.first_name`,
      )
      .all(id) as Member[];
    return { ...organisation, members, keptBy: keeperOf(ctx.db, 'organisations', id), mayChange: mayChangeHere(ctx.db, 'organisations', id) };
  },

  'organisations.create': (input, ctx) => {
    const id = newId();
    insertReplicated(ctx.stamp(), 'organisations', id, toRow(input));
    return { id };
  },

  'organisations.update': ({ id, patch }, ctx) => {
    load(ctx, id);
    assertMayChange(ctx.db, 'organisations', id);
    updateReplicated(ctx.stamp(), 'organisations', id, toRow(patch));
    return { id };
  },

  'organisations.delete': ({ id }, ctx) => {
    load(ctx, id);
    // Its memberships end with it: the organisation's keeper may change its member list.
    assertMayChange(ctx.db, 'organisations', id);
    const stamp = ctx.stamp();
    updateReplicated(stamp, 'organisations', id, { deleted: 1 });
    const memberships = ctx.db.prepare('SELECT id FROM memberships WHERE organisation_id = ? AND deleted = 0').all(id) as { id: string }[];
    for (const m of memberships) updateReplicated(stamp, 'memberships', m.id, { deleted: 1 });
    return { ok: true };
  },

  'organisations.addMember': ({ organisationId, volunteerId, role, since }, ctx) => {
    load(ctx, organisationId);
    writeMembership(ctx, organisationId, volunteerId, role ?? null, since ?? null);
    return { ok: true };
  },

  'organisations.removeMember': ({ organisationId, volunteerId }, ctx) => {
    const id = membershipId(organisationId, resolveSurvivor(ctx.db, 'volunteers', volunteerId));
    const exists = ctx.db.prepare('SELECT 1 FROM memberships WHERE id = ? AND deleted = 0').get(id);
    if (!exists) throw new CallError({ code: 'notFound', key: 'error.notFound' });
    assertMayChange(ctx.db, 'memberships', id);
    updateReplicated(ctx.stamp(), 'memberships', id, { deleted: 1 });
    return { ok: true };
  },
};
