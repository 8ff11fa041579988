import { useTranslation } from 'react-i18next';
import { translateProblem } from './problems';
import { useToasts } from './toasts';

export function Toasts() {
  const { t } = useTranslation();
  const { toasts, dismiss } = useToasts();
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`}>
          <span>{translateProblem(t, toast)}</span>
          <button type="button" className="link" aria-label={t('common.close')} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
