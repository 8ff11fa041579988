import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../../shared/contract/events';
import { CLOSED_EVENT_STATUSES, type EventStatus } from '../../../shared/domain/events';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DetailScreen } from '../../ui/DetailScreen';
import { ErrorText } from '../../ui/ErrorText';
import { Fact, Facts } from '../../ui/Facts';
import { localizedText } from '../../ui/localized';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { CancelledNotice, type Notify } from './CancelledNotice';
import { EventKeptBy } from './EventKeptBy';
import { useEventPlace } from './EventsScreen';
import { EventStatusBadge, eventDates } from './EventStatusBadge';
import { ShiftCard } from './ShiftCard';
import { dayHref } from './day/links';
import { ShiftForm } from './ShiftForm';

/** The next step a coordinator is offered from each status; cancelling is its own button (it releases people). */
const NEXT: Partial<Record<EventStatus, EventStatus>> = { planned: 'active', active: 'finished', finished: 'closed' };

export type Act = (work: () => Promise<unknown>, done?: string) => Promise<unknown>;
/** Qualification kinds by id, named in the user's language. */
export type KindNames = (id: string) => string;

/** `more`: what other features show on the event's screen (logistics), filled in by the route table. */
export function EventScreen({ id, more }: { id: string; more?: ReactNode }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('events.get', { id }), [id]);
  return (
    <DetailScreen loaded={loaded} back={{ href: hrefFor({ name: 'events' }), label: t('events.back') }}>
      {(e) => <Event e={e} reload={loaded.reload} more={more} />}
    </DetailScreen>
  );
}

function Event({ e, reload, more }: { e: EventDetail; reload(): void; more?: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const action = useAction();
  const place = useEventPlace();
  const [adding, setAdding] = useState(false);
  const [notifyClosed, setNotifyClosed] = useState(false);
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindName: KindNames = (kind) => localizedText(kinds.data?.find((k) => k.id === kind)?.names, lang) || kind;

  // Another office's event is shown read-only; a cancelled or closed one takes no more changes.
  const open = !CLOSED_EVENT_STATUSES.includes(e.status);
  const plan = open && e.mayChange && may('events.shifts.add');
  const next = NEXT[e.status];

  const act: Act = async (work, done) => {
    const result = await action.run(work, toastError);
    if (result !== undefined) {
      if (done) toastOk(done);
      reload();
    }
    return result;
  };
  // Whom the cancellation released (what `events.cancel` answered), read from the board itself,
  // so the list is still there when the coordinator comes back to the event to finish the calls.
  const notify: Notify = e.shifts.flatMap((s) =>
    s.assignments.filter((a) => a.status === 'released').map((a) => ({ volunteerId: a.volunteerId, name: a.name, phone: a.phone, shiftId: s.id, shiftTitle: s.title })),
  );

  return (
    <div className="screen profile event-screen" data-testid="event-screen">
      <div className="screen-head">
        <a href={hrefFor({ name: 'events' })} className="back">← {t('events.back')}</a>
        <h1>{e.title}</h1>
        <EventStatusBadge status={e.status} />
        <span className="muted">{eventDates(e)}</span>
        <span className="spacer" />
        {e.status !== 'cancelled' && e.shifts.length > 0 && <a className="button" href={dayHref(e.id)} data-testid="event-day">{t('day.title')}</a>}
        {open && e.mayChange && may('events.update') && <a className="button" href={hrefFor({ name: 'eventEdit', id: e.id })}>{t('common.edit')}</a>}
      </div>
      <EventKeptBy event={e} />
      {open && e.mayChange && may('events.update') && (
        <div className="status-actions" role="group" aria-label={t('events.statusActions')}>
          {next && (
            <button type="button" disabled={action.busy} onClick={() => void act(() => call('events.update', { id: e.id, patch: {}, status: next }), `events.done.${next}`)} data-testid={`event-status-${next}`}>
              {t(`events.action.${next}`)}
            </button>
          )}
          {may('events.cancel') && (
            <ConfirmButton label={t('events.cancel.button')} question={t('events.cancel.question')} onConfirm={() => void act(() => call('events.cancel', { id: e.id }), 'events.cancel.done')} disabled={action.busy} danger />
          )}
        </div>
      )}
      {e.status === 'cancelled' && !notifyClosed && <CancelledNotice eventId={e.id} notify={notify} onClose={() => setNotifyClosed(true)} />}
      <Facts title={t('events.details')}>
        <Fact label={t('eventField.category')}>{t(`vocab.eventCategory.${e.category}`)}</Fact>
        <Fact label={t('events.place')}>{place(e)}</Fact>
        <Fact label={t('eventField.partners')}>{e.partners}</Fact>
        <Fact label={t('eventField.contact')}>{e.contact}</Fact>
      </Facts>
      <ErrorText error={action.error} />

      <section className="shifts" aria-labelledby="shifts-title" data-testid="shifts">
        <div className="section-head">
          <h2 id="shifts-title">
            {t('events.shifts.title')} <span className={`muted${e.filled < e.needed && open ? ' gap' : ''}`}>({t('events.shifts.filled', { filled: e.filled, needed: e.needed })})</span>
          </h2>
          <span className="spacer" />
          {plan && !adding && (
            <button type="button" onClick={() => setAdding(true)} data-testid="shift-add">{t('events.shifts.add')}</button>
          )}
        </div>
        {adding && <ShiftForm event={e} onDone={() => { setAdding(false); reload(); }} onCancel={() => setAdding(false)} />}
        {e.shifts.length === 0 && !adding && <p className="muted">{t('events.shifts.empty')}</p>}
        {e.shifts.map((s) => (
          <ShiftCard key={s.id} event={e} shift={s} kindName={kindName} act={act} busy={action.busy} reload={reload} />
        ))}
      </section>
      {more}
    </div>
  );
}
