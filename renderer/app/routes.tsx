import { OfficeScreen } from '../features/admin/OfficeScreen';
import { BackupsScreen } from '../features/backups/BackupsScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { AuditScreen } from '../features/admin/AuditScreen';
import { PasswordScreen } from '../features/auth/PasswordScreen';
import { ConflictsScreen } from '../features/exchange/ConflictsScreen';
import { DuplicatesScreen } from '../features/exchange/DuplicatesScreen';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen';
import { TrustScreen } from '../features/exchange/TrustScreen';
import { EventEdit } from '../features/events/EventEdit';
import { EventScreen } from '../features/events/EventScreen';
import { EventsScreen } from '../features/events/EventsScreen';
import { OrganisationDetail } from '../features/organisations/OrganisationDetail';
import { OrganisationEdit } from '../features/organisations/OrganisationEdit';
import { OrganisationsScreen } from '../features/organisations/OrganisationsScreen';
import { RosterImportScreen } from '../features/roster-import/RosterImportScreen';
import { RosterScreen } from '../features/volunteers/RosterScreen';
import { VolunteerEdit } from '../features/volunteers/VolunteerEdit';
import { VolunteerProfile } from '../features/volunteers/VolunteerProfile';
import { QualificationsBlock } from '../features/trainings/QualificationsBlock';
import { EXPIRING_ADDRESS, ExpiringScreen } from '../features/trainings/ExpiringScreen';
import { KindEdit } from '../features/trainings/KindEdit';
import { KindsScreen } from '../features/trainings/KindsScreen';
import { ProgramEdit } from '../features/trainings/ProgramEdit';
import { ProgramsScreen } from '../features/trainings/ProgramsScreen';
import { SessionEdit } from '../features/trainings/SessionEdit';
import { SessionScreen } from '../features/trainings/SessionScreen';
import { SessionsScreen } from '../features/trainings/SessionsScreen';
import { DayScreen } from '../features/events/day/DayScreen';
import { HoursBlock } from '../features/hours/HoursBlock';
import { HOURS_ADDRESS, HoursScreen } from '../features/hours/HoursScreen';
import { EventLogistics } from '../features/logistics/EventLogistics';
import { InventoryScreen } from '../features/logistics/InventoryScreen';
import { CertificatesBlock } from '../features/certificates/CertificatesBlock';
import { CertificatesScreen } from '../features/certificates/CertificatesScreen';
import { KeysScreen } from '../features/certificates/KeysScreen';
import { SessionCertificates } from '../features/certificates/SessionCertificates';
import { DashboardScreen } from '../features/reports/DashboardScreen';
import { ReportsScreen } from '../features/reports/ReportsScreen';
import { EVENTS_ADDRESS } from '../features/events/events-store';
import { SESSIONS_ADDRESS } from '../features/trainings/sessions-store';
import { ROSTER_ADDRESS } from './roster-store';
import { route } from './route';

/**
 * Every screen of a signed-in user, one line each. The header navigation shows the entries with
 * `nav`, in this order; the first route is also where unknown addresses and refused roles land.
 * Where a literal segment and a parameter compete ('new' and ':id'), the literal wins.
 */
