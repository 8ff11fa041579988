import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow, TransferRow } from '../../../shared/contract/logistics';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session';
import { InlineError } from './InlineError';
import { toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { useKeptHere } from './kept-here';
import { countIn, itemName } from './names';

/**
 * Stock other offices sent here, to receive: into one of this office's items of the same kind
 * (reusable or consumable, which the core insists on) or as a new item like the sender's.
 */
export function IncomingTransfers({ incoming, onReceived }: { incoming: TransferRow[]; onReceived(): void }) {
  const { t } = useTranslation();
  // Every office's items: the sender's item tells the kind; this office's are where it may go.
  const items = useLoad(() => call('inventory.list', { office: 'all' }), [incoming.length]);
  if (incoming.length === 0) return null;
  return (
    <section aria-labelledby="incoming-title" data-testid="incoming-transfers">
      <h2 id="incoming-title">{t('logistics.transfers.incoming')}</h2>
      <ul className="plain-list">
        {incoming.map((tr) => <Incoming key={tr.id} transfer={tr} items={items.data ?? []} onReceived={onReceived} />)}
      </ul>
    </section>
  );
}

function Incoming({ transfer: tr, items, onReceived }: { transfer: TransferRow; items: StockRow[]; onReceived(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const keptHere = useKeptHere();
  const action = useAction();
  const [into, setInto] = useState('');
  const kind = items.find((i) => i.id === tr.itemId)?.kind;
  const targets = items.filter((i) => i.id !== tr.itemId && keptHere(i.office) && (kind === undefined || i.kind === kind));
  const receive = async () => {
    if ((await action.run(() => call('inventory.receiveTransfer', into ? { id: tr.id, intoItemId: into } : { id: tr.id }))) !== undefined) {
      toastOk('logistics.transfers.received');
      onReceived();
    }
  };
  const selectId = `transfer-into-${tr.id}`;
  return (
    <li data-testid="incoming-transfer">
      {t('logistics.transfers.line', { item: itemName(tr.name, lang), quantity: countIn(t, tr.quantity, tr.unit), office: tr.from ? regionName(tr.from, lang) : '' })}
      {may('inventory.receiveTransfer') && (
        <span className="inline-form">
          <label htmlFor={selectId}>{t('logistics.transfers.into')}</label>
          <select id={selectId} value={into} onChange={(e) => setInto(e.target.value)} data-testid="transfer-into">
            <option value="">{t('logistics.transfers.newItem')}</option>
            {targets.map((i) => <option key={i.id} value={i.id}>{itemName(i.name, lang)}{i.inventoryNumber ? ` · ${i.inventoryNumber}` : ''}</option>)}
          </select>
          <button type="button" disabled={action.busy} onClick={() => void receive()} data-testid="transfer-receive">{t('logistics.transfers.receive')}</button>
        </span>
      )}
      <InlineError error={action.error} />
    </li>
  );
}
