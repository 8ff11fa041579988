import { useTranslation } from 'react-i18next';
import type { FileConsent } from '../../../shared/contract/roster';
import { isoDate } from '../../../shared/domain/text';
import { CONSENT_BASES } from '../../../shared/domain/vocabulary';
import { Field, Select, TextInput } from '../../ui/Field';
import { dateForInput } from '../../ui/format';
import { useVocab } from '../../ui/vocab';

/** The wizard's one question about consent: given for the whole file (how, and when), or not known. */
export interface ConsentAnswer {
  given: boolean;
  basis: FileConsent['basis'];
  /** As typed (DD.MM.YYYY). */
  date: string;
}

/** The consent to send with the file, or null when none is claimed (or the date is not a date yet). */
export function consentOf(answer: ConsentAnswer): FileConsent | null {
  if (!answer.given) return null;
  const date = dateForInput(answer.date);
  return isoDate.safeParse(date).success ? { basis: answer.basis, date } : null;
}

/**
 * Asked once for the whole file. "Not known" is chosen until someone says otherwise: nobody's
 * consent is recorded that was not stated, and those people are listed under "No consent".
 */
export function ConsentChoice({ answer, onChange, disabled }: { answer: ConsentAnswer; onChange(answer: ConsentAnswer): void; disabled: boolean }) {
  const { t } = useTranslation();
  const bases = useVocab('consentBasis', CONSENT_BASES);
  return (
    <fieldset className="radio-group consent-choice" data-testid="roster-consent" disabled={disabled}>
      <legend>{t('rosterImport.consent.title')}</legend>
      <p className="muted small">{t('rosterImport.consent.hint')}</p>
      <label className="radio">
        <input type="radio" name="roster-consent" checked={!answer.given} onChange={() => onChange({ ...answer, given: false })} />
        {t('rosterImport.consent.missing')}
      </label>
      <label className="radio">
        <input type="radio" name="roster-consent" data-testid="roster-consent-given" checked={answer.given} onChange={() => onChange({ ...answer, given: true })} />
        {t('rosterImport.consent.given')}
      </label>
      {answer.given && (
        <div className="inline-form">
          <Field id="roster-consent-basis" label={t('volunteer.consentBasis')} hint={t('rosterImport.consent.example')}>
            <Select id="roster-consent-basis" value={answer.basis} options={bases} onChange={(basis) => onChange({ ...answer, basis: basis as FileConsent['basis'] })} />
          </Field>
          <Field id="roster-consent-date" label={t('volunteer.consentDate')}>
            <TextInput id="roster-consent-date" value={answer.date} onChange={(date) => onChange({ ...answer, date })} placeholder={t('form.dateHint')} />
          </Field>
        </div>
      )}
    </fieldset>
  );
}
