import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventLogistics, HeldRow, ItemLine } from '../../../shared/contract/logistics';
import { RETURN_CONDITIONS, type ReturnCondition } from '../../../shared/domain/logistics';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session';
import { ActionsHeader } from '../../ui/ActionsHeader';
import { InlineError } from './InlineError';
import { Field, Select, TextArea, TextInput } from '../../ui/Field';
import { displayPhone } from '../../ui/format';
import { callFieldErrors } from '../../ui/problems';
import { toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';
import { FormDialog } from './FormDialog';
import { countIn, itemName, parseCount } from './names';

export interface Person { volunteerId: string; name: string }

/**
 * Who holds what of the event's equipment, and handing it out and taking it back. Only the office
 * that keeps an item counts it out and in (`heldHere`); issuing stays within what the event was
 * allocated and what is on the shelf, returning within what the person holds (the core refuses
 * beyond, and its message is shown).
 */
export function Handouts({ logistics, people, heldHere, issuing, onChanged }: {
  logistics: EventLogistics;
  people: Person[];
  heldHere: ReadonlySet<string>;
  /** Whether things may still be handed out (the event is not cancelled or closed). */
  issuing: boolean;
  onChanged(): void;
}) {
  const { t } = useTranslation();
  const may = useMayCall();
  const lines = new Map(logistics.lines.map((l) => [l.itemId, l]));
  const issuable = logistics.lines.filter((l) => l.allocated > 0 && heldHere.has(l.itemId));
  return (
    <div className="handouts" data-testid="handouts">
      <h3>{t('logistics.handouts.title')}</h3>
      {logistics.held.length === 0 ? <p className="muted">{t('logistics.handouts.none')}</p> : (
        <HeldTable eventId={logistics.eventId} held={logistics.held} lines={lines} heldHere={heldHere} onReturned={onChanged} />
      )}
      {issuing && may('logistics.issue') && issuable.length > 0 && people.length > 0 && <IssueForm lines={issuable} people={people} eventId={logistics.eventId} onIssued={onChanged} />}
    </div>
  );
}

function HeldTable({ eventId, held, lines, heldHere, onReturned }: { eventId: string; held: HeldRow[]; lines: Map<string, ItemLine>; heldHere: ReadonlySet<string>; onReturned(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const [returning, setReturning] = useState<HeldRow | null>(null);
  return (
    <>
      <table className="plain-table" data-testid="held-table">
        <thead>
          <tr>
            <th>{t('logisticsField.volunteerId')}</th>
            <th>{t('logistics.handouts.phone')}</th>
            <th>{t('logistics.item')}</th>
            <th className="num">{t('logistics.handouts.holds')}</th>
            <ActionsHeader />
          </tr>
        </thead>
        <tbody>
          {held.map((h) => {
            const line = lines.get(h.itemId);
            return (
              <tr key={`${h.volunteerId}-${h.itemId}`} data-testid="held-row">
                <td>{h.name}</td>
                <td>{h.phone ? displayPhone(h.phone) : ''}</td>
                <td>{line ? itemName(line.name, lang) : ''}</td>
                <td className="num">{countIn(t, h.out, line?.unit ?? 'pcs')}</td>
                <td className="actions">
                  {may('logistics.return') && heldHere.has(h.itemId) && (
                    <button type="button" onClick={() => setReturning(h)} data-testid="held-return">{t('logistics.handouts.return')}</button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {returning && (
        <ReturnDialog eventId={eventId} held={returning} unit={lines.get(returning.itemId)?.unit ?? 'pcs'} item={itemName(lines.get(returning.itemId)?.name ?? { kk: '', ru: '' }, lang)}
          onClose={() => setReturning(null)} onDone={() => { setReturning(null); onReturned(); }} />
      )}
    </>
  );
}

function ReturnDialog({ eventId, held, unit, item, onClose, onDone }: { eventId: string; held: HeldRow; unit: string; item: string; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const action = useAction();
  const [quantity, setQuantity] = useState(String(held.out));
  const [condition, setCondition] = useState<ReturnCondition>('ok');
  const [note, setNote] = useState('');
  const problems = callFieldErrors(action.error);
  const conditions = RETURN_CONDITIONS.map((c) => ({ value: c, label: t(`vocab.returnCondition.${c}`) }));
  const submit = async () => {
    const done = await action.run(() => call('logistics.return', { eventId, itemId: held.itemId, volunteerId: held.volunteerId, quantity: parseCount(quantity), condition, note }));
    if (done !== undefined) {
      toastOk('logistics.handouts.returned');
      onDone();
    }
  };
  return (
    <FormDialog id="return-dialog" title={t('logistics.handouts.returnTitle', { name: held.name })} subtitle={t('logistics.handouts.holdsNow', { item, count: countIn(t, held.out, unit) })}
      submitLabel={t('logistics.handouts.return')} busy={action.busy} error={action.error} onSubmit={() => void submit()} onClose={onClose}>
      <Field id="return-quantity" label={t('logisticsField.quantity')} problem={problems.quantity}>
        <TextInput id="return-quantity" inputMode="numeric" value={quantity} onChange={setQuantity} invalid={!!problems.quantity} autoFocus />
      </Field>
      <Field id="return-condition" label={t('logisticsField.condition')}>
        <Select id="return-condition" value={condition} options={conditions} onChange={(v) => setCondition(v as ReturnCondition)} />
      </Field>
      <Field id="return-note" label={t('logisticsField.note')} problem={problems.note} wide>
        <TextArea id="return-note" value={note} onChange={setNote} />
      </Field>
    </FormDialog>
  );
}

function IssueForm({ lines, people, eventId, onIssued }: { lines: ItemLine[]; people: Person[]; eventId: string; onIssued(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const action = useAction();
  const [volunteerId, setVolunteerId] = useState('');
  const [itemId, setItemId] = useState('');
  const [quantity, setQuantity] = useState('1');
  const issue = async () => {
    // A refusal (beyond what the event was allocated, or what is on the shelf) shows under the form.
    if ((await action.run(() => call('logistics.issue', { eventId, itemId, volunteerId, quantity: parseCount(quantity) }))) === undefined) return;
    toastOk('logistics.handouts.issued');
    setVolunteerId('');
    setQuantity('1');
    onIssued();
  };
  return (
    <>
      <form className="inline-form" aria-label={t('logistics.handouts.issue')} data-testid="issue-form" onSubmit={(e) => { e.preventDefault(); void issue(); }}>
        <select aria-label={t('logisticsField.volunteerId')} value={volunteerId} onChange={(e) => setVolunteerId(e.target.value)} data-testid="issue-person">
          <option value="">{t('logisticsField.volunteerId')}: {t('common.choose')}</option>
          {people.map((p) => <option key={p.volunteerId} value={p.volunteerId}>{p.name}</option>)}
        </select>
        <select aria-label={t('logistics.item')} value={itemId} onChange={(e) => setItemId(e.target.value)} data-testid="issue-item">
          <option value="">{t('logistics.item')}: {t('common.choose')}</option>
          {lines.map((l) => <option key={l.itemId} value={l.itemId}>{itemName(l.name, lang)}</option>)}
        </select>
        <input className="short" aria-label={t('logisticsField.quantity')} placeholder={t('logisticsField.quantity')} inputMode="decimal" value={quantity} onChange={(e) => setQuantity(e.target.value)} data-testid="issue-quantity" />
        <button type="submit" disabled={action.busy || !volunteerId || !itemId} data-testid="issue-submit">{t('logistics.handouts.issue')}</button>
      </form>
      <InlineError error={action.error} />
    </>
  );
}
