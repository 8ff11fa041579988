import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentRow, SessionDetail } from '../../../shared/contract/trainings';
import { ATTENDANCE, scorePasses, type Attendance, type TrainingResult } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { hrefFor } from '../../app/router';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { formatDate } from '../../ui/format';
import type { Act } from './SessionScreen';
import { numberForInput, numberText } from '../../ui/localized';
import { ActionsHeader } from '../../ui/ActionsHeader';

interface TableProps {
  session: SessionDetail;
  rows: EnrolmentRow[];
  /** Enrolment and results can change (not closed, not cancelled). */
  editable: boolean;
  act: Act;
  busy: boolean;
}

/** The people with a place, numbered as on the attendance sheet, with attendance and result. */
export function EnrolledTable({ session, rows, editable, started, act, busy }: TableProps & { started: boolean }) {
  const { t } = useTranslation();
  if (rows.length === 0) return <p className="muted">{t('trainings.session.noneEnrolled')}</p>;
  const unmarked = rows.filter((r) => r.attendance === null);
  const markAllPresent = () =>
    act(() => call('trainings.attendance', { sessionId: session.id, marks: unmarked.map((r) => ({ volunteerId: r.volunteerId, attendance: 'present' as const })) }), 'trainings.session.marked');
  return (
    <>
      {!started && editable && <p className="muted small">{t('trainings.session.notStarted', { date: formatDate(session.start) })}</p>}
      <table className="plain-table enrolment-table">
        <thead>
          <tr>
            <th className="num">№</th>
            <th>{t('volunteer.fullName')}</th>
            <th>{t('volunteer.birthDate')}</th>
            <th>
              {t('trainings.session.attendance')}
              {editable && started && unmarked.length > 0 && (
                <button type="button" className="link" onClick={() => void markAllPresent()} disabled={busy}>
                  {t('trainings.session.allPresent')}
                </button>
              )}
            </th>
            <th>{t('trainings.session.result')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.volunteerId} data-testid="enrolled-row">
              <td className="num">{i + 1}</td>
              <td><a href={hrefFor({ name: 'volunteer', id: r.volunteerId })}>{r.name}</a></td>
              <td className="mono">{formatDate(r.birthDate)}</td>
              <td>
                <AttendanceCell session={session} row={r} editable={editable && started} act={act} busy={busy} />
              </td>
              <td>
                <ResultCell session={session} row={r} editable={editable && started} act={act} busy={busy} />
              </td>
              <td className="actions">
                {editable && <Withdraw session={session} row={r} act={act} busy={busy} />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The waiting list, in the order places will be offered. */
export function WaitingTable({ session, rows, editable, act, busy }: TableProps) {
  const { t } = useTranslation();
  return (
    <table className="plain-table enrolment-table">
      <thead>
        <tr>
          <th className="num">{t('trainings.session.position')}</th>
          <th>{t('volunteer.fullName')}</th>
          <th>{t('volunteer.birthDate')}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.volunteerId} data-testid="waiting-row">
            <td className="num">{r.position}</td>
            <td><a href={hrefFor({ name: 'volunteer', id: r.volunteerId })}>{r.name}</a></td>
            <td className="mono">{formatDate(r.birthDate)}</td>
            <td className="actions">{editable && <Withdraw session={session} row={r} act={act} busy={busy} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

interface CellProps {
  session: SessionDetail;
  row: EnrolmentRow;
  editable: boolean;
  act: Act;
  busy: boolean;
}

function Withdraw({ session, row, act, busy }: Omit<CellProps, 'editable'>) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      label={t('trainings.session.withdraw')}
      question={t('trainings.session.withdrawQuestion', { name: row.name })}
      disabled={busy}
      onConfirm={() => void act(() => call('trainings.withdraw', { sessionId: session.id, volunteerId: row.volunteerId }), 'trainings.session.withdrawn')}
    />
  );
}

function AttendanceCell({ session, row, editable, act, busy }: CellProps) {
  const { t } = useTranslation();
  if (!editable) return <>{row.attendance ? <span className={`badge attendance-${row.attendance}`}>{t(`trainings.attendance.${row.attendance}`)}</span> : ''}</>;
  const mark = (value: string) =>
    act(() => call('trainings.attendance', { sessionId: session.id, marks: [{ volunteerId: row.volunteerId, attendance: (value || null) as Attendance | null }] }));
  return (
    <select aria-label={t('trainings.session.attendanceOf', { name: row.name })} value={row.attendance ?? ''} disabled={busy} onChange={(e) => void mark(e.target.value)} data-testid="attendance">
      <option value="">—</option>
      {ATTENDANCE.map((a) => (
        <option key={a} value={a}>{t(`trainings.attendance.${a}`)}</option>
      ))}
    </select>
  );
}

function ResultCell({ session, row, editable, act, busy }: CellProps) {
  const { t } = useTranslation();
  const [score, setScore] = useState(numberText(row.score));
  const [changing, setChanging] = useState(false);
  const shown = row.result ? (
    <span className={`badge result-${row.result}`}>
      {t(`trainings.result.${row.result}`)}
      {row.score !== null && ` · ${row.score}`}
    </span>
  ) : null;
  if (!editable) return shown ?? <></>;
  if (shown && !changing) {
    return (
      <span className="result-cell">
        {shown}
        <button type="button" className="link" onClick={() => setChanging(true)}>{t('common.change')}</button>
      </span>
    );
  }
  const passMark = session.program.passMark;
  const typed = numberForInput(score);
  const suggested: TrainingResult | null = typeof typed === 'number' && passMark !== null ? (scorePasses(typed, passMark) ? 'passed' : 'failed') : null;
  const save = async (outcome: TrainingResult) => {
    const saved = await act(
      () => call('trainings.result', { sessionId: session.id, volunteerId: row.volunteerId, outcome, score: typeof typed === 'number' ? typed : null }),
      'trainings.session.resultSaved',
    );
    if (saved !== undefined) setChanging(false);
  };
  return (
    <span className="result-cell">
      {passMark !== null && (
        <input
          className="score"
          aria-label={t('trainings.session.scoreOf', { name: row.name })}
          placeholder={t('trainings.session.score')}
          inputMode="numeric"
          value={score}
          onChange={(e) => setScore(e.target.value)}
          data-testid="score"
        />
      )}
      {(['passed', 'failed'] as const).map((outcome) => (
        <button
          key={outcome}
          type="button"
          className={suggested === outcome ? 'active' : undefined}
          disabled={busy}
          onClick={() => void save(outcome)}
          data-testid={`result-${outcome}`}
        >
          {t(`trainings.result.action.${outcome}`)}
        </button>
      ))}
    </span>
  );
}
