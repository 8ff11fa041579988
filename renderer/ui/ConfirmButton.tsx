import { useState } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  label: string;
  /** The question asked before acting, e.g. "Delete this record?" */
  question: string;
  onConfirm(): void;
  disabled?: boolean;
  danger?: boolean;
}

/** A button that asks in place before an irreversible action, without a modal dialog. */
export function ConfirmButton({ label, question, onConfirm, disabled, danger }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className={danger ? 'danger' : undefined} disabled={disabled} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span>{question}</span>
      <button
        type="button"
        className={danger ? 'danger' : 'primary'}
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {t('common.yes')}
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        {t('common.no')}
      </button>
    </span>
  );
}
