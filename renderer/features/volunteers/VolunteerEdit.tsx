import { useTranslation } from 'react-i18next';
import { call } from '../../app/api';
import { navigate } from '../../app/router';
import { useSession } from '../../app/session';
import { DetailScreen } from '../../ui/DetailScreen';
import { fullName } from '../../ui/format';
import { toastOk } from '../../ui/toasts';
import { useLoad } from '../../ui/useLoad';
import { emptyValues, isMaskedIin, valuesFromRecord } from './volunteer-form';
import { VolunteerForm } from './VolunteerForm';

/** The add and edit screens: a new form, or the form filled from the stored record. */
export function VolunteerEdit({ id }: { id?: string }) {
  const { t } = useTranslation();
  const officeCode = useSession((s) => s.office?.code ?? '');
  const record = useLoad(() => (id ? call('volunteers.get', { id }) : Promise.resolve(null)), [id]);
  const saved = (savedId: string) => {
    toastOk('volunteer.saved');
    navigate({ name: 'volunteer', id: savedId });
  };

  return (
    <DetailScreen loaded={record}>
      {(stored) => (
        <div className="screen">
          <div className="screen-head">
            <h1>{stored ? t('volunteer.editTitle', { name: fullName(stored) }) : t('volunteer.newTitle')}</h1>
          </div>
          <VolunteerForm
            id={id}
            initial={stored ? valuesFromRecord(stored) : emptyValues(officeCode === 'KZ' ? '' : officeCode)}
            storedIin={stored && isMaskedIin(stored.iin) ? stored.iin : null}
            onSaved={saved}
          />
        </div>
      )}
    </DetailScreen>
  );
}
