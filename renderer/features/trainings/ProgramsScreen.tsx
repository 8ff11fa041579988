import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor } from '../../app/router';
import { useMayCall } from '../../app/session';
import { ErrorText } from '../../ui/ErrorText';
import { useDebounced, useLoad } from '../../ui/useLoad';
import { localizedText } from '../../ui/localized';
import { TrainingsTabs } from './TrainingsTabs';
import { useOfficeLabel } from './useOfficeLabel';
import { ActionsHeader } from '../../ui/ActionsHeader';

/** Training programs: what is taught, for how long, and the qualification a pass grants. */
export function ProgramsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const may = useMayCall();
  const officeLabel = useOfficeLabel();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const list = useLoad(() => call('trainings.programs.list', { text: query }), [query]);
  const kinds = useLoad(() => call('trainings.kinds.list', {}), []);
  const kindName = (id: string | null) => localizedText(kinds.data?.find((k) => k.id === id)?.names, lang);
  const rows = list.data ?? [];
  const canEdit = may('trainings.programs.update');

  return (
    <div className="screen">
      <TrainingsTabs current="trainingPrograms" />
      <div className="screen-head">
        <h1>{t('trainings.programs.title')}</h1>
        {list.data && <span className="count">{t('trainings.programs.count', { count: rows.length })}</span>}
        <span className="spacer" />
        {may('trainings.programs.add') && <a className="button primary" href={hrefFor({ name: 'programNew' })}>{t('trainings.programs.add')}</a>}
      </div>
      <div className="filters">
        <input type="search" className="search" aria-label={t('trainings.programs.search')} placeholder={t('trainings.programs.search')} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorText error={list.error} />
      <table className="plain-table" data-testid="programs-table">
        <thead>
          <tr>
            <th>{t('trainings.programs.titleField')}</th>
            <th className="num">{t('trainings.programs.hours')}</th>
            <th className="num">{t('trainings.programs.passMark')}</th>
            <th>{t('trainings.programs.grants')}</th>
            <th>{t('trainings.programs.prerequisite')}</th>
            <th className="num">{t('trainings.programs.minAge')}</th>
            <th>{t('trainings.source')}</th>
            <th className="num">{t('trainings.programs.sessions')}</th>
            {canEdit && <ActionsHeader />}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.id}>
              <td>{localizedText(p.title, lang)}</td>
              <td className="num">{p.hours}</td>
              <td className="num">{p.passMark ?? '—'}</td>
              <td>{kindName(p.grants)}</td>
              <td>{kindName(p.prerequisite)}</td>
              <td className="num">{p.minAge ?? '—'}</td>
              <td>{officeLabel(p.office)}</td>
              <td className="num">{p.sessionCount}</td>
              {canEdit && (
                <td className="actions">
                  {/* Another office's program opens read-only (its description is shown only there). */}
                  <a href={hrefFor({ name: 'programEdit', id: p.id })}>{p.mayChange ? t('common.edit') : t('common.open')}</a>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('trainings.programs.empty')}</p>}
    </div>
  );
}
