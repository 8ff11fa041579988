import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentRow } from '../../../../shared/contract/events';
import { call } from '../../../app/api';
import { ErrorText } from '../../../ui/ErrorText';
import { Field, TextInput } from '../../../ui/Field';
import type { FieldErrors } from '../../../ui/problems';
import { useAction } from '../../../ui/useLoad';
import { parseTime, showTime } from './day';

/**
 * Correcting a person's arrival or departure (someone checked in late at the desk, or forgot to
 * check out). The core rewrites the hours from the corrected times until they are verified.
 */
export function TimeFix({ shiftId, a, shiftDate, onDone, onCancel }: { shiftId: string; a: AssignmentRow; shiftDate: string; onDone(): void; onCancel(): void }) {
  const { t } = useTranslation();
  const [arrived, setArrived] = useState(showTime(a.checkedInAt, shiftDate));
  const [left, setLeft] = useState(showTime(a.checkedOutAt, shiftDate));
  const [errors, setErrors] = useState<FieldErrors>({});
  const action = useAction();
  const ids = { shiftId, volunteerId: a.volunteerId };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const inAt = parseTime(arrived, a.checkedInAt?.slice(0, 10) ?? shiftDate);
    const outAt = left.trim() === '' ? null : parseTime(left, a.checkedOutAt?.slice(0, 10) ?? inAt?.slice(0, 10) ?? shiftDate);
    const problems: FieldErrors = {};
    if (!inAt) problems.arrived = { path: 'arrived', key: arrived.trim() ? 'day.fix.badTime' : 'error.required' };
    if (left.trim() !== '' && !outAt) problems.left = { path: 'left', key: 'day.fix.badTime' };
    if (inAt && outAt && outAt < inAt) problems.left = { path: 'left', key: 'error.events.checkOutBeforeCheckIn' };
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    const inStep = inAt !== a.checkedInAt ? () => call('events.checkin', { ...ids, at: inAt! }) : null;
    const outStep = outAt !== null && outAt !== a.checkedOutAt ? () => call('events.checkout', { ...ids, at: outAt }) : null;
    // Each step must be valid against what is stored when it runs: a later departure goes first
    // when it still follows the stored arrival, so moving both times later never trips over the old pair.
    const outFirst = outStep !== null && a.checkedInAt !== null && outAt! >= a.checkedInAt;
    const steps = (outFirst ? [outStep, inStep] : [inStep, outStep]).filter((s) => s !== null);
    const done = await action.run(async () => {
      for (const step of steps) await step();
      return true;
    });
    if (done) onDone();
  };

  return (
    <form className="inline-form day-fix-form" onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onCancel()} noValidate data-testid="time-fix">
      <Field id={`fix-in-${a.volunteerId}`} label={t('day.arrived')} problem={errors.arrived} hint={t('day.fix.hint')}>
        <TextInput id={`fix-in-${a.volunteerId}`} value={arrived} onChange={setArrived} autoFocus invalid={!!errors.arrived} maxLength={16} />
      </Field>
      <Field id={`fix-out-${a.volunteerId}`} label={t('day.left')} problem={errors.left}>
        <TextInput id={`fix-out-${a.volunteerId}`} value={left} onChange={setLeft} invalid={!!errors.left} maxLength={16} />
      </Field>
      <button type="submit" className="primary" disabled={action.busy}>{t('common.save')}</button>
      <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
      <ErrorText error={action.error} />
    </form>
  );
}
