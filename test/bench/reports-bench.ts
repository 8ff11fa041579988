import { CLI_ACTOR, type Core } from '../../electron/core/app';
import { percentile, round } from './search-bench';

/** Times `fn` `samples` times after a few warm-up runs (the first ones fill the page cache): p50 and p95 in ms. */
function timed(fn: () => void, samples: number): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < samples + 2; i++) {
    const start = performance.now();
    fn();
    if (i >= 2) times.push(performance.now() - start);
  }
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

/**
 * The centre's dashboard (every figure, the per-region columns and freshness; the duplicates count apart) and the `hours`
 * report (by month, region and category) for a seeded year, through the core as the screens call them.
 */
export function benchReports(core: Core, samples = 20): Record<string, number> {
  const dashboard = timed(() => core.callAs(CLI_ACTOR, 'dashboard.office', {}), samples);
  const hours = timed(() => core.callAs(CLI_ACTOR, 'reports.run', { name: 'hours', from: '2025-01-01', to: '2025-12-31' }), samples);
  // The likely-duplicates count is its own call (a scan of every name), asked for after the rest.
  const duplicates = timed(() => core.callAs(CLI_ACTOR, 'dashboard.duplicates', {}), Math.max(3, samples / 4));
  return {
    dashboard_p50_ms: dashboard.p50, dashboard_ms: dashboard.p95, dashboard_duplicates_ms: duplicates.p95,
    report_hours_p50_ms: hours.p50, report_hours_ms: hours.p95,
  };
}
