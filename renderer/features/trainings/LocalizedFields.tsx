import { useTranslation } from 'react-i18next';
import { TITLE_LANGUAGES, type TitleLanguage } from '../../../shared/domain/trainings';
import type { FieldProblem } from '../../../shared/contract/errors';
import { Field, TextInput } from '../../ui/Field';

export type LocalizedValues = Record<TitleLanguage, string>;

export const emptyLocalized = (): LocalizedValues => ({ kk: '', ru: '', en: '' });

export const localizedValues = (v: { kk: string | null; ru: string | null; en: string | null }): LocalizedValues => ({
  kk: v.kk ?? '',
  ru: v.ru ?? '',
  en: v.en ?? '',
});

/** What a form sends: only the languages written in (an empty one means "not written"). */
export function localizedInput(values: LocalizedValues): Partial<LocalizedValues> {
  const out: Partial<LocalizedValues> = {};
  for (const lang of TITLE_LANGUAGES) if (values[lang].trim()) out[lang] = values[lang].trim();
  return out;
}

interface Props {
  /** Prefix of the inputs' ids: `${prefix}-kk` and so on. */
  prefix: string;
  /** The field's label ("Title"), followed by the language's name. */
  label: string;
  values: LocalizedValues;
  onChange(values: LocalizedValues): void;
  /** The office's working language: the one that must be written. */
  required?: TitleLanguage | undefined;
  /** Problems by language, or one for the whole field (shown under the required language). */
  problems: Partial<Record<TitleLanguage | 'all', FieldProblem>>;
}

/** A name or title in kk / ru / en, side by side; the office's working language is marked required. */
export function LocalizedFields({ prefix, label, values, onChange, required, problems }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {TITLE_LANGUAGES.map((lang) => {
        const id = `${prefix}-${lang}`;
        const problem = problems[lang] ?? (lang === (required ?? 'ru') ? problems.all : undefined);
        return (
          <Field key={lang} id={id} label={`${label} (${t(`langName.${lang}`)})${lang === required ? ' *' : ''}`} problem={problem}>
            <TextInput id={id} value={values[lang]} onChange={(value) => onChange({ ...values, [lang]: value })} invalid={!!problem} />
          </Field>
        );
      })}
    </>
  );
}

/** Splits a form's problems on `names.kk`, `names` … into the per-language shape above. */
export function localizedProblems(problems: readonly FieldProblem[] | undefined, field: string): Props['problems'] {
  const out: Props['problems'] = {};
  for (const p of problems ?? []) {
    const [head, lang] = p.path.split('.');
    if (head !== field) continue;
    const key = (TITLE_LANGUAGES as readonly string[]).includes(lang ?? '') ? (lang as TitleLanguage) : 'all';
    out[key] ??= p;
  }
  return out;
}
