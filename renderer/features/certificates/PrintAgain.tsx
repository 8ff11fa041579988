import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { toastError } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';

/** Prints a certificate already issued: the same number and code, opened for printing. */
export function PrintAgain({ number, label }: { number: string; label?: string }) {
  const { t } = useTranslation();
  const action = useAction();
  const print = async () => {
    const file = await action.run(() => call('certificates.print', { numbers: [number] }), toastError);
    if (file) await saveFile(file, { open: true });
  };
  return (
    <button type="button" onClick={() => void print()} disabled={action.busy} data-testid="certificate-print-again">
      {label ?? t('certificates.printAgain')}
    </button>
  );
}
