import { describe, expect, it } from 'vitest';
import { formatTimeLeft, nextClock, secondsLeft } from '../../../renderer/ui/progress-estimate';
import type { ProgressReport } from '../../../shared/contract';

const writing = (done: number, total = 1000): ProgressReport => ({ phase: 'writing', done, total });

describe('the time left of a long call', () => {
  it('says nothing until a second has passed and 2 % is done, then extrapolates the phase’s rate', () => {
    let clock = nextClock(null, writing(0), 0);
    expect(secondsLeft(clock, writing(100), 900)).toBeNull(); // under a second
    clock = nextClock(clock, writing(10), 1500);
    expect(secondsLeft(clock, writing(10), 1500)).toBeNull(); // 1 % done
    clock = nextClock(clock, writing(250), 2000);
    expect(clock.startedAt).toBe(0);
    expect(secondsLeft(clock, writing(250), 2000)).toBeCloseTo(6); // 250 in 2 s → 750 in 6 s
  });

  it('starts again at each phase, counting from where the phase was first seen', () => {
    let clock = nextClock(null, writing(0), 0);
    clock = nextClock(clock, { phase: 'rendering', done: 100, total: 200 }, 5000);
    expect(clock).toEqual({ phase: 'rendering', startedAt: 5000, startDone: 100 });
    expect(secondsLeft(clock, { phase: 'rendering', done: 100, total: 200 }, 7000)).toBeNull(); // nothing done since
    expect(secondsLeft(clock, { phase: 'rendering', done: 150, total: 200 }, 7000)).toBeCloseTo(2);
    expect(secondsLeft(clock, writing(500), 7000)).toBeNull(); // a report of another phase than the clock's
  });

  it('has no estimate without a total (a queued call waits for an unknown time)', () => {
    const clock = nextClock(null, { phase: 'waiting', done: 0, total: 0 }, 0);
    expect(secondsLeft(clock, { phase: 'waiting', done: 0, total: 0 }, 10_000)).toBeNull();
  });

  it('words the time as people say it, in each language', () => {
    expect(formatTimeLeft(2, 'en')).toBe('5 seconds');
    expect(formatTimeLeft(41, 'en')).toBe('45 seconds');
    expect(formatTimeLeft(61, 'en')).toBe('2 minutes');
    expect(formatTimeLeft(61, 'ru')).toBe('2 минуты');
    expect(formatTimeLeft(300, 'kk')).toBe('5 минут');
    expect(formatTimeLeft(3 * 3600, 'en')).toBe('3 hours');
  });
});
