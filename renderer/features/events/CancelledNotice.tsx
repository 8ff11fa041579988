import { useTranslation } from 'react-i18next';
import { FILE_TYPES } from '../../../shared/contract/files';
import { call } from '../../app/api';
import { saveFile } from '../../app/files';
import { useLang } from '../../app/i18n';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useAction } from '../../ui/useLoad';

/** Whom a cancellation released, with the shift each was on. */
export type Notify = { volunteerId: string; name: string; phone: string | null; shiftId: string; shiftTitle: string }[];

/** After a cancellation: the people to call, with phones, and the same list as an .xlsx to work through. */
export function CancelledNotice({ eventId, notify, onClose }: { eventId: string; notify: Notify; onClose(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const action = useAction();
  const exportList = async () => {
    const file = await action.run(() => call('events.notifyExport', { id: eventId, lang }));
    if (file && (await saveFile({ ...file, mime: FILE_TYPES.xlsx }))) toastOk('events.notify.saved');
  };
  return (
    <section className="facts notify" aria-labelledby="notify-title" data-testid="notify">
      <div className="section-head">
        <h2 id="notify-title">{t('events.notify.title')} <span className="muted">({notify.length})</span></h2>
        <span className="spacer" />
        {notify.length > 0 && may('events.notifyExport') && (
          <button type="button" className="primary" disabled={action.busy} onClick={() => void exportList()} data-testid="notify-export">{t('events.notify.export')}</button>
        )}
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
      {notify.length === 0 ? (
        <p className="muted">{t('events.notify.none')}</p>
      ) : (
        <>
          <p className="muted">{t('events.notify.hint')}</p>
          <table className="plain-table">
            <thead>
              <tr><th>{t('events.staff.name')}</th><th>{t('events.staff.phone')}</th><th>{t('notifyExport.shift')}</th></tr>
            </thead>
            <tbody>
              {notify.map((n) => (
                <tr key={`${n.shiftId}:${n.volunteerId}`} data-testid="notify-row">
                  <td>{n.name}</td>
                  <td className="mono">{displayPhone(n.phone)}</td>
                  <td>{n.shiftTitle}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <ErrorText error={action.error} />
    </section>
  );
}
