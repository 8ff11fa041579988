import { describe, expect, it } from 'vitest';
import { nextClock, secondsLeft, timeLeftText } from '../../../renderer/ui/progress-estimate';
import { translate } from '../../../shared/i18n/translate';
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
    const say = (seconds: number, lang: 'kk' | 'ru' | 'en') => {
      const { key, count } = timeLeftText(seconds);
      return translate(lang, 'progress.left', { time: translate(lang, key, { count }) });
    };
    expect(say(2, 'en')).toBe('about 5 seconds left');
    expect(say(41, 'en')).toBe('about 45 seconds left');
    expect(say(61, 'en')).toBe('about 2 minutes left');
    expect(say(61, 'ru')).toBe('осталось примерно 2 минуты');
    expect(say(20, 'ru')).toBe('осталось примерно 20 секунд');
    expect(say(300, 'kk')).toBe('шамамен 5 минут қалды');
    expect(say(3 * 3600, 'kk')).toBe('шамамен 3 сағат қалды');
    expect(say(3 * 3600, 'en')).toBe('about 3 hours left');
  });
});
