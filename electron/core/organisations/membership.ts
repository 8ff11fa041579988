import { CallError } from '../../../shared/contract/errors';
import type { CallContext } from '../context';
import { prepared } from '../db/statements';
import { assertMayChange } from '../exchange/authority';
import { resolveSurvivor } from '../replication/merges';
import { insertReplicated, updateReplicated } from '../replication/write';

/** A membership's id is the pair itself, so the same membership added at two offices is one record. */
export const membershipId = (organisationId: string, volunteerId: string) => `${organisationId}:${volunteerId}`;

/**
 * Makes a person a member (again, if they were removed): the one write path for a membership,
 * whether one person is added on the organisation's page or many from the roster. The caller has
 * checked that the organisation exists.
 */
export function writeMembership(ctx: CallContext, organisationId: string, asked: string, role: string | null, since: string | null): void {
  // A person merged away by a duplicate merge is a member under their surviving record.
  const volunteerId = resolveSurvivor(ctx.db, 'volunteers', asked);
  const volunteer = prepared(ctx.db, 'SELECT 1 FROM volunteers WHERE id = ? AND deleted = 0').get(volunteerId);
  if (!volunteer) throw new CallError({ code: 'notFound', key: 'error.volunteerNotFound', params: { id: volunteerId } });
  const id = membershipId(organisationId, volunteerId);
  const values = { organisation_id: organisationId, volunteer_id: volunteerId, role, since, deleted: 0 };
  assertMayChange(ctx.db, 'memberships', id, values);
  const stamp = ctx.stamp();
  const exists = prepared(ctx.db, 'SELECT 1 FROM memberships WHERE id = ?').get(id);
  if (exists) updateReplicated(stamp, 'memberships', id, values);
  else insertReplicated(stamp, 'memberships', id, values);
}

/** Refuses an organisation that does not exist (or was deleted). */
export function assertOrganisation(ctx: CallContext, id: string): void {
  if (!prepared(ctx.db, 'SELECT 1 FROM organisations WHERE id = ? AND deleted = 0').get(id)) {
    throw new CallError({ code: 'notFound', key: 'error.organisationNotFound', params: { id } }, `No organisation ${id}`);
  }
}
