import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { ErrorText } from '../../ui/ErrorText';
import { displayPhone } from '../../ui/format';
import { useDebounced, useLoad } from '../../ui/useLoad';
import { useVocabLabel } from '../../ui/vocab';

/** Volunteer organisations (about 700 nationally): a plain list with a search box is enough. */
export function OrganisationsScreen() {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useVocabLabel();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), 150);
  const list = useLoad(() => call('organisations.list', { text: query }), [query]);
  const rows = list.data ?? [];

  return (
    <div className="screen">
      <div className="screen-head">
        <h1>{t('organisation.title')}</h1>
        {list.data && <span className="count">{t('organisation.count', { count: rows.length })}</span>}
        <span className="spacer" />
        <a className="button primary" href={hrefFor({ name: 'organisationNew' })}>{t('organisation.add')}</a>
      </div>
      <div className="filters">
        <input
          type="search"
          className="search"
          aria-label={t('organisation.search')}
          placeholder={t('organisation.searchPlaceholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          autoFocus
        />
      </div>
      <ErrorText error={list.error} />
      <table className="plain-table">
        <thead>
          <tr>
            <th>{t('organisation.name')}</th>
            <th>{t('organisation.type')}</th>
            <th>{t('organisation.bin')}</th>
            <th>{t('organisation.region')}</th>
            <th>{t('organisation.phone')}</th>
            <th className="num">{t('organisation.members')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((o) => (
            <tr key={o.id} className="clickable" onClick={() => navigate({ name: 'organisation', id: o.id })}>
              <td><a href={hrefFor({ name: 'organisation', id: o.id })}>{o.name}</a></td>
              <td>{label('orgType', o.type)}</td>
              <td className="mono">{o.bin ?? ''}</td>
              <td>{o.region ? regionName(o.region, lang) : ''}</td>
              <td className="mono">{displayPhone(o.phone)}</td>
              <td className="num">{o.memberCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {list.data && rows.length === 0 && <p className="empty">{t('organisation.empty')}</p>}
      {list.loading && !list.data && <p className="muted">{t('common.loading')}</p>}
    </div>
  );
}