export const ROUTES = [
  // The landing route: the office's work at a glance; the reports are its second tab (one header entry for both).
  route('dashboard', 'overview', () => <DashboardScreen />, { nav: 'dashboard.nav' }),
  route('reports', 'reports', () => <ReportsScreen />, { under: 'dashboard' }),
  route('volunteers', 'volunteers', ({ query }) => <RosterScreen query={query} />, { nav: 'nav.volunteers', query: ROSTER_ADDRESS }),
  route('volunteerNew', 'volunteers/new', () => <VolunteerEdit key="new" />, { under: 'volunteers' }),
  route('volunteer', 'volunteers/:id', ({ id }) => <VolunteerProfile key={id} id={id} more={<><QualificationsBlock volunteerId={id} /><HoursBlock volunteerId={id} /><CertificatesBlock volunteerId={id} /></>} />, { under: 'volunteers' }),
  route('volunteerEdit', 'volunteers/:id/edit', ({ id }) => <VolunteerEdit key={id} id={id} />, { under: 'volunteers' }),
  route('organisations', 'organisations', () => <OrganisationsScreen />, { nav: 'nav.organisations' }),
  route('organisationNew', 'organisations/new', () => <OrganisationEdit key="new" />, { under: 'organisations' }),
  route('organisation', 'organisations/:id', ({ id }) => <OrganisationDetail key={id} id={id} />, { under: 'organisations' }),
  route('organisationEdit', 'organisations/:id/edit', ({ id }) => <OrganisationEdit key={id} id={id} />, { under: 'organisations' }),
  // Trainings: staff enrol and mark results; planning kinds, programs and sessions is a coordinator's.
  // Events: staff staff shifts; planning events and shifts, and cancelling, is a coordinator's.
  route('events', 'events', ({ query }) => <EventsScreen query={query} />, { nav: 'events.nav', query: EVENTS_ADDRESS }),
  route('eventNew', 'events/new', () => <EventEdit key="new" />, { under: 'events', role: 'coordinator' }),
  route('event', 'events/:id', ({ id }) => <EventScreen key={id} id={id} more={<EventLogistics eventId={id} />} />, { under: 'events' }),
  route('eventEdit', 'events/:id/edit', ({ id }) => <EventEdit key={id} id={id} />, { under: 'events', role: 'coordinator' }),
  route('trainings', 'trainings', ({ query }) => <SessionsScreen query={query} />, { nav: 'trainings.nav', query: SESSIONS_ADDRESS }),
  route('sessionNew', 'trainings/sessions/new', () => <SessionEdit key="new" />, { under: 'trainings', role: 'coordinator' }),
  route('session', 'trainings/sessions/:id', ({ id }) => <SessionScreen key={id} id={id} more={(s) => <SessionCertificates session={s} />} />, { under: 'trainings' }),
  route('sessionEdit', 'trainings/sessions/:id/edit', ({ id }) => <SessionEdit key={id} id={id} />, { under: 'trainings', role: 'coordinator' }),
  route('trainingPrograms', 'trainings/programs', () => <ProgramsScreen />, { under: 'trainings' }),
  route('programNew', 'trainings/programs/new', () => <ProgramEdit key="new" />, { under: 'trainings', role: 'coordinator' }),
  route('programEdit', 'trainings/programs/:id/edit', ({ id }) => <ProgramEdit key={id} id={id} />, { under: 'trainings', role: 'coordinator' }),
  route('qualificationKinds', 'trainings/kinds', () => <KindsScreen />, { under: 'trainings' }),
  route('kindNew', 'trainings/kinds/new', () => <KindEdit key="new" />, { under: 'trainings', role: 'coordinator' }),
  route('kindEdit', 'trainings/kinds/:id/edit', ({ id }) => <KindEdit key={id} id={id} />, { under: 'trainings', role: 'coordinator' }),
  route('expiring', 'trainings/expiring', ({ query }) => <ExpiringScreen query={query} />, { under: 'trainings', query: EXPIRING_ADDRESS }),
  // Reached from the Volunteers screen's button: the header has no room for it beside Events.
  route('rosterImport', 'roster-import', () => <RosterImportScreen />, { under: 'volunteers' }),
  // The day (check-in and check-out) and the hours ledger belong to the events section.
  route('eventDay', 'events/:id/day', ({ id }) => <DayScreen key={id} eventId={id} />, { under: 'events' }),
  route('hours', 'hours', ({ query }) => <HoursScreen query={query} />, { under: 'events', query: HOURS_ADDRESS }),
  // Logistics: the office's inventory and vehicles (the event's part is on the event screen).
  route('logistics', 'logistics', () => <InventoryScreen />, { under: 'events' }),
  // Certificates: staff verify and read the register; administrators issue, print and revoke. Reached
  // from the roster's header: at 1366 px the header holds no eighth entry in Russian.
  route('certificates', 'certificates', () => <CertificatesScreen />, { under: 'volunteers' }),
  // The certificate keys, a tab of the certificates screen: administrators look after them where they issue.
  route('certificateKeys', 'certificates/keys', () => <KeysScreen />, { under: 'volunteers', role: 'administrator' }),
  // Exchange is a coordinator's work (the core refuses it to staff): one entry, its screens as tabs.
  route('exchange', 'exchange', () => <ExchangeScreen />, { nav: 'exchange.nav', role: 'coordinator' }),
  route('conflicts', 'conflicts', () => <ConflictsScreen />, { under: 'exchange', role: 'coordinator' }),
  route('duplicates', 'duplicates', () => <DuplicatesScreen />, { under: 'exchange', role: 'coordinator' }),
  route('trust', 'trust', () => <TrustScreen />, { under: 'exchange', role: 'coordinator' }),
  route('users', 'users', () => <UsersScreen />, { nav: 'nav.users', role: 'administrator' }),
  route('audit', 'audit', () => <AuditScreen />, { under: 'users', role: 'administrator' }),
  route('office', 'office', () => <OfficeScreen />, { nav: 'nav.office', role: 'administrator' }),
  // Reached from the office settings (the header has no room for another entry at 1366 px).
  route('backups', 'backups', () => <BackupsScreen />, { under: 'office', role: 'administrator' }),
  route('password', 'password', () => <PasswordScreen />),
] as const;
