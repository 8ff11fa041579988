import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StockRow } from '../../../shared/contract/logistics';
import { OFFICE_CODES, regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session';
import { Field, Select, TextInput } from '../../ui/Field';
import { callFieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';
import { FormDialog } from './FormDialog';
import { countIn, itemName, parseCount, unitLabel } from './names';

type Move = 'receive' | 'writeOff' | 'transfer';
const MOVES: readonly Move[] = ['receive', 'writeOff', 'transfer'];
const CALL = { receive: 'inventory.receive', writeOff: 'inventory.writeOff', transfer: 'inventory.transfer' } as const;

/** An item's stock actions (shown only for items this office keeps): each opens its small form. */
export function StockActions({ row, onDone }: { row: StockRow; onDone(): void }) {
  const { t } = useTranslation();
  const may = useMayCall();
  const [open, setOpen] = useState<Move | null>(null);
  return (
    <>
      {MOVES.filter((m) => may(CALL[m])).map((m) => (
        <button key={m} type="button" onClick={() => setOpen(m)} data-testid={`stock-${m}`}>{t(`logistics.stock.${m}`)}</button>
      ))}
      {open && <StockDialog move={open} row={row} onClose={() => setOpen(null)} onDone={() => { setOpen(null); onDone(); }} />}
    </>
  );
}

function StockDialog({ move, row, onClose, onDone }: { move: Move; row: StockRow; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const action = useAction();
  const [quantity, setQuantity] = useState('');
  const [reason, setReason] = useState('');
  const offices = OFFICE_CODES.filter((c) => c !== row.office).map((c) => ({ value: c, label: regionName(c, lang) }));
  const [toOffice, setToOffice] = useState('');
  const problems = callFieldErrors(action.error);
  const unit = row.unit === 'pcs' ? '' : unitLabel(t, row.unit);
  const submit = async () => {
    const base = { itemId: row.id, quantity: parseCount(quantity), reason };
    const done = await action.run(() =>
      move === 'transfer' ? call('inventory.transfer', { ...base, toOffice: toOffice as (typeof OFFICE_CODES)[number] }) : call(CALL[move], base),
    );
    if (done !== undefined) {
      toastOk(`logistics.stock.${move}Done`);
      onDone();
    }
  };
  const name = itemName(row.name, lang);
  return (
    <FormDialog id={`stock-${move}-dialog`} title={`${t(`logistics.stock.${move}Title`)}: ${name}`} subtitle={t('logistics.stock.onShelf', { count: countIn(t, row.onHand - row.out, row.unit) })}
      submitLabel={t(`logistics.stock.${move}`)} busy={action.busy} error={action.error} onSubmit={() => void submit()} onClose={onClose}>
      <Field id="stock-quantity" label={unit ? `${t('logisticsField.quantity')} (${unit})` : t('logisticsField.quantity')} problem={problems.quantity}>
        <TextInput id="stock-quantity" inputMode="numeric" value={quantity} onChange={setQuantity} invalid={!!problems.quantity} autoFocus />
      </Field>
      {move === 'transfer' && (
        <Field id="stock-to-office" label={t('logisticsField.toOffice')} problem={problems.toOffice}>
          <Select id="stock-to-office" value={toOffice} options={offices} onChange={setToOffice} empty={t('common.choose')} invalid={!!problems.toOffice} />
        </Field>
      )}
      <Field id="stock-reason" label={move === 'writeOff' ? t('logistics.stock.reasonRequired') : t('logisticsField.reason')} problem={problems.reason} wide>
        <TextInput id="stock-reason" value={reason} onChange={setReason} invalid={!!problems.reason} maxLength={300} />
      </Field>
    </FormDialog>
  );
}
