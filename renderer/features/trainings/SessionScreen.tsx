import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnrolmentRow, SessionDetail } from '../../../shared/contract/trainings';
import { ENROLLING_STATUSES, todayInKazakhstan, type SessionStatus } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { FILE_TYPES } from '../../../shared/contract/files';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { DetailScreen } from '../../ui/DetailScreen';
import { ErrorText } from '../../ui/ErrorText';
import { Fact, Facts } from '../../ui/Facts';
import { formatDate, formatDateTime } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { EnrolDialog } from './EnrolDialog';
import { TrainingKeptBy } from './TrainingKeptBy';
import { EnrolledTable, WaitingTable } from './EnrolmentTables';
import { StatusBadge, sessionDates } from './SessionsScreen';
import { localizedText } from '../../ui/localized';

/**
 * The next steps a coordinator is offered from each status (the core lets a session only go
 * forward, or be cancelled until closed; closing locks results; reopening is its own call).
 */
const NEXT: Record<SessionStatus, SessionStatus[]> = {
  planned: ['open', 'cancelled'],
  open: ['held', 'cancelled'],
  held: ['closed'],
  closed: [],
  cancelled: [],
};

/** A session is held or closed only once it has begun. */
const AFTER_START: readonly SessionStatus[] = ['held', 'closed'];

/** `more`: blocks other sections add below the enrolments (certificates), composed by the route table. */
export function SessionScreen({ id, more }: { id: string; more?: (s: SessionDetail) => ReactNode }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('trainings.sessions.get', { id }), [id]);
  return (
    <DetailScreen loaded={loaded} back={{ href: hrefFor({ name: 'trainings' }), label: t('trainings.sessions.back') }}>
      {(s) => <Session s={s} reload={loaded.reload} more={more} />}
    </DetailScreen>
  );
}

