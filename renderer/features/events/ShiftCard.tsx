import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRow, EventDetail, ShiftRow } from '../../../shared/contract/events';
import { CLOSED_EVENT_STATUSES, HOLDING_STATUSES } from '../../../shared/domain/events';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { displayPhone } from '../../ui/format';
import type { Act, KindNames } from './EventScreen';
import { shiftTimes } from './EventStatusBadge';
import { ShiftForm } from './ShiftForm';
import { StaffPanel } from './StaffPanel';
import { ActionsHeader } from '../../ui/ActionsHeader';

/**
 * One shift on the staffing board: when and where, what it asks for, needed against filled (a gap
 * in red), its people with their answers, and the way to staff it from suggestions.
 */
export function ShiftCard({ event, shift, kindName, act, busy, reload }: { event: EventDetail; shift: ShiftRow; kindName: KindNames; act: Act; busy: boolean; reload(): void }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [editing, setEditing] = useState(false);
  const [staffing, setStaffing] = useState(false);
  const open = !CLOSED_EVENT_STATUSES.includes(event.status);
  const plan = open && event.mayChange && may('events.shifts.update');
  const gap = shift.needed - shift.filled;
  const asks = [
    ...shift.requires.map(kindName),
    ...(shift.minAge !== null ? [t('events.shifts.minAge', { age: shift.minAge })] : []),
    ...(shift.languages.length > 0 ? [shift.languages.map((l) => t(`vocab.language.${l}`)).join(' / ')] : []),
  ];

  if (editing) return <ShiftForm event={event} shift={shift} onDone={() => { setEditing(false); reload(); }} onCancel={() => setEditing(false)} />;
  return (
    <article className="shift-card" data-testid="shift-card" aria-labelledby={`shift-${shift.id}`}>
      <div className="shift-head">
        <h3 id={`shift-${shift.id}`}>{shift.title}</h3>
        <span className="mono">{shiftTimes(shift)}</span>
        {shift.meetingPoint && <span className="muted">· {shift.meetingPoint}</span>}
        <span className="spacer" />
        <span className={`staffing-count${gap > 0 && open ? ' gap' : ''}`} data-testid="shift-filled">
          {t('events.shifts.filled', { filled: shift.filled, needed: shift.needed })}
          {open && <span className={`chip ${gap > 0 ? 'short' : 'ok'}`}>{gap > 0 ? t('events.shifts.gap', { count: gap }) : t('events.shifts.full')}</span>}
        </span>
      </div>
      {asks.length > 0 && <p className="shift-asks">{asks.map((a) => <span key={a} className="chip">{a}</span>)}</p>}
      <div className="shift-actions">
        {open && may('events.assign') && (
          <button type="button" className={staffing ? 'active' : 'primary'} aria-expanded={staffing} onClick={() => setStaffing(!staffing)} data-testid="staff-open">
            {t('events.staff.suggest')}
          </button>
        )}
        {plan && <button type="button" onClick={() => setEditing(true)}>{t('common.edit')}</button>}
        {plan && may('events.shifts.delete') && (
          <ConfirmButton label={t('events.shifts.delete')} question={t('events.shifts.deleteQuestion')} onConfirm={() => void act(() => call('events.shifts.delete', { id: shift.id }), 'events.shifts.deleted')} disabled={busy} danger />
        )}
      </div>
      {staffing && <StaffPanel shift={shift} onAssigned={reload} />}
      {shift.assignments.length === 0 ? (
        <p className="muted">{t('events.shifts.nobody')}</p>
      ) : (
        <table className="plain-table">
          <thead>
            <tr><th>{t('events.staff.name')}</th><th>{t('events.staff.phone')}</th><th>{t('events.staff.status')}</th><ActionsHeader /></tr>
          </thead>
          <tbody>
            {shift.assignments.map((a) => (
              <AssignmentLine key={a.volunteerId} shiftId={shift.id} a={a} open={open} act={act} busy={busy} />
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

function AssignmentLine({ shiftId, a, open, act, busy }: { shiftId: string; a: AssignmentRow; open: boolean; act: Act; busy: boolean }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [removing, setRemoving] = useState(false);
  const [reason, setReason] = useState('');
  const holds = HOLDING_STATUSES.includes(a.status);
  const on = { shiftId, volunteerId: a.volunteerId };
  const respond = (answer: 'confirmed' | 'declined') => act(() => call('events.respond', { ...on, answer }));
  return (
    <tr data-testid="assignment-row" data-status={a.status}>
      <td><a href={hrefFor({ name: 'volunteer', id: a.volunteerId })}>{a.name}</a></td>
      <td className="mono">{displayPhone(a.phone)}</td>
      <td>
        <span className={`badge assignment-${a.status}`}>{t(`vocab.assignmentStatus.${a.status}`)}</span>
        {a.removalReason && <span className="muted"> · {a.removalReason}</span>}
      </td>
      <td className="row-actions">
        {open && holds && may('events.respond') && a.status === 'invited' && (
          <>
            <button type="button" disabled={busy} onClick={() => void respond('confirmed')}>{t('events.staff.confirm')}</button>
            <button type="button" disabled={busy} onClick={() => void respond('declined')}>{t('events.staff.decline')}</button>
          </>
        )}
        {open && holds && may('events.remove') && (removing ? (
          <span className="confirm inline-form">
            <input aria-label={t('events.staff.removeReason')} placeholder={t('events.staff.removeReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
            <button type="button" className="danger" disabled={busy} onClick={() => void act(() => call('events.remove', { ...on, reason: reason.trim() }))}>{t('events.staff.remove')}</button>
            <button type="button" onClick={() => setRemoving(false)}>{t('common.cancel')}</button>
          </span>
        ) : (
          <button type="button" disabled={busy} onClick={() => setRemoving(true)}>{t('events.staff.remove')}</button>
        ))}
      </td>
    </tr>
  );
}
