import { useTranslation } from 'react-i18next';
import { isOfficeCode, regionName } from '../../../shared/domain/regions';
import { useLang } from '../../app/i18n';

/** Who made a kind or program: the centre's national list, or a region's own, named in the reader's language. */
export function useOfficeLabel(): (office: string | null) => string {
  const { t } = useTranslation();
  const lang = useLang();
  return (office) => {
    if (!office || office === 'KZ') return t('trainings.national');
    return isOfficeCode(office) ? regionName(office, lang) : office;
  };
}
