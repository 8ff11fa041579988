import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { fieldProblemsText } from './field-problems';

/** A refusal under an inline logistics form: the fields' problems named (no field is marked there), else the core's message. */
export function InlineError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const fields = fieldProblemsText(t, error);
  if (fields === null) return <ErrorText error={error} />;
  return <div className="error-banner" role="alert">{fields}</div>;
}
