import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from './ErrorText';

interface Props {
  busy: boolean;
  /** The failed call's error; not repeated when field errors already say what is wrong. */
  error: unknown;
  fieldErrors: Record<string, unknown>;
  /** The submit button's label; "Save" by default. */
  label?: string;
  /** A line before the error and the button (a summary of the form's problems, say). */
  summary?: ReactNode;
  /** More actions after the submit button (a cancel link, say). */
  children?: ReactNode;
}

/** The bottom row of every form: the error of the last attempt, the submit button, and the rest. */
export function SaveActions({ busy, error, fieldErrors, label, summary, children }: Props) {
  const { t } = useTranslation();
  const hasFieldErrors = Object.keys(fieldErrors).length > 0;
  return (
    <div className="form-actions">
      {summary}
      <ErrorText error={hasFieldErrors ? null : error} />
      <button type="submit" className="primary" disabled={busy}>
        {label ?? (busy ? t('common.saving') : t('common.save'))}
      </button>
      {children}
    </div>
  );
}
