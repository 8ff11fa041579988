import type { DashboardFigure } from '../../../shared/contract/reports';
import type { Route } from '../../app/router';

/**
 * The list behind each dashboard figure, filtered to what the figure counts on the day it was
 * counted (`on`, Kazakhstan's date), so the list's count is the figure where the list shows one.
 * With a region (the centre's per-region table) the list is that region's, where it filters by
 * region; null where it does not.
 */
export function listBehind(key: DashboardFigure, on: string, region?: string): Route | null {
  const monthStart = `${on.slice(0, 7)}-01`;
  const yearStart = `${on.slice(0, 4)}-01-01`;
  const inRegion = region ? { region } : {};
  const lists: Record<DashboardFigure, Route | null> = {
    activeVolunteers: { name: 'volunteers', query: { status: 'active', ...inRegion } },
    newThisMonth: { name: 'volunteers', query: { createdFrom: monthStart, ...inRegion } },
    verifiedHoursMonth: region ? null : { name: 'hours', query: { from: monthStart, to: on, verified: '1' } },
    verifiedHoursYear: region ? null : { name: 'hours', query: { from: yearStart, to: on, verified: '1' } },
    unverifiedHours: region ? null : { name: 'hours', query: { waiting: '1' } },
    entriesWaiting: region ? null : { name: 'hours', query: { waiting: '1' } },
    // Sessions are the office's, not a region's; the passes are counted on the sessions held.
    trainingsHeld: region ? null : { name: 'trainings', query: { heldSince: yearStart } },
    trainingsPassed: region ? null : { name: 'trainings', query: { heldSince: yearStart } },
    upcomingEvents: { name: 'events', query: { upcoming: '1', ...inRegion } },
    staffingGaps: { name: 'events', query: { understaffed: '1', ...inRegion } },
    // 30 days is the list's first window; those already in grace are not counted.
    expiringQualifications: region ? null : { name: 'expiring', query: { grace: '0' } },
    openConflicts: region ? null : { name: 'conflicts' },
    likelyDuplicates: region ? null : { name: 'duplicates' },
  };
  return lists[key];
}
