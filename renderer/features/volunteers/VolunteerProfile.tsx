import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallResult } from '../../../shared/contract';
import { regionName } from '../../../shared/domain/regions';
import { call } from '../../app/api';
import { useLang } from '../../app/i18n';
import { hrefFor, navigate } from '../../app/router';
import { useCan } from '../../app/session';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DetailScreen } from '../../ui/DetailScreen';
import { Fact, Facts } from '../../ui/Facts';
import { KeptBy } from '../../ui/KeptBy';
import { displayPhone, formatDate, formatDateTime, fullName } from '../../ui/format';
import { toastError, toastOk } from '../../ui/toasts';
import { useAction, useLoad } from '../../ui/useLoad';
import { useVocabLabel, type VocabGroup } from '../../ui/vocab';
import { DeactivatePanel } from './DeactivatePanel';
import { DocumentsBlock } from './DocumentsBlock';
import { RecordHistory } from '../../ui/RecordHistory';

/** One volunteer's record, read-only, with the actions staff take on it. */
/** `more`: blocks other sections add to the profile (trainings and qualifications), composed by the route table. */
export function VolunteerProfile({ id, more }: { id: string; more?: ReactNode }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => call('volunteers.get', { id }), [id]);
  return (
    <DetailScreen loaded={loaded} back={{ href: hrefFor({ name: 'volunteers' }), label: t('roster.back') }}>
      {(v) => <Profile id={id} v={v} reload={loaded.reload} more={more} />}
    </DetailScreen>
  );
}

