import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEACTIVATION_REASONS, type DeactivationReason } from '../../../shared/domain/vocabulary';
import { call } from '../../app/api';
import { ErrorText } from '../../ui/ErrorText';
import { Field, TextInput } from '../../ui/Field';
import { useAction } from '../../ui/useLoad';

/**
 * Deactivating a person asks why (a short list, and a note, needed for "other") and is confirmed
 * by its own button: the reason is kept on the record until they are active again.
 */
export function DeactivatePanel({ id, name, onDone, onCancel }: { id: string; name: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState<DeactivationReason | null>(null);
  const [note, setNote] = useState('');
  const action = useAction();
  const noteMissing = reason === 'other' && note.trim() === '';
  const submit = async () => {
    if (!reason) return;
    const done = await action.run(() => call('volunteers.setStatus', { id, status: 'inactive', reason, note: note.trim() || null }));
    if (done) onDone();
  };
  return (
    <section className="panel deactivate-panel" aria-labelledby="deactivate-title" data-testid="deactivate-panel">
      <h2 id="deactivate-title">{t('volunteer.deactivateTitle', { name })}</h2>
      <p className="muted">{t('volunteer.deactivateQuestion', { name })}</p>
      <fieldset className="radio-group">
        <legend>{t('volunteer.deactivateReason')}</legend>
        {DEACTIVATION_REASONS.map((code) => (
          <label key={code} className="radio">
            <input type="radio" name="deactivation-reason" value={code} checked={reason === code} onChange={() => setReason(code)} />
            {t(`vocab.deactivationReason.${code}`)}
          </label>
        ))}
      </fieldset>
      <Field id="deactivation-note" label={t('volunteer.deactivationNote')} hint={reason === 'other' ? t('volunteer.deactivateNoteHint') : undefined}>
        <TextInput id="deactivation-note" value={note} onChange={setNote} maxLength={200} />
      </Field>
      <ErrorText error={action.error} />
      <div className="form-actions">
        <button type="button" className="primary" data-testid="deactivate-confirm" disabled={!reason || noteMissing || action.busy} onClick={() => void submit()}>
          {t('volunteer.deactivateConfirm')}
        </button>
        <button type="button" onClick={onCancel} disabled={action.busy}>
          {t('common.cancel')}
        </button>
      </div>
    </section>
  );
}
