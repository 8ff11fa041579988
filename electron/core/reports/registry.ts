import type { ReportName } from '../../../shared/domain/reports';
import { eventsByCategoryReport } from './events';
import { hoursByEventReport, hoursReport } from './hours';
import { activityRegisterReport, socialCreditReport } from './people';
import type { ReportModule } from './report';
import { trainingsByProgramReport } from './trainings';
import { volunteersByAge, volunteersByArea, volunteersByOrganisation, volunteersByRegion, volunteersBySex } from './volunteers';

/** One module per report name (shared/domain/reports.ts); the compiler checks none is missing. */
export const REPORTS: Record<ReportName, ReportModule> = {
  hours: hoursReport,
  'hours-by-event': hoursByEventReport,
  'social-credit': socialCreditReport,
  'activity-register': activityRegisterReport,
  'volunteers-by-region': volunteersByRegion,
  'volunteers-by-age': volunteersByAge,
  'volunteers-by-sex': volunteersBySex,
  'volunteers-by-area': volunteersByArea,
  'volunteers-by-organisation': volunteersByOrganisation,
  'events-by-category': eventsByCategoryReport,
  'trainings-by-program': trainingsByProgramReport,
};
