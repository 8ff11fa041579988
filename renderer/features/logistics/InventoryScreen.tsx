import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_KINDS, VEHICLE_OWNERS, type ItemKind } from '../../../shared/domain/logistics';
import { regionName } from '../../../shared/domain/regions';
import { isoDate } from '../../../shared/domain/text';
import { todayInKazakhstan } from '../../../shared/domain/trainings';
import { DRIVING_CATEGORIES } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ActionsHeader } from '../../ui/ActionsHeader';
import { formatDate, parseDate } from '../../ui/format';
import { InlineError } from './InlineError';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { IncomingTransfers } from './IncomingTransfers';
import { useKeptHere } from './kept-here';
import { UNITS, countIn, itemName, parseCount, unitLabel } from './names';
import { StockActions } from './StockActions';

/**
 * The office's inventory (`#/logistics`, from the events list): on hand, out, allocated and free
 * per item on a chosen day (a negative free count is a shortage, in red), items below their
 * minimum marked; receiving, writing off and sending stock to another office (items this office
 * keeps); adding items and vehicles; transfers from other offices to receive.
 */
export function InventoryScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const keptHere = useKeptHere();
  const [on, setOn] = useState(todayInKazakhstan());
  // The day is typed as dd.mm.yyyy, whatever the machine's locale; the list follows once it is a real day.
  const [onText, setOnText] = useState(() => formatDate(todayInKazakhstan()));
  const typeOn = (text: string) => {
    setOnText(text);
    const iso = parseDate(text);
    if (iso && isoDate.safeParse(iso).success) setOn(iso);
  };
  // This office's stock, or every office's (other offices' shown without stock actions: theirs to count).
  const [every, setEvery] = useState(false);
  const stock = useLoad(() => call('inventory.list', every ? { on, office: 'all' } : { on }), [on, every]);
  const vehicles = useLoad(() => call('vehicles.list', {}), []);
  const transfers = useLoad(() => call('inventory.transfers', {}), []);
  return (
    <div className="screen logistics-screen" data-testid="inventory-screen">
      <div className="screen-head">
        <a href={hrefFor({ name: 'events' })} className="back">← {t('events.back')}</a>
        <h1>{t('logistics.inventory.title')}</h1>
        <span className="spacer" />
        <label className="inline-form">
          {t('logistics.inventory.on')}
          <input className="date-filter" placeholder={t('form.dateHint')} maxLength={10} inputMode="numeric" value={onText} onChange={(e) => typeOn(e.target.value)} onBlur={() => setOnText(formatDate(on))}
            data-testid="inventory-on" />
        </label>
        <label className="inline-form">
          {t('logisticsField.office')}
          <select value={every ? 'all' : 'here'} onChange={(e) => setEvery(e.target.value === 'all')} data-testid="inventory-office">
            <option value="here">{t('logistics.inventory.thisOffice')}</option>
            <option value="all">{t('logistics.inventory.allOffices')}</option>
          </select>
        </label>
      </div>
      <table className="plain-table" data-testid="inventory-table">
        <thead>
          <tr>
            <th>{t('logistics.item')}</th>
            <th>{t('logisticsField.kind')}</th>
            <th className="num">{t('logistics.onHand')}</th>
            <th className="num">{t('logistics.out')}</th>
            <th className="num">{t('logistics.allocated')}</th>
            <th className="num">{t('logistics.free')}</th>
            <th>{t('logisticsField.storagePlace')}</th>
            {every && <th>{t('logisticsField.office')}</th>}
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {(stock.data ?? []).map((r) => (
            <tr key={r.id} data-testid="inventory-row">
              <td>
                {itemName(r.name, lang)}
                {r.inventoryNumber && <span className="muted"> · {r.inventoryNumber}</span>}
                {r.belowMinimum && <span className="gap"> · {t('logistics.belowMinimum', { min: r.minLevel })}</span>}
              </td>
              <td>{t(`vocab.itemKind.${r.kind}`)}</td>
              <td className="num">{countIn(t, r.onHand, r.unit)}</td>
              <td className="num">{r.kind === 'reusable' ? countIn(t, r.out, r.unit) : '—'}</td>
              <td className="num">{countIn(t, r.allocated, r.unit)}</td>
              <td className={`num${r.free < 0 ? ' gap' : ''}`} data-testid="inventory-free">{countIn(t, r.free, r.unit)}</td>
              <td>{r.storagePlace}</td>
              {every && <td>{r.office ? regionName(r.office, lang) : ''}</td>}
              <td className="actions">{keptHere(r.office) && <StockActions row={r} onDone={stock.reload} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {stock.data?.length === 0 && <p className="empty">{t('logistics.inventory.empty')}</p>}
      {may('inventory.add') && <AddItem onAdded={stock.reload} />}

      <IncomingTransfers incoming={transfers.data?.incoming ?? []} onReceived={() => { transfers.reload(); stock.reload(); }} />

      <section data-testid="vehicles">
        <h2>{t('logistics.vehicles.title')}</h2>
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('logisticsField.plate')}</th>
              <th>{t('logisticsField.model')}</th>
              <th className="num">{t('logisticsField.seats')}</th>
              <th>{t('logisticsField.category')}</th>
              <th>{t('logisticsField.owner')}</th>
            </tr>
          </thead>
          <tbody>
            {(vehicles.data ?? []).map((v) => (
              <tr key={v.id} data-testid="vehicle-row">
                <td>{v.plate}</td>
                <td>{v.model}</td>
                <td className="num">{v.seats}</td>
                <td>{v.category}</td>
                <td>{v.organisation ?? t(`vocab.vehicleOwner.${v.owner}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {may('vehicles.add') && <AddVehicle onAdded={vehicles.reload} />}
      </section>
    </div>
  );
}

function AddItem({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [ru, setRu] = useState('');
  const [kk, setKk] = useState('');
  const [kind, setKind] = useState<ItemKind>('reusable');
  const [unit, setUnit] = useState('pcs');
  const [quantity, setQuantity] = useState('');
  const [storage, setStorage] = useState('');
  const add = async () => {
    const done = await action.run(() => call('inventory.add', { name: { ru, kk }, kind, unit, quantity: quantity.trim() === '' ? 0 : parseCount(quantity), storagePlace: storage }));
    if (done !== undefined) {
      toastOk('logistics.inventory.added');
      setRu('');
      setKk('');
      setQuantity('');
      onAdded();
    }
  };
  return (
    <form className="inline-form add-item" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label={t('logistics.inventory.add')} data-testid="item-add">
      <input aria-label={t('logisticsField.nameRu')} placeholder={t('logisticsField.nameRu')} value={ru} onChange={(e) => setRu(e.target.value)} data-testid="item-name-ru" />
      <input aria-label={t('logisticsField.nameKk')} placeholder={t('logisticsField.nameKk')} value={kk} onChange={(e) => setKk(e.target.value)} data-testid="item-name-kk" />
      <select aria-label={t('logisticsField.kind')} value={kind} onChange={(e) => setKind(e.target.value as ItemKind)} data-testid="item-kind">
        {ITEM_KINDS.map((k) => <option key={k} value={k}>{t(`vocab.itemKind.${k}`)}</option>)}
      </select>
      <input className="short" aria-label={t('logisticsField.quantity')} placeholder={t('logisticsField.quantity')} inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="item-quantity" />
      <select aria-label={t('logisticsField.unit')} value={unit} onChange={(e) => setUnit(e.target.value)} data-testid="item-unit">
        {UNITS.map((u) => <option key={u} value={u}>{unitLabel(t, u)}</option>)}
      </select>
      <input aria-label={t('logisticsField.storagePlace')} placeholder={t('logisticsField.storagePlace')} value={storage} onChange={(e) => setStorage(e.target.value)} />
      <button type="submit" disabled={action.busy} data-testid="item-add-submit">{t('logistics.inventory.add')}</button>
      <InlineError error={action.error} />
    </form>
  );
}

function AddVehicle({ onAdded }: { onAdded(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [plate, setPlate] = useState('');
  const [model, setModel] = useState('');
  const [seats, setSeats] = useState('');
  const [category, setCategory] = useState<(typeof DRIVING_CATEGORIES)[number]>('B');
  const [owner, setOwner] = useState<(typeof VEHICLE_OWNERS)[number]>('office');
  const [organisationId, setOrganisationId] = useState('');
  // The partners to choose from, loaded only once a partner's vehicle is being added.
  const organisations = useLoad(async () => (owner === 'partner' ? call('organisations.list', { text: '' }) : []), [owner]);
  const add = async () => {
    const input = { plate, model, seats: parseCount(seats), category, owner, organisationId: owner === 'partner' && organisationId ? organisationId : null };
    const done = await action.run(() => call('vehicles.add', input));
    if (done !== undefined) {
      toastOk('logistics.vehicles.added');
      setPlate('');
      setModel('');
      setSeats('');
      onAdded();
    }
  };
  return (
    <form className="inline-form" onSubmit={(e) => { e.preventDefault(); void add(); }} aria-label={t('logistics.vehicles.add')} data-testid="vehicle-add">
      <input aria-label={t('logisticsField.plate')} placeholder={t('logisticsField.plate')} value={plate} onChange={(e) => setPlate(e.target.value)} data-testid="vehicle-plate" />
      <input aria-label={t('logisticsField.model')} placeholder={t('logisticsField.model')} value={model} onChange={(e) => setModel(e.target.value)} />
      <input className="short" aria-label={t('logisticsField.seats')} placeholder={t('logisticsField.seats')} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)} data-testid="vehicle-seats" />
      <select aria-label={t('logisticsField.category')} value={category} onChange={(e) => setCategory(e.target.value as typeof category)} data-testid="vehicle-category">
        {DRIVING_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
      </select>
      <select aria-label={t('logisticsField.owner')} value={owner} onChange={(e) => setOwner(e.target.value as typeof owner)} data-testid="vehicle-owner">
        {VEHICLE_OWNERS.map((o) => <option key={o} value={o}>{t(`vocab.vehicleOwner.${o}`)}</option>)}
      </select>
      {owner === 'partner' && (
        <select aria-label={t('logisticsField.organisationId')} value={organisationId} onChange={(e) => setOrganisationId(e.target.value)} data-testid="vehicle-organisation">
          <option value="">{t('common.choose')}</option>
          {(organisations.data ?? []).map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        </select>
      )}
      <button type="submit" disabled={action.busy} data-testid="vehicle-add-submit">{t('logistics.vehicles.add')}</button>
      <InlineError error={action.error} />
    </form>
  );
}
