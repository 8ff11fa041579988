import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DetailScreen } from '../../ui/DetailScreen';
import { ErrorText } from '../../ui/ErrorText';
import { Fact, Facts } from '../../ui/Facts';
import { RecordHistory } from '../../ui/RecordHistory';
import { KeptBy } from '../../ui/KeptBy';
import { displayPhone, formatDate } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { useVocabLabel } from '../../ui/vocab';
import { AddMember } from './AddMember';
import { ActionsHeader } from '../../ui/ActionsHeader';

export function OrganisationDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('organisations.get', { id }), [id]);
  return (
    <DetailScreen loaded={loaded} back={{ href: hrefFor({ name: 'organisations' }), label: t('organisation.back') }}>
      {(o) => <Detail id={id} o={o} reload={loaded.reload} />}
    </DetailScreen>
  );
}

function Detail({ id, o, reload }: { id: string; o: CallResult<'organisations.get'>; reload(): void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useVocabLabel();
  const canDelete = useCan('coordinator');
  const action = useAction();

  const removeMember = async (volunteerId: string) => {
    const done = await action.run(() => call('organisations.removeMember', { organisationId: id, volunteerId }), toastError);
    if (done) {
      toastOk('organisation.memberRemoved');
      reload();
    }
  };
  const remove = async () => {
    const done = await action.run(() => call('organisations.delete', { id }), toastError);
    if (done) {
      toastOk('organisation.deleted');
      navigate({ name: 'organisations' });
    }
  };
  const memberIds = new Set(o.members.map((m) => m.volunteerId));

  return (
    <div className="screen profile">
      <div className="screen-head">
        <a href={hrefFor({ name: 'organisations' })} className="back">← {t('organisation.back')}</a>
        <h1>{o.name}</h1>
        <span className="badge">{label('orgType', o.type)}</span>
        <span className="spacer" />
        {o.mayChange && <a className="button primary" href={hrefFor({ name: 'organisationEdit', id })}>{t('common.edit')}</a>}
        {o.mayChange && canDelete && <ConfirmButton danger label={t('common.delete')} question={t('organisation.deleteQuestion')} onConfirm={remove} disabled={action.busy} />}
      </div>
      <KeptBy keptBy={o.keptBy} mayChange={o.mayChange} hint={t('organisation.keptElsewhere')} label={(office) => t('organisation.keptBy', { office })} />
      <div className="profile-grid">
        <Facts title={t('organisation.details')}>
          <Fact label={t('organisation.bin')} mono>{o.bin}</Fact>
          <Fact label={t('organisation.region')}>{o.region ? regionName(o.region, lang) : ''}</Fact>
          <Fact label={t('organisation.contactName')}>{o.contactName}</Fact>
          <Fact label={t('organisation.phone')} mono>{displayPhone(o.phone)}</Fact>
          <Fact label={t('organisation.email')}>{o.email}</Fact>
          <Fact label={t('organisation.notes')}>{o.notes}</Fact>
        </Facts>
      </div>
      <section className="facts">
        <h2>
          {t('organisation.members')} <span className="muted">({o.members.length})</span>
        </h2>
        <AddMember organisationId={id} exclude={memberIds} onAdded={reload} />
        <table className="plain-table">
          <thead>
            <tr>
              <th>{t('volunteer.fullName')}</th>
              <th>{t('organisation.role')}</th>
              <th>{t('organisation.since')}</th>
              <ActionsHeader />
            </tr>
          </thead>
          <tbody>
            {o.members.map((m) => (
              <tr key={m.volunteerId}>
                <td><a href={hrefFor({ name: 'volunteer', id: m.volunteerId })}>{m.name}</a></td>
                <td>{m.role ?? ''}</td>
                <td>{formatDate(m.since)}</td>
                <td className="actions">
                  <ConfirmButton label={t('organisation.removeMember')} question={t('organisation.removeQuestion', { name: m.name })} onConfirm={() => void removeMember(m.volunteerId)} disabled={action.busy} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {o.members.length === 0 && <p className="muted">{t('organisation.noMembers')}</p>}
        <ErrorText error={action.error} />
      </section>
      <RecordHistory table="organisations" id={id} />
    </div>
  );
}
