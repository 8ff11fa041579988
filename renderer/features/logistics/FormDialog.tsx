import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { CallError } from '../../../shared/contract/errors';
import { ErrorText } from '../../ui/ErrorText';
import { useModal } from '../../ui/useModal';

/**
 * A small modal form for one stock action (receive, write off, transfer, return): its fields,
 * then the core's refusal in the reader's language (a field's problem shows under the field, so
 * the general "check the fields" is left out then), then submit and cancel.
 */
export function FormDialog({ id, title, subtitle, submitLabel, busy, error, onSubmit, onClose, children }: {
  id: string;
  title: string;
  subtitle?: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit(): void;
  onClose(): void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const dialog = useModal<HTMLDivElement>(onClose);
  const fieldsOnly = error instanceof CallError && (error.fields?.length ?? 0) > 0;
  // On the page's body: opened from a table's cell, it should not take the cell's alignment or wrapping.
  return createPortal(
    <div className="overlay" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className="dialog narrow" ref={dialog} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} data-testid={id}>
        <form className="form" onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
          <div className="dialog-head">
            <h2 id={`${id}-title`}>{title}</h2>
          </div>
          {subtitle && <p className="muted dialog-subtitle">{subtitle}</p>}
          <div className="form-grid">{children}</div>
          {!fieldsOnly && <ErrorText error={error} />}
          <div className="form-actions">
            <button type="submit" className="primary" disabled={busy} data-testid={`${id}-submit`}>{submitLabel}</button>
            <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
