import { describe, expect, it } from 'vitest';
import { isoDate } from '../../../shared/domain/text';

const problem = (value: string) => {
  const parsed = isoDate.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('dates as the forms and the core read them', () => {
  it('tells a date that is not in the calendar from text that is not a date at all', () => {
    expect(problem('2030-02-28')).toBeNull();
    expect(problem('2028-02-29')).toBeNull();
    expect(problem('2030-02-31')).toBe('error.noSuchDate');
    expect(problem('2030-13-01')).toBe('error.noSuchDate');
    expect(problem('31.02.2030')).toBe('error.date');
    expect(problem('завтра')).toBe('error.date');
  });
});
