import { describe, expect, it } from 'vitest';
import { DASHBOARD_FIGURES } from '../../../../shared/contract/reports';
import { hrefFor, parseRoute } from '../../../../renderer/app/router';
import { listBehind } from '../../../../renderer/features/reports/figure-lists';

describe('the list behind each dashboard figure', () => {
  it('is an address its screen reads whole: no filter is dropped on the way (each is a query parameter the route declares)', () => {
    for (const key of DASHBOARD_FIGURES) {
      for (const region of [undefined, 'KZ-75']) {
        const list = listBehind(key, '2026-11-28', region);
        if (list) expect(parseRoute(hrefFor(list)), `${key} ${region ?? ''}`).toEqual(list);
      }
    }
  });

  it('filters to the period the figure counts, from the date it was counted on', () => {
    expect(hrefFor(listBehind('activeVolunteers', '2026-11-28')!)).toBe('#/volunteers?status=active');
    expect(hrefFor(listBehind('newThisMonth', '2026-11-28', 'KZ-75')!)).toBe('#/volunteers?createdFrom=2026-11-01&region=KZ-75');
    expect(hrefFor(listBehind('verifiedHoursMonth', '2026-11-28')!)).toBe('#/hours?from=2026-11-01&to=2026-11-28&verified=1');
    expect(hrefFor(listBehind('verifiedHoursYear', '2026-11-28')!)).toBe('#/hours?from=2026-01-01&to=2026-11-28&verified=1');
    expect(hrefFor(listBehind('entriesWaiting', '2026-11-28')!)).toBe('#/hours?waiting=1');
  });
});
