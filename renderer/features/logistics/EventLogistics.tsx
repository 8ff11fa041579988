import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventLogistics as Logistics, ItemLine, StockRow, TripClash, TripRow } from '../../../shared/contract/logistics';
import { CallError } from '../../../shared/contract/errors';
import { wallClockSpan } from '../../../shared/domain/date-text';
import { clashText } from '../../../shared/domain/logistics-text';
import type { VolunteerRow } from '../../../shared/contract/volunteers';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session';
import { hrefFor } from '../../app/router';
import { ActionsHeader } from '../../ui/ActionsHeader';
import { formatDateTime, parseLocalDateTime } from '../../ui/format';
import { InlineError } from './InlineError';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { VolunteerPicker } from '../../ui/VolunteerPicker';
import { Handouts, type Person } from './Handouts';
import { countIn, itemName, parseCount } from './names';

type Act = (work: () => Promise<unknown>, done?: string) => Promise<boolean>;

/**
 * The Logistics section of an event's screen: per item requested / allocated / issued /
 * returned / used, what is free and the shortage (in red, before the day), allocating what is
 * free; who holds what, handing out and taking back; the trips with vehicle, driver and
 * passengers; the checklist; printing the roster. Plans (requests, trips, seats, checklist) are
 * the event's office's, so another office's event shows them read-only; handing out and taking
 * back is for the office that keeps the item (this office's stock list says which).
 */
