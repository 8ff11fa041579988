import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorText } from '../../ui/ErrorText';
import { fieldProblemsText } from './field-problems';

/**
 * A refusal under an inline logistics form: the fields' problems named (no field is marked there), else the core's message.
 * It is the one place the refusal is said (no toast besides, whose "correct the marked fields" would point at nothing),
 * so it is brought into view when it appears.
 */
export function InlineError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  const fields = fieldProblemsText(t, error);
  return <div ref={ref}>{fields === null ? <ErrorText error={error} /> : <div className="error-banner" role="alert">{fields}</div>}</div>;
}
