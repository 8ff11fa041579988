import { describe, expect, it } from 'vitest';
import { isDefaultOfficeName, isOfficeCode, OFFICE_CODES, officeName, regionName } from '../../../shared/domain/regions';

describe('regions and office names', () => {
  it('knows the 20 regional offices and the state front office, named in three languages', () => {
    expect(OFFICE_CODES).toHaveLength(21);
    expect(isOfficeCode('KZ-75')).toBe(true);
    expect(isOfficeCode('KZ-99')).toBe(false);
    expect(regionName('KZ-71', 'kk')).toBe('Астана қаласы');
  });

  it("shows a default office name in the reader's language and a given one as given", () => {
    expect(officeName('KZ-75', 'город Алматы', 'kk')).toBe('Алматы қаласы');
    expect(officeName('KZ-75', null, 'en')).toBe('Almaty');
    expect(officeName('KZ-75', 'Алматинский фронт-офис', 'kk')).toBe('Алматинский фронт-офис');
  });

  it('knows an office with no name of its own, whichever language set it up', () => {
    for (const name of [null, '', '  ', 'город Алматы', 'Город Алматы', 'Алматы қаласы', 'Almaty']) expect(isDefaultOfficeName('KZ-75', name), String(name)).toBe(true);
    expect(isDefaultOfficeName('KZ-75', 'Город Астана')).toBe(false);
    expect(isDefaultOfficeName('KZ-75', 'Алматинский фронт-офис')).toBe(false);
  });
});
