import { useTranslation } from 'react-i18next';
import type { QualificationKind } from '../../../shared/contract/trainings';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { useLoad } from '../../ui/useLoad';
import { localizedText } from '../../ui/localized';
import { TrainingsTabs } from './TrainingsTabs';
import { useOfficeLabel } from './useOfficeLabel';
import { ActionsHeader } from '../../ui/ActionsHeader';

/** Qualification kinds: the centre's national list and the office's own, with how long each stays valid. */
export function KindsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const officeLabel = useOfficeLabel();
  const list = useLoad(() => call('trainings.kinds.list', {}), []);
  const rows = list.data ?? [];
  const canEdit = may('trainings.kinds.update');

  return (
    <div className="screen">
      <TrainingsTabs current="qualificationKinds" />
      <div className="screen-head">
        <h1>{t('trainings.kinds.title')}</h1>
        {list.data && <span className="count">{t('trainings.kinds.count', { count: rows.length })}</span>}
        <span className="spacer" />
        {may('trainings.kinds.add') && <a className="button primary" href={hrefFor({ name: 'kindNew' })}>{t('trainings.kinds.add')}</a>}
      </div>
      <ErrorText error={list.error} />
      <table className="plain-table" data-testid="kinds-table">
        <thead>
          <tr>
            <th>{t('trainings.kinds.name')}</th>
            <th>{t('trainings.kinds.validity')}</th>
            <th>{t('trainings.kinds.grace')}</th>
            <th>{t('trainings.source')}</th>
            {canEdit && <ActionsHeader />}
          </tr>
        </thead>
        <tbody>
          {rows.map((k) => (
            <tr key={k.id}>
              <td>{localizedText(k.names, lang)}</td>
              <td>{validityText(t, k)}</td>
              <td>{k.validityMonths === null ? '—' : t('trainings.months', { count: k.graceMonths })}</td>
              <td>{officeLabel(k.office)}</td>
              {canEdit && (
                <td className="actions">
                  {/* The row already shows all a kind holds: another office's has nothing to open. */}
                  {k.mayChange && <a href={hrefFor({ name: 'kindEdit', id: k.id })}>{t('common.edit')}</a>}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('trainings.kinds.empty')}</p>}
    </div>
  );
}

export function validityText(t: (key: string, options?: Record<string, unknown>) => string, k: Pick<QualificationKind, 'validityMonths'>): string {
  return k.validityMonths === null ? t('trainings.kinds.never') : t('trainings.months', { count: k.validityMonths });
}
