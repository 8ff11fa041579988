import { describe, expect, it } from 'vitest';
import type { ProgressReport } from '../../../shared/contract';
import { progressReporter } from '../../../electron/core/progress';

describe('progress of a long call', () => {
  it('passes on every phase boundary and at most one report per 100 ms in between', () => {
    let now = 0;
    const reports: ProgressReport[] = [];
    const progress = progressReporter({ onProgress: (r) => reports.push(r) }, () => now);
    progress('reading', 0, 10);
    for (let i = 1; i < 10; i += 1) {
      now += 30;
      progress('reading', i, 10);
    }
    progress('reading', 10, 10);
    progress('writing', 0, 5);
    expect(reports.map((r) => `${r.phase}:${r.done}`)).toEqual(['reading:0', 'reading:4', 'reading:8', 'reading:10', 'writing:0']);
  });

  it('stops a cancelled call with the cancelled error at the next progress point', () => {
    let cancelled = false;
    const progress = progressReporter({ isCancelled: () => cancelled });
    expect(() => progress('writing', 1, 3)).not.toThrow();
    cancelled = true;
    expect(() => progress('writing', 2, 3)).toThrow(expect.objectContaining({ code: 'cancelled', key: 'error.cancelled' }));
  });

  it('never reports more done than total', () => {
    const reports: ProgressReport[] = [];
    progressReporter({ onProgress: (r) => reports.push(r) })('checking', 12, 10);
    expect(reports).toEqual([{ phase: 'checking', done: 10, total: 10 }]);
  });
});