function Profile({ id, v, reload, more }: { id: string; v: CallResult<'volunteers.get'>; reload(): void; more: ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const label = useVocabLabel();
  const canDelete = useCan('coordinator');
  const action = useAction();

  const active = v.status !== 'inactive';
  const [deactivating, setDeactivating] = useState(false);
  const activate = async () => {
    const done = await action.run(() => call('volunteers.setStatus', { id, status: 'active' }), toastError);
    if (done) {
      toastOk('volunteer.activated');
      reload();
    }
  };
  const deactivated = () => {
    setDeactivating(false);
    toastOk('volunteer.deactivated');
    reload();
  };
  const remove = async () => {
    const done = await action.run(() => call('volunteers.delete', { id }), toastError);
    if (done) {
      toastOk('volunteer.deleted');
      navigate({ name: 'volunteers' });
    }
  };
  const labels = (group: VocabGroup, values: string[]) => values.map((value) => label(group, value)).join(', ');

  return (
    <div className="screen profile">
      <div className="screen-head">
        <a href={hrefFor({ name: 'volunteers' })} className="back">← {t('roster.back')}</a>
        <h1>{fullName(v)}</h1>
        <span className={`badge status-${v.status}`}>{label('status', v.status)}</span>
        <span className="spacer" />
        {v.mayChange && (
          <>
            <a className="button primary" href={hrefFor({ name: 'volunteerEdit', id })}>{t('common.edit')}</a>
            {active ? (
              // Deactivating takes a person off suggestions and lists at every office: asked why, then confirmed.
              <button type="button" onClick={() => setDeactivating(true)} disabled={action.busy || deactivating} data-testid="volunteer-deactivate">
                {t('volunteer.deactivate')}
              </button>
            ) : (
              <button type="button" onClick={() => void activate()} disabled={action.busy}>
                {t('volunteer.activate')}
              </button>
            )}
            {canDelete && (
              <ConfirmButton danger label={t('common.delete')} question={t('volunteer.deleteQuestion')} onConfirm={remove} disabled={action.busy} />
            )}
          </>
        )}
      </div>
      <KeptBy keptBy={v.keptBy} mayChange={v.mayChange} hint={t('volunteer.keptElsewhere')} label={(office) => t('volunteer.keptBy', { office })} />
      {deactivating && active && <DeactivatePanel id={id} name={fullName(v)} onDone={deactivated} onCancel={() => setDeactivating(false)} />}
      {!active && v.deactivationReason && (
        <p className="info" data-testid="deactivation-reason">
          {t('volunteer.deactivationReason')}: {label('deactivationReason', v.deactivationReason)}
          {v.deactivationNote ? ` — ${v.deactivationNote}` : ''}
        </p>
      )}
      <div className="profile-grid">
        <Facts title={t('volunteer.section.identity')}>
          <Fact label={t('volunteer.latinName')}>{[v.lastNameLatin, v.firstNameLatin].filter(Boolean).join(' ')}</Fact>
          <Fact label={t('volunteer.iin')} mono>{v.iin}</Fact>
          <Fact label={t('volunteer.birthDate')}>{formatDate(v.birthDate)}</Fact>
          <Fact label={t('volunteer.sex')}>{label('sex', v.sex)}</Fact>
          <Fact label={t('volunteer.languages')}>{labels('language', v.languages)}</Fact>
        </Facts>
        <Facts title={t('volunteer.section.contacts')}>
          <Fact label={t('volunteer.phone')} mono>{displayPhone(v.phone)}</Fact>
          <Fact label={t('volunteer.email')}>{v.email}</Fact>
          <Fact label={t('volunteer.region')}>{v.region ? regionName(v.region, lang) : ''}</Fact>
          <Fact label={t('volunteer.district')}>{v.district}</Fact>
          <Fact label={t('volunteer.locality')}>{v.locality}</Fact>
        </Facts>
        <Facts title={t('volunteer.section.skills')}>
          <Fact label={t('volunteer.skills')}>{labels('skill', v.skills)}</Fact>
          <Fact label={t('volunteer.drivingCategories')}>{v.drivingCategories.join(', ')}</Fact>
          <Fact label={t('volunteer.areas')}>{labels('area', v.areas)}</Fact>
          <Fact label={t('volunteer.availability')}>{label('availability', v.availability)}</Fact>
        </Facts>
        <Facts title={t('volunteer.section.consent')}>
          <Fact label={t('volunteer.consentDate')}>{formatDate(v.consentDate)}</Fact>
          <Fact label={t('volunteer.consentBasis')}>{label('consentBasis', v.consentBasis)}</Fact>
          <Fact label={t('volunteer.guardianName')}>{v.guardianName}</Fact>
          <Fact label={t('volunteer.guardianPhone')} mono>{displayPhone(v.guardianPhone)}</Fact>
          <Fact label={t('volunteer.guardianConsentDate')}>{formatDate(v.guardianConsentDate)}</Fact>
        </Facts>
        <Facts title={t('volunteer.section.emergency')}>
          <Fact label={t('volunteer.emergencyContactName')}>{v.emergencyContactName}</Fact>
          <Fact label={t('volunteer.emergencyContactPhone')} mono>{displayPhone(v.emergencyContactPhone)}</Fact>
        </Facts>
        <Facts title={t('volunteer.memberships')}>
          {v.memberships.length === 0 && <p className="muted">{t('volunteer.noMemberships')}</p>}
          {v.memberships.map((m) => (
            <Fact key={m.organisationId} label={m.role ?? t('organisation.member')}>
              <a href={hrefFor({ name: 'organisation', id: m.organisationId })}>{m.organisationName}</a>
              {m.since && <span className="muted"> · {t('organisation.since')} {formatDate(m.since)}</span>}
            </Fact>
          ))}
        </Facts>
      </div>
      <DocumentsBlock volunteerId={id} mayChange={v.mayChange} />
      {more}
      {v.notes && (
        <Facts title={t('volunteer.notes')}>
          <p className="notes">{v.notes}</p>
        </Facts>
      )}
      <RecordHistory table="volunteers" id={id} />
      <p className="muted small stamps">
        {t('volunteer.created', { at: formatDateTime(v.createdAt), by: v.createdBy })} ·{' '}
        {t('volunteer.updated', { at: formatDateTime(v.updatedAt), by: v.updatedBy })}
      </p>
    </div>
  );
}