export function EventLogistics({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const loaded = useLoad(() => Promise.all([call('logistics.event', { id: eventId }), call('events.get', { id: eventId })]), [eventId]);
  // This office's stock: what may be requested here, and which items this office hands out.
  const stock = useLoad(() => call('inventory.list', {}), []);
  const action = useAction();
  const reload = () => {
    loaded.reload();
    stock.reload();
  };
  const act: Act = async (work, done) => {
    if ((await action.run(work)) === undefined) return false;
    if (done) toastOk(done);
    reload();
    return true;
  };
  if (!loaded.data) return null;
  const [logistics, event] = loaded.data;
  const open = event.status !== 'cancelled' && event.status !== 'closed';
  const plan = open && event.mayChange;
  const heldHere = new Set((stock.data ?? []).map((r) => r.id));
  const people: Person[] = event.shifts.flatMap((s) => s.assignments.filter((a) => a.status === 'invited' || a.status === 'confirmed'))
    .filter((a, i, all) => all.findIndex((b) => b.volunteerId === a.volunteerId) === i);
  const print = async () => {
    const file = await action.run(() => call('logistics.roster', { id: eventId, lang }));
    if (file) await saveFile(file, { open: true });
  };
  return (
    <section className="logistics" aria-labelledby="logistics-title" data-testid="event-logistics">
      <div className="section-head">
        <h2 id="logistics-title">{t('logistics.title')}</h2>
        <span className="spacer" />
        <button type="button" disabled={action.busy} onClick={() => void print()} data-testid="print-roster">{t('logistics.printRoster')}</button>
      </div>
      <InlineError error={action.error} />
      <ItemsTable lines={logistics.lines} eventId={eventId} open={open} act={act} busy={action.busy} />
      {plan && may('logistics.request') && <RequestForm eventId={eventId} items={stock.data ?? []} act={act} busy={action.busy} />}
      <Handouts logistics={logistics} people={people} heldHere={heldHere} issuing={open} onChanged={reload} />
      <Trips logistics={logistics} eventId={eventId} plan={plan} people={people} act={act} busy={action.busy} />
      {/* A closed event's checklist may still be ticked (equipment back, report written); a cancelled one's stays as it was. */}
      <Checklist logistics={logistics} eventId={eventId} plan={event.mayChange && event.status !== 'cancelled'} act={act} busy={action.busy} />
    </section>
  );
}

function ItemsTable({ lines, eventId, open, act, busy }: { lines: ItemLine[]; eventId: string; open: boolean; act: Act; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  if (lines.length === 0) return <p className="muted">{t('logistics.noItems')}</p>;
  return (
    <table className="plain-table" data-testid="logistics-lines">
      <thead>
        <tr>
          <th>{t('logistics.item')}</th>
          <th className="num">{t('logistics.requested')}</th>
          <th className="num">{t('logistics.allocated')}</th>
          <th className="num">{t('logistics.issued')}</th>
          <th className="num">{t('logistics.returned')}</th>
          <th className="num">{t('logistics.used')}</th>
          <th className="num">{t('logistics.free')}</th>
          <th className="num">{t('logistics.shortage')}</th>
          <ActionsHeader />
        </tr>
      </thead>
      <tbody>
        {lines.map((l) => {
          // What to offer: the rest of the request, as far as it is free.
          const offer = Math.min(l.free, Math.max(0, l.requested - l.allocated) || l.free);
          return (
            <tr key={l.itemId} className={l.shortage > 0 ? 'short' : undefined} data-testid="logistics-line">
              <td>{itemName(l.name, lang)}</td>
              <td className="num">{countIn(t, l.requested, l.unit)}</td>
              <td className="num">{countIn(t, l.allocated, l.unit)}</td>
              <td className="num">{countIn(t, l.issued, l.unit)}</td>
              <td className="num">{countIn(t, l.returned, l.unit)}</td>
              <td className="num">{countIn(t, l.used, l.unit)}</td>
              <td className="num">{countIn(t, l.free, l.unit)}</td>
              <td className={`num${l.shortage > 0 ? ' gap' : ''}`} data-testid="logistics-shortage">{l.shortage > 0 ? countIn(t, l.shortage, l.unit) : '—'}</td>
              <td className="actions">
                {open && may('logistics.allocate') && offer > 0 && (
                  <button type="button" disabled={busy} onClick={() => void act(() => call('logistics.allocate', { eventId, itemId: l.itemId, quantity: offer }), 'logistics.allocatedDone')} data-testid="allocate-free">
                    {t('logistics.allocateFree', { count: offer })}
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function RequestForm({ eventId, items, act, busy }: { eventId: string; items: StockRow[]; act: Act; busy: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('');
  return (
    <form className="inline-form" aria-label={t('logistics.request')} data-testid="request-form"
      onSubmit={(e) => { e.preventDefault(); if (itemId) void act(() => call('logistics.request', { eventId, itemId, quantity: parseCount(quantity) }), 'logistics.requestedDone'); }}>
      <select aria-label={t('logistics.item')} value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="request-item">
        <option value="">{t('common.choose')}</option>
        {items.map((r) => <option key={r.id} value={r.id}>{itemName(r.name, lang)}</option>)}
      </select>
      <input className="short" aria-label={t('logisticsField.quantity')} placeholder={t('logisticsField.quantity')} inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="request-quantity" />
      <button type="submit" disabled={busy || !itemId} data-testid="request-submit">{t('logistics.request')}</button>
    </form>
  );
}

/**
 * Another live trip with this trip's vehicle or driver at the same time: booked offline at
 * another office or workstation, it arrived with an exchange. Both stay until a person moves one.
 */
function Clash({ trip, clash }: { trip: TripRow; clash: TripClash }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <p className="notice" role="alert" data-testid="trip-clash">
      {clashText(trip, clash, lang)}{' '}
      <a href={hrefFor({ name: 'event', id: clash.eventId })}>{t('logistics.trips.openClash')}</a>
    </p>
  );
}

function Trips({ logistics, eventId, plan, people, act, busy }: {
  logistics: Logistics; eventId: string; plan: boolean; people: Person[]; act: Act; busy: boolean;
}) {
  const { t } = useTranslation();
  const may = useMayCall();
  const seated = new Set(logistics.trips.flatMap((tr) => tr.passengers.map((p) => p.volunteerId)));
  return (
    <div className="trips" data-testid="trips">
      <h3>{t('logistics.trips.title')}</h3>
      {logistics.trips.length === 0 && <p className="muted">{t('logistics.trips.empty')}</p>}
      {logistics.trips.map((tr) => {
        const free = people.filter((p) => !seated.has(p.volunteerId) && p.volunteerId !== tr.driverId);
        return (
          <div key={tr.id} className="trip" data-testid="trip">
            <strong>{wallClockSpan(tr.departAt, tr.returnAt)}</strong> {tr.departPlace} → {tr.destination} · {tr.plate} {tr.model} · {t('logisticsField.driverId')}: {tr.driver}
            <span className="muted"> · {t('logistics.trips.seats', { taken: tr.passengers.length, seats: tr.seats })}</span>
            {tr.passengers.length > tr.seats && <p className="notice" role="alert" data-testid="trip-overbooked">{t('logistics.trips.overbooked', { taken: tr.passengers.length, seats: tr.seats })}</p>}
            {tr.clashes.map((c) => <Clash key={`${c.with}:${c.tripId}`} trip={tr} clash={c} />)}
            {tr.passengers.length > 0 && (
              <ul className="passengers" aria-label={t('logistics.trips.passengers')} data-testid="trip-passengers">
                {tr.passengers.map((p) => (
                  <li key={p.volunteerId} data-testid="trip-passenger">
                    {p.name}
                    {plan && may('trips.passengers.remove') && (
                      <button type="button" className="link" disabled={busy} aria-label={t('logistics.trips.removeNamed', { name: p.name })} data-testid="trip-passenger-remove"
                        onClick={() => void act(() => call('trips.passengers.remove', { tripId: tr.id, volunteerId: p.volunteerId }), 'logistics.trips.removed')}>
                        {t('logistics.trips.remove')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            )}
            {plan && may('trips.passengers.add') && free.length > 0 && tr.passengers.length < tr.seats && (
              <button type="button" className="link" disabled={busy} data-testid="trip-seat-all"
                onClick={() => void act(() => call('trips.passengers.add', { tripId: tr.id, volunteerIds: free.slice(0, tr.seats - tr.passengers.length).map((p) => p.volunteerId) }), 'logistics.trips.seated')}>
                {t('logistics.trips.seatPeople', { count: Math.min(free.length, tr.seats - tr.passengers.length) })}
              </button>
            )}
          </div>
        );
      })}
      {plan && may('trips.add') && <TripForm eventId={eventId} act={act} busy={busy} />}
    </div>
  );
}

function TripForm({ eventId, act, busy }: { eventId: string; act: Act; busy: boolean }) {
  const { t } = useTranslation();
  const vehicles = useLoad(() => call('vehicles.list', {}), []);
  const [vehicleId, setVehicleId] = useState('');
  const [driver, setDriver] = useState<VolunteerRow | null>(null);
  const [departAt, setDepartAt] = useState('');
  const [returnAt, setReturnAt] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const submit = async () => {
    const times = { departAt: parseLocalDateTime(departAt), returnAt: parseLocalDateTime(returnAt) };
    const add = () => {
      // A time not typed as dd.mm.yyyy hh:mm is named so here: the contract's message would show its wire form.
      const untyped = (['departAt', 'returnAt'] as const).filter((f) => times[f] === null);
      if (untyped.length > 0) throw new CallError({ code: 'validation', key: 'error.validation', fields: untyped.map((path) => ({ path, key: 'error.dateTime' })) });
      return call('trips.add', { eventId, vehicleId, driverId: driver?.id ?? '', departAt: times.departAt!, returnAt: times.returnAt!, departPlace: from, destination: to });
    };
    if (!(await act(add, 'logistics.trips.added'))) return;
    // Saved: the form is empty for the next trip (a refusal keeps what was typed, to correct it).
    setVehicleId('');
    setDriver(null);
    setDepartAt('');
    setReturnAt('');
    setFrom('');
    setTo('');
  };
  return (
    <form className="trip-form" aria-label={t('logistics.trips.add')} data-testid="trip-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <div className="inline-form">
        <select aria-label={t('logisticsField.vehicleId')} value={vehicleId} onChange={(e) => setVehicleId(e.target.value)} data-testid="trip-vehicle">
          <option value="">{t('logisticsField.vehicleId')}: {t('common.choose')}</option>
          {(vehicles.data ?? []).map((v) => <option key={v.id} value={v.id}>{v.plate} {v.model} ({v.category}, {v.seats})</option>)}
        </select>
        {/* Typed as Kazakhstan writes it, the same on every machine whatever its locale (as a shift's times). */}
        <label>{t('logisticsField.departAt')} <input className="date-time" placeholder={t('form.dateTimeHint')} maxLength={16} value={departAt} onChange={(e) => setDepartAt(e.target.value)} data-testid="trip-depart-at" /></label>
        <label>{t('logisticsField.returnAt')} <input className="date-time" placeholder={t('form.dateTimeHint')} maxLength={16} value={returnAt} onChange={(e) => setReturnAt(e.target.value)} data-testid="trip-return-at" /></label>
      </div>
      <div className="inline-form">
        <input aria-label={t('logisticsField.departPlace')} placeholder={t('logisticsField.departPlace')} value={from} onChange={(e) => setFrom(e.target.value)} data-testid="trip-from" />
        <input aria-label={t('logisticsField.destination')} placeholder={t('logisticsField.destination')} value={to} onChange={(e) => setTo(e.target.value)} data-testid="trip-to" />
      </div>
      <div className="inline-form">
        <span>{t('logisticsField.driverId')}:</span>
        <VolunteerPicker id="trip-driver" label={t('logisticsField.driverId')} chosen={driver} onChoose={setDriver} />
        <button type="submit" disabled={busy || !vehicleId || !driver} data-testid="trip-submit">{t('logistics.trips.add')}</button>
      </div>
    </form>
  );
}

function Checklist({ logistics, eventId, plan, act, busy }: { logistics: Logistics; eventId: string; plan: boolean; act: Act; busy: boolean }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [text, setText] = useState('');
  return (
    <div className="checklist" data-testid="checklist">
      <div className="section-head">
        <h3>{t('logistics.checklist.title')}</h3>
        <span className="spacer" />
        {plan && may('checklists.fromTemplate') && (
          <button type="button" disabled={busy} onClick={() => void act(() => call('checklists.fromTemplate', { eventId }))} data-testid="checklist-template">
            {t('logistics.checklist.fromTemplate')}
          </button>
        )}
      </div>
      <ul className="plain-list">
        {logistics.checklist.map((l) => (
          <li key={l.id}>
            <label className="checkbox">
              <input type="checkbox" checked={l.doneAt !== null} disabled={busy || !plan || !may('checklists.tick')} onChange={(e) => void act(() => call('checklists.tick', { id: l.id, done: e.target.checked }))} data-testid="checklist-tick" />
              {l.templateKey ? t(`logistics.template.${l.templateKey}`) : l.text}
            </label>
            {l.doneAt && <span className="muted"> · {l.doneBy} · {formatDateTime(l.doneAt)}</span>}
          </li>
        ))}
      </ul>
      {plan && may('checklists.add') && (
        <form className="inline-form" onSubmit={(e) => { e.preventDefault(); if (text.trim()) void act(() => call('checklists.add', { eventId, text })).then((saved) => saved && setText('')); }}>
          <input aria-label={t('logistics.checklist.add')} placeholder={t('logistics.checklist.add')} value={text} onChange={(e) => setText(e.target.value)} />
          <button type="submit" disabled={busy}>{t('logistics.checklist.addButton')}</button>
        </form>
      )}
    </div>
  );
}
