import { useTranslation } from 'react-i18next';
import { problemOf, translateProblem } from './problems';

/** An error shown where it happened, in the user's language. Renders nothing without an error. */
export function ErrorText({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <div className="error-banner" role="alert">
      {translateProblem(t, problemOf(error))}
    </div>
  );
}
