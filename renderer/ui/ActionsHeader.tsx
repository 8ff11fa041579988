import { useTranslation } from 'react-i18next';

/** The header of a table's column of buttons: named for screen readers, blank on the screen. */
export function ActionsHeader() {
  const { t } = useTranslation();
  return (
    <th>
      <span className="visually-hidden">{t('common.actions')}</span>
    </th>
  );
}
