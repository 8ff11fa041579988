import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorText } from '../../ui/ErrorText';
import { formatDateTime } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { splitActor } from './values';

/**
 * Every merge this office knows, newest first: who merged whom, when, at which office. A merge
 * that still stands can be undone; the undo travels to every office like the merge did.
 */
export function MergeLog({ refresh, onUndone }: { refresh: number; onUndone(): void }) {
  const { t } = useTranslation();
  const log = useLoad(() => call('merges.list', { limit: 200 }), [refresh]);
  const action = useAction();
  const undo = async (id: string) => {
    const done = await action.run(() => call('merges.undo', { id }), toastError);
    if (done) {
      toastOk('exchange.merges.undoneToast');
      onUndone();
    }
  };
  const items = log.data?.items ?? [];
  return (
    <section className="merge-log" data-testid="merge-log">
      <h2>{t('exchange.merges.title')}</h2>
      <ErrorText error={log.error ?? action.error} />
      {log.data && items.length === 0 && <p className="empty">{t('exchange.merges.empty')}</p>}
      <ul className="plain-list">
        {items.map((m) => (
          <li key={m.id} data-testid="merge-entry" className={m.undone ? 'muted' : undefined}>
            <strong>{t('exchange.merges.line', { loser: m.loser.label, survivor: m.survivor.label })}</strong>{' '}
            <span className="muted small">{t('exchange.merges.who', { by: splitActor(m.by).login, office: m.office, at: formatDateTime(m.at) })}</span>
            {m.absorbedHere && <span className="badge">{t('exchange.merges.absorbedHere')}</span>}{' '}
            {m.undone ? (
              <span className="small">{t('exchange.merges.undone', { at: formatDateTime(m.undoneAt), by: m.undoneBy ?? '' })}</span>
            ) : (
              <ConfirmButton label={t('exchange.merges.undo')} question={t('exchange.merges.undoQuestion')} onConfirm={() => void undo(m.id)} disabled={action.busy} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