function Session({ s, reload, more }: { s: SessionDetail; reload(): void; more: ((s: SessionDetail) => ReactNode) | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const action = useAction();
  const [enrolling, setEnrolling] = useState(false);
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindName = (id: string | null) => localizedText(kinds.data?.find((k) => k.id === id)?.names, lang);

  const enrolled = s.enrolments.filter((e) => e.place === 'enrolled');
  const waiting = s.enrolments.filter((e) => e.place === 'waitlisted').sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const open = ENROLLING_STATUSES.includes(s.status);
  // Another office's session is shown read-only: only it (or the centre) enrols, marks and changes it.
  const runHere = s.mayChange;
  const editable = open && runHere;
  const started = todayInKazakhstan() >= s.start;
  const title = localizedText(s.programTitle, lang);

  const act = async (work: () => Promise<unknown>, done?: string) => {
    const result = await action.run(work, toastError);
    if (result !== undefined) {
      if (done) toastOk(done);
      reload();
    }
    return result;
  };
  const setStatus = (status: SessionStatus) => act(() => call('trainings.sessions.setStatus', { id: s.id, status }), `trainings.status.done.${status}`);
  const printSheet = async () => {
    const file = await action.run(() => call('trainings.sheet', { sessionId: s.id, lang }), toastError);
    // Opened in the system's viewer in the desktop app, where it is printed; a download in the browser.
    if (file) await saveFile({ ...file, mime: FILE_TYPES.pdf }, { open: true });
  };

  return (
    <div className="screen profile session-screen" data-testid="session-screen">
      <div className="screen-head">
        <a href={hrefFor({ name: 'trainings' })} className="back">← {t('trainings.sessions.back')}</a>
        <h1>{title}</h1>
        <StatusBadge status={s.status} label={t(`trainings.status.${s.status}`)} />
        <span className="muted">{sessionDates(s)}</span>
        <span className="spacer" />
        <button type="button" onClick={() => void printSheet()} disabled={action.busy || enrolled.length === 0} data-testid="print-sheet">
          {t('trainings.session.printSheet')}
        </button>
        {may('trainings.sessions.update') && editable && <a className="button" href={hrefFor({ name: 'sessionEdit', id: s.id })}>{t('common.edit')}</a>}
      </div>
      <TrainingKeptBy record={s} hint={t('trainings.sessionKeptElsewhere')} />
      {runHere && may('trainings.sessions.setStatus') && (
        <div className="status-actions" role="group" aria-label={t('trainings.session.statusActions')}>
          {NEXT[s.status].map((next) => (
            <button key={next} type="button" className={next === 'cancelled' ? 'danger' : undefined} disabled={action.busy || (!started && AFTER_START.includes(next))} onClick={() => void setStatus(next)} data-testid={`status-${next}`}>
              {t(`trainings.status.action.${next}`)}
            </button>
          ))}
          {s.status === 'closed' && may('trainings.reopen') && <Reopen onReopen={(reason) => act(() => call('trainings.reopen', { id: s.id, reason }), 'trainings.session.reopened')} busy={action.busy} />}
          {s.status === 'closed' && <span className="muted">{t('trainings.session.lockedHint')}</span>}
        </div>
      )}
      {s.overCapacity && (
        <p className="notice" role="status" data-testid="over-capacity">
          {t('trainings.session.overCapacity', { waiting: waiting.length, capacity: s.capacity })}
        </p>
      )}
      <div className="profile-grid">
        <Facts title={t('trainings.session.details')}>
          <Fact label={t('trainings.sessions.place')}>{s.place}</Fact>
          <Fact label={t('trainings.sessions.trainers')}>{s.trainers}</Fact>
          <Fact label={t('trainings.sessions.capacity')}>{t('trainings.session.placesTaken', { enrolled: enrolled.length, capacity: s.capacity })}</Fact>
        </Facts>
        <Facts title={t('trainings.session.program')}>
          <Fact label={t('trainings.programs.hours')}>{s.program.hours}</Fact>
          <Fact label={t('trainings.programs.passMark')}>{s.program.passMark ?? ''}</Fact>
          <Fact label={t('trainings.programs.grants')}>{kindName(s.program.grants)}</Fact>
          <Fact label={t('trainings.programs.prerequisite')}>{kindName(s.program.prerequisite)}</Fact>
          <Fact label={t('trainings.programs.minAge')}>{s.program.minAge ?? ''}</Fact>
        </Facts>
      </div>
      <ErrorText error={action.error} />

      <section className="facts" aria-labelledby="enrolled-title" data-testid="enrolled">
        <div className="section-head">
          <h2 id="enrolled-title">
            {t('trainings.session.enrolled')} <span className="muted">({enrolled.length} / {s.capacity})</span>
          </h2>
          <span className="spacer" />
          {editable && may('trainings.enrol') && (
            <button type="button" className="primary" onClick={() => setEnrolling(true)} data-testid="enrol-open">
              {t('trainings.session.enrol')}
            </button>
          )}
        </div>
        <EnrolledTable session={s} rows={enrolled} editable={editable} started={started} act={act} busy={action.busy} />
      </section>

      <section className="facts waiting" aria-labelledby="waiting-title" data-testid="waiting">
        <h2 id="waiting-title">
          {t('trainings.session.waiting')} <span className="muted">({waiting.length})</span>
        </h2>
        {waiting.length === 0 ? <p className="muted">{t('trainings.session.noneWaiting')}</p> : <WaitingTable session={s} rows={waiting} editable={editable} act={act} busy={action.busy} />}
        {waiting.length > 0 && <p className="muted small">{t('trainings.session.waitingHint')}</p>}
      </section>

      {more?.(s)}

      {s.reopenings.length > 0 && (
        <Facts title={t('trainings.session.reopenings')}>
          {s.reopenings.map((r) => (
            <Fact key={r.at} label={formatDateTime(r.at)}>
              {r.by}
              {r.reason && <span className="muted"> · {r.reason}</span>}
            </Fact>
          ))}
        </Facts>
      )}
      {enrolling && <EnrolDialog session={s} exclude={new Set(s.enrolments.filter((e) => e.place !== 'withdrawn').map((e) => e.volunteerId))} onClose={() => setEnrolling(false)} onEnrolled={reload} />}
      <p className="muted small stamps">{t('trainings.session.today', { date: formatDate(todayInKazakhstan()) })}</p>
    </div>
  );
}

function Reopen({ onReopen, busy }: { onReopen(reason: string): Promise<unknown>; busy: boolean }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  if (!asking) {
    return (
      <button type="button" onClick={() => setAsking(true)} data-testid="status-reopen">
        {t('trainings.status.action.reopen')}
      </button>
    );
  }
  return (
    <span className="confirm inline-form">
      <input aria-label={t('trainings.session.reopenReason')} placeholder={t('trainings.session.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
      <button type="button" className="primary" disabled={busy} onClick={() => void onReopen(reason.trim()).then(() => setAsking(false))}>
        {t('trainings.status.action.reopen')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
    </span>
  );
}

export type Act = (work: () => Promise<unknown>, done?: string) => Promise<unknown>;
export type { EnrolmentRow };
