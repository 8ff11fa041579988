import type { PreviewRow } from '../../../shared/contract/certificates';
import { CallError } from '../../../shared/contract/errors';
import type { CertificateKind } from '../../../shared/domain/certificates';
import type { ReadDb } from '../db/read-only';
import { certificateView, enrolledIn, loadCertificate, planService, planTraining, withHoursIn, type Plan } from './register';

/**
 * Who a selection reaches and what each person would get. Issuing and previewing both go
 * through `plansOf`, so what the preview shows is what the issue then numbers.
 */
export type Selection =
  | { one: { kind: CertificateKind; volunteerId: string; sessionId?: string; from?: string; to?: string } }
  | { batch: { kind: 'training'; sessionId: string } | { kind: 'service'; year: number; minHours: number } };

const yearOf = (y: string | number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });

export function plansOf(db: ReadDb, selection: Selection, today: string): Plan[] {
  if ('one' in selection) {
    const one = selection.one;
    if (one.kind === 'training') {
      if (!one.sessionId) throw new CallError({ code: 'validation', key: 'error.certificates.needsSession' }, 'A training certificate needs --session');
      return [planTraining(db, one.volunteerId, one.sessionId)];
    }
    const year = yearOf(today.slice(0, 4));
    return [planService(db, one.volunteerId, one.from ?? year.from, one.to ?? year.to)];
  }
  const batch = selection.batch;
  if (batch.kind === 'training') return enrolledIn(db, batch.sessionId).map((v) => planTraining(db, v, batch.sessionId));
  const { from, to } = yearOf(batch.year);
  return withHoursIn(db, from, to).map((v) => planService(db, v, from, to, batch.minHours));
}

/** A plan as the preview shows it; one already issued shows what that certificate states. */
function rowOf(db: ReadDb, plan: Plan): PreviewRow {
  const base = { volunteerId: plan.holder.id, holderName: plan.holder.name, outcome: plan.outcome };
  if (plan.outcome === 'again') {
    const c = certificateView(db, loadCertificate(db, plan.number));
    return { ...base, reason: null, number: c.number, kind: c.kind, title: c.title, from: c.from, to: c.to, hours: c.hours };
  }
  const s = plan.statement;
  return { ...base, reason: plan.outcome === 'left' ? plan.reason : null, number: null, kind: s.kind, title: s.title, from: s.from, to: s.to, hours: s.hours };
}

export function preview(db: ReadDb, selection: Selection, today: string) {
  const rows = plansOf(db, selection, today).map((p) => rowOf(db, p));
  const count = (outcome: PreviewRow['outcome']) => rows.filter((r) => r.outcome === outcome).length;
  return { rows, new: count('new'), again: count('again'), left: count('left') };
}
