import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRow, EventDetail, ShiftRow } from '../../../../shared/contract/events';
import { CallError } from '../../../../shared/contract/errors';
import type { VolunteerRow } from '../../../../shared/contract/volunteers';
import { workedHours } from '../../../../shared/domain/events';
import { call } from '../../../app/api';
import { ConfirmButton } from '../../../ui/ConfirmButton';
import { DetailScreen } from '../../../ui/DetailScreen';
import { ErrorText } from '../../../ui/ErrorText';
import { Select } from '../../../ui/Field';
import { useLang } from '../../../app/i18n';
import { displayPhone, formatDate, formatHours, fullName } from '../../../ui/format';
import { toastOk } from '../../../ui/toasts';
import { useAction, useDebounced, useLoad } from '../../../ui/useLoad';
import { DAY_STATES, countStates, dayState, defaultShift, matches, nextMove, nowInKazakhstan, onTheDay, showTime, type DayState } from './day';
import { eventHref, hoursHref } from './links';
import { TimeFix } from './TimeFix';
import { ActionsHeader } from '../../../ui/ActionsHeader';

const WALK_IN_FOUND = 8;

/**
 * The day itself, built for a queue at the door: one search box, ↑/↓ to choose, Enter checks the
 * person in (or out when present). Someone not on the shift is found in the roster and added on
 * the spot as a walk-in, after a second Enter so a typo never adds a stranger.
 */
export function DayScreen({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('events.get', { id: eventId }), [eventId]);
  return (
    <DetailScreen loaded={loaded} back={{ href: eventHref(eventId), label: t('day.back') }}>
      {(event) => <Day event={event} reload={loaded.reload} />}
    </DetailScreen>
  );
}

function Day({ event, reload }: { event: EventDetail; reload(): void }) {
  const { t } = useTranslation();
  const [shiftId, setShiftId] = useState(() => defaultShift(event.shifts, nowInKazakhstan())?.id ?? '');
  const shift = event.shifts.find((s) => s.id === shiftId) ?? event.shifts[0];
  const shiftLabel = (s: ShiftRow) => `${s.title} · ${formatDate(s.start)} ${showTime(s.start, s.start.slice(0, 10))}–${showTime(s.end, s.start.slice(0, 10))}`;

  return (
    <div className="screen day" data-testid="day-screen">
      <div className="screen-head">
        <a href={eventHref(event.id)} className="back">← {t('day.back')}</a>
        <h1>{event.title}</h1>
        <span className="muted">{t('day.title')}</span>
        <span className="spacer" />
        <a href={hoursHref()}>{t('hours.title')} →</a>
      </div>
      {event.shifts.length === 0 ? (
        <p className="empty">{t('day.noShifts')}</p>
      ) : (
        <>
          <div className="filters">
            <label htmlFor="day-shift">{t('day.shift')}</label>
            <Select id="day-shift" value={shift!.id} options={event.shifts.map((s) => ({ value: s.id, label: shiftLabel(s) }))} onChange={setShiftId} />
            {shift!.meetingPoint && <span className="muted">{t('day.meetingPoint')}: {shift!.meetingPoint}</span>}
          </div>
          <Board key={shift!.id} shift={shift!} reload={reload} />
        </>
      )}
    </div>
  );
}

