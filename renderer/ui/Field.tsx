import { normalizePhone } from '../../shared/domain/phone';
import { displayPhone } from './format';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldProblem } from '../../shared/contract/errors';
import { translateProblem } from './problems';

interface FieldProps {
  id: string;
  label: string;
  problem?: FieldProblem | undefined;
  hint?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

/** A labelled control with its problem underneath; the label's htmlFor makes getByLabel work. */
export function Field({ id, label, problem, hint, wide, children }: FieldProps) {
  const { t } = useTranslation();
  return (
    <div className={`field${wide ? ' field-wide' : ''}${problem ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {problem ? (
        <div className="field-error" id={`${id}-error`} role="alert">
          {translateProblem(t, problem)}
        </div>
      ) : hint ? (
        <div className="field-hint">{hint}</div>
      ) : null}
    </div>
  );
}

interface TextInputProps {
  id: string;
  value: string;
  onChange(value: string): void;
  onBlur?(): void;
  invalid?: boolean;
  type?: 'text' | 'password' | 'email' | 'tel' | 'search';
  placeholder?: string | undefined;
  autoComplete?: string;
  autoFocus?: boolean;
  inputMode?: 'text' | 'numeric' | 'tel' | 'email';
  maxLength?: number;
}

export function TextInput({ onChange, invalid, type = 'text', ...rest }: TextInputProps) {
  return (
    <input
      {...rest}
      type={type}
      aria-invalid={invalid || undefined}
      aria-describedby={invalid ? `${rest.id}-error` : undefined}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * A Kazakhstan phone number: shows the +7 pattern while empty and, on leaving the field, tidies
 * whatever was typed (8 701…, 7011234567, +7-701-…) into +7 (701) 123-45-67. Text that is no
 * phone stays as typed for the schema to name.
 */
export function PhoneInput({ id, value, onChange, invalid }: { id: string; value: string; onChange(value: string): void; invalid?: boolean }) {
  const tidy = () => {
    const e164 = normalizePhone(value);
    if (e164) onChange(displayPhone(e164));
  };
  return <TextInput id={id} type="tel" inputMode="tel" value={value} onChange={onChange} onBlur={tidy} invalid={invalid} placeholder="+7 (7__) ___-__-__" />;
}

export function TextArea({ id, value, onChange }: { id: string; value: string; onChange(value: string): void }) {
  return <textarea id={id} value={value} rows={3} onChange={(e) => onChange(e.target.value)} />;
}

export interface Option {
  value: string;
  label: string;
}

interface SelectProps {
  id: string;
  value: string;
  options: readonly Option[];
  onChange(value: string): void;
  /** Label of the empty choice; without it the select has no empty choice. */
  empty?: string;
  invalid?: boolean;
  ariaLabel?: string;
}

export function Select({ id, value, options, onChange, empty, invalid, ariaLabel }: SelectProps) {
  return (
    <select id={id} value={value} aria-label={ariaLabel} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

interface CheckboxGroupProps {
  id: string;
  legend: string;
  options: readonly Option[];
  values: readonly string[];
  onChange(values: string[]): void;
  problem?: FieldProblem | undefined;
}

/** A set of checkboxes for a multi-choice field, keeping the vocabulary's order. */
export function CheckboxGroup({ id, legend, options, values, onChange, problem }: CheckboxGroupProps) {
  const { t } = useTranslation();
  const toggle = (value: string, on: boolean) =>
    onChange(options.map((o) => o.value).filter((v) => (v === value ? on : values.includes(v))));
  return (
    <fieldset className="checkbox-group" id={id}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="checkbox">
          <input type="checkbox" checked={values.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} />
          {o.label}
        </label>
      ))}
      {problem && <div className="field-error" role="alert">{translateProblem(t, problem)}</div>}
    </fieldset>
  );
}
