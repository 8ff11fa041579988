import { initial } from './0001-initial';
import { exchange } from './0002-exchange';
import { iinLookups } from './0003-iin-lookups';
import { keyLifecycle } from './0004-key-lifecycle';
import { exchangeMerges } from './0005-exchange-merges';
import { erasableSearch } from './0006-erasable-search';
import { exchangeReports } from './0007-exchange-reports';
import type { Migration } from './migration';
import { trainings } from './0008-trainings';
import { events } from './0009-events';
import { certificates } from './0010-certificates';
import { auditLog } from './0011-audit-log';
import { savedViews } from './0012-saved-views';
import { attachments } from './0013-attachments';
import { recordHistory } from './0014-record-history';
import { reports } from './0015-reports';
import { logistics } from './0016-logistics';
import { hourMonthTotals } from './0017-hour-month-totals';
import { dashboardIndexes } from './0018-dashboard-indexes';
import { signInAttempts } from './0019-sign-in-attempts';
import { duplicateKeys } from './0020-duplicate-keys';

/** In order; the position is the schema version. Never edit a released migration: add one. */
export const MIGRATIONS: Migration[] = [initial, exchange, iinLookups, keyLifecycle, exchangeMerges, erasableSearch, exchangeReports, trainings, events, certificates, auditLog, savedViews, attachments, recordHistory, reports, logistics, hourMonthTotals, dashboardIndexes, signInAttempts, duplicateKeys];
