import type { TitleLanguage } from '../../../shared/domain/trainings';
import { call } from '../../app/api';
import { useLoad } from '../../ui/useLoad';

/** The office's working language (titles must be written in it), once the core has said. */
export function useWorkingLanguage(): TitleLanguage | undefined {
  return useLoad(() => call('trainings.settings', {}), []).data?.workingLanguage;
}
