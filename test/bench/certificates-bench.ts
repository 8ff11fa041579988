import type { Core } from '../../electron/core/app';
import { CLI_ACTOR } from '../../electron/core/app';
import { round } from './search-bench';

/**
 * `certificates_1000_s` and `certificates_1000_mb`: 1,000 certificates of volunteer service issued
 * as one batch into one PDF (numbering, signing, the register and the printing, in one call), in
 * the seeded national office. The people get 20 verified hours each in a year the seed leaves empty.
 */
export function benchCertificates(core: Core): Record<string, number> {
  const year = 2020;
  const people = core.db.prepare('SELECT id FROM volunteers WHERE deleted = 0 ORDER BY id LIMIT 1000').pluck().all() as string[];
  for (const volunteerId of people) core.callAs(CLI_ACTOR, 'hours.add', { volunteerId, date: `${year}-01-10`, hours: 20, category: 'flood', verified: true });
  const start = performance.now();
  const cpu = process.cpuUsage();
  const batch = core.callAs(CLI_ACTOR, 'certificates.batch', { kind: 'service', year, minHours: 20 });
  const seconds = (performance.now() - start) / 1000;
  // CPU time too: on a shared machine the wall time says more about the neighbours than about the batch.
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  return {
    certificates_1000_s: round(seconds, 1),
    certificates_1000_cpu_s: round(cpuSeconds, 1),
    certificates_1000_mb: round(Buffer.from(batch.file!.base64, 'base64').length / 1e6, 2),
    certificates_issued: batch.certificates.length,
  };
}