function Board({ shift, reload }: { shift: ShiftRow; reload(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const searchRef = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [selected, setSelected] = useState(0);
  const [pending, setPending] = useState<VolunteerRow | null>(null);
  const [fixing, setFixing] = useState<string | null>(null);
  // What the last Enter did, kept as a key so it follows a change of language.
  const [last, setLast] = useState<{ key: string; params: Record<string, string | number> } | null>(null);
  const action = useAction();
  const shiftDate = shift.start.slice(0, 10);

  const everyone = useMemo(() => onTheDay(shift), [shift]);
  const counts = countStates(everyone);
  const people = useMemo(() => everyone.filter((a) => matches(a, text)), [everyone, text]);
  const typed = text.trim();
  const lookInRoster = typed.length >= 2 && people.length === 0;
  const rosterText = useDebounced(lookInRoster ? typed : '', 150);
  const roster = useLoad(() => (rosterText ? call('volunteers.search', { text: rosterText, limit: WALK_IN_FOUND }) : Promise.resolve(null)), [rosterText]);
  const walkIns = lookInRoster && rosterText === typed ? (roster.data?.rows ?? []) : [];
  const count = lookInRoster ? walkIns.length : people.length;
  const at = Math.min(selected, Math.max(0, count - 1));

  useEffect(() => searchRef.current?.focus(), []);

  const ready = (key: string, params: Record<string, string | number>) => {
    setLast({ key, params });
    setText('');
    setSelected(0);
    setPending(null);
    reload();
    searchRef.current?.focus();
  };

  const toggle = async (a: AssignmentRow) => {
    const move = nextMove(dayState(a));
    if (!move) return setLast({ key: 'day.done.alreadyGone', params: { name: a.name } });
    const time = nowInKazakhstan();
    const ids = { shiftId: shift.id, volunteerId: a.volunteerId };
    if (move === 'checkin') {
      if (await action.run(() => call('events.checkin', ids))) ready('day.done.checkin', { name: a.name, time: showTime(time, shiftDate) });
    } else {
      const out = await action.run(() => call('events.checkout', ids));
      if (out) ready('day.done.checkout', { name: a.name, time: showTime(time, shiftDate), hours: formatHours(out.hours, lang) });
    }
    searchRef.current?.focus();
  };

  const addWalkIn = async (v: VolunteerRow) => {
    const done = await action.run(async () => {
      const { outcomes } = await call('events.assign', { shiftId: shift.id, volunteerIds: [v.id], walkIn: true });
      const refused = outcomes.find((o) => o.outcome === 'refused');
      if (refused) throw new CallError({ code: 'conflict', key: `error.events.${refused.reason ?? 'notAssigned'}` }, 'refused');
      return call('events.checkin', { shiftId: shift.id, volunteerId: v.id });
    });
    setPending(null);
    if (done) ready('day.done.walkIn', { name: fullName(v), time: showTime(nowInKazakhstan(), shiftDate) });
    // Added but not checked in (the check-in refused): the list still shows them as expected.
    else reload();
    searchRef.current?.focus();
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setPending(null);
      setSelected(Math.max(0, Math.min(count - 1, at + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (action.busy) return;
      if (pending) void addWalkIn(pending);
      else if (lookInRoster) setPending(walkIns[at] ?? null);
      else if (people[at]) void toggle(people[at]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setPending(null);
      if (!pending) {
        setText('');
        setSelected(0);
      }
    }
  };

  const markNoShows = async () => {
    const done = await action.run(() => call('events.noShows', { shiftId: shift.id }));
    if (done) {
      toastOk('day.noShowsDone', { count: done.noShows.length });
      reload();
    }
  };

  return (
    <>
      <div className="day-counts" data-testid="day-counts">
        <span className="muted">
          {t('day.planned')}: <strong className="mono">{formatDate(shiftDate)} {showTime(shift.start, shiftDate)} – {showTime(shift.end, shiftDate)}</strong>
        </span>
        {DAY_STATES.map((state) => (
          <span key={state} className={`badge day-${state}`} data-testid={`day-count-${state}`}>
            {t(`day.state.${state}`)}: <strong>{counts[state]}</strong>
          </span>
        ))}
        <span className="muted">{t('day.needed', { filled: everyone.length, needed: shift.needed })}</span>
      </div>
      <div className="day-search">
        <input
          ref={searchRef}
          type="search"
          className="search"
          aria-label={t('day.search')}
          placeholder={t('day.searchPlaceholder')}
          value={text}
          onChange={(e) => (setText(e.target.value), setSelected(0), setPending(null))}
          onKeyDown={onKey}
          data-testid="day-search"
        />
        <span className="muted small">{t('day.keys')}</span>
      </div>
      <div aria-live="polite" className="day-last" data-testid="day-last">{last && t(last.key, last.params)}</div>
      <ErrorText error={action.error} />
      {lookInRoster ? (
        <WalkIns typed={typed} rows={walkIns} selected={at} pending={pending} loading={roster.loading || rosterText !== typed} busy={action.busy} onPick={setPending} onConfirm={addWalkIn} onCancel={() => setPending(null)} />
      ) : (
        <table className="plain-table day-table" data-testid="day-table">
          <thead>
            <tr>
              <th>{t('volunteer.fullName')}</th>
              <th>{t('volunteer.iin')}</th>
              <th>{t('volunteer.phone')}</th>
              <th>{t('day.stateTitle')}</th>
              <th>{t('day.arrived')}</th>
              <th>{t('day.left')}</th>
              <th className="num">{t('day.hours')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {people.map((a, i) => (
              <Person
                key={a.volunteerId}
                a={a}
                shiftDate={shiftDate}
                selected={i === at}
                fixing={fixing === a.volunteerId}
                busy={action.busy}
                onSelect={() => setSelected(i)}
                onToggle={() => void toggle(a)}
                onFix={() => setFixing(fixing === a.volunteerId ? null : a.volunteerId)}
                fix={<TimeFix shiftId={shift.id} a={a} shiftDate={shiftDate} onDone={() => (setFixing(null), ready('day.done.fixed', { name: a.name }))} onCancel={() => (setFixing(null), searchRef.current?.focus())} />}
              />
            ))}
            {people.length === 0 && (
              <tr>
                <td colSpan={8} className="muted">{everyone.length === 0 ? t('day.nobody') : t('day.typeMore')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
      <div className="form-actions">
        {counts.expected > 0 && (
          <ConfirmButton label={t('day.noShows', { count: counts.expected })} question={t('day.noShowsQuestion', { count: counts.expected })} onConfirm={() => void markNoShows()} disabled={action.busy} />
        )}
      </div>
    </>
  );
}

interface PersonProps {
  a: AssignmentRow;
  shiftDate: string;
  selected: boolean;
  fixing: boolean;
  busy: boolean;
  onSelect(): void;
  onToggle(): void;
  onFix(): void;
  fix: ReactNode;
}

function Person({ a, shiftDate, selected, fixing, busy, onSelect, onToggle, onFix, fix }: PersonProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const state: DayState = dayState(a);
  const move = nextMove(state);
  const hours = a.checkedInAt && a.checkedOutAt && a.checkedOutAt >= a.checkedInAt ? workedHours(a.checkedInAt, a.checkedOutAt) : null;
  return (
    <>
      <tr
        // The chosen row stays in view as ↑/↓ move through a long list.
        ref={selected ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
        className={selected ? 'selected' : undefined}
        aria-selected={selected}
        onClick={onSelect}
        data-testid="day-row"
        data-state={state}
      >
        <td>
          {a.name}
          {a.walkIn && <span className="muted small"> · {t('day.walkIn')}</span>}
        </td>
        <td className="mono">{a.iin}</td>
        <td className="mono">{displayPhone(a.phone)}</td>
        <td><span className={`badge day-${state}`}>{t(`day.state.${state}`)}</span></td>
        <td className="mono">{showTime(a.checkedInAt, shiftDate)}</td>
        <td className="mono">{showTime(a.checkedOutAt, shiftDate)}</td>
        <td className="num">{hours === null ? '' : formatHours(hours, lang)}</td>
        <td className="actions">
          {move && (
            <button type="button" className={selected ? 'primary' : undefined} disabled={busy} onClick={onToggle}>
              {t(`day.do.${move}`)}
            </button>
          )}
          {(a.checkedInAt || state === 'missing') && (
            <button type="button" className="link" onClick={onFix} aria-expanded={fixing}>{t('day.fixTime')}</button>
          )}
        </td>
      </tr>
      {fixing && (
        <tr className="day-fix">
          <td colSpan={8}>{fix}</td>
        </tr>
      )}
    </>
  );
}

interface WalkInsProps {
  typed: string;
  rows: VolunteerRow[];
  selected: number;
  pending: VolunteerRow | null;
  loading: boolean;
  busy: boolean;
  onPick(v: VolunteerRow): void;
  onConfirm(v: VolunteerRow): void;
  onCancel(): void;
}

/** Nobody on the shift matches: the roster's matches, to add as a walk-in and check in at once. */
function WalkIns({ typed, rows, selected, pending, loading, busy, onPick, onConfirm, onCancel }: WalkInsProps) {
  const { t } = useTranslation();
  return (
    <section className="walk-ins" aria-labelledby="walk-in-title" data-testid="walk-ins">
      <h2 id="walk-in-title">{t('day.walkInTitle', { text: typed })}</h2>
      {pending && (
        <p className="confirm" role="alert" data-testid="walk-in-confirm">
          {t('day.walkInQuestion', { name: fullName(pending) })}
          <button type="button" className="primary" disabled={busy} onClick={() => onConfirm(pending)}>{t('day.walkInYes')}</button>
          <button type="button" onClick={onCancel}>{t('common.no')}</button>
        </p>
      )}
      <ul className="pick-list">
        {rows.map((v, i) => (
          <li key={v.id} className={i === selected ? 'selected' : undefined} aria-selected={i === selected} data-testid="walk-in-row">
            <button type="button" className="link" onClick={() => onPick(v)}>{fullName(v)}</button>
            <span className="muted mono">{formatDate(v.birthDate)}</span>
            <span className="muted mono">{v.iin}</span>
            <span className="muted mono">{displayPhone(v.phone)}</span>
          </li>
        ))}
      </ul>
      {!loading && rows.length === 0 && <p className="muted">{t('day.walkInNone')}</p>}
    </section>
  );
}
