import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import type { FileConsent } from '../../../../shared/contract/roster';
import { failure } from '../../../helpers/call-error';
import { ADMIN, officeCore } from '../../../helpers/temp-db';
import { openRoster, utc, xlsx } from './fixtures';

const HEADERS = ['Фамилия', 'Имя', 'Дата рождения', 'Дата согласия'];
const FILE_CONSENT: FileConsent = { basis: 'written', date: '2025-01-10' };

/** An adult without consent, one with her own consent date, and a minor without consent. */
const roster = () =>
  xlsx({
    rows: [
      HEADERS,
      ['Омарова', 'Айжан', utc('1990-05-12'), null],
      ['Бекова', 'Дана', utc('1985-02-01'), utc('2024-03-15')],
      ['Серіков', 'Әли', utc('2015-09-09'), null],
    ],
    formats: { 3: 'dd.mm.yyyy', 4: 'dd.mm.yyyy' },
  });

function importWith(core: Core, bytes: Uint8Array, consent?: FileConsent) {
  const { choice } = openRoster(core, bytes);
  const previewed = core.callAs(ADMIN, 'roster.preview', { ...choice, consent });
  const imported = core.callAs(ADMIN, 'roster.import', { ...choice, consent });
  return { previewed, imported };
}

const consentOf = (core: Core) =>
  Object.fromEntries(
    (core.db.prepare('SELECT last_name, consent_date, consent_basis FROM volunteers WHERE deleted = 0').all() as { last_name: string; consent_date: string | null; consent_basis: string | null }[])
      .map((r) => [r.last_name, [r.consent_date, r.consent_basis]]),
  );
const missing = (core: Core) => core.callAs(ADMIN, 'volunteers.search', { consentMissing: true }).rows.map((r) => r.lastName).sort();

describe('a roster file’s consent, asked once', () => {
  it('is recorded on every person without consent of their own; a minor, who needs a guardian’s, stays “consent missing”', async () => {
    const core = officeCore();
    const { previewed, imported } = importWith(core, await roster(), FILE_CONSENT);
    expect(previewed).toMatchObject({ added: 3, consentFromFile: 1, withoutConsent: 1 });
    expect(imported).toMatchObject({ added: 3, consentFromFile: 1, withoutConsent: 1 });
    expect(consentOf(core)).toEqual({
      Омарова: ['2025-01-10', 'written'],
      Бекова: ['2024-03-15', null],
      Серіков: [null, null],
    });
    expect(missing(core)).toEqual(['Серіков']);
  });

  it('leaves everyone without consent marked “consent missing” when none is given, as the command line does', async () => {
    const core = officeCore();
    const { imported } = importWith(core, await roster());
    expect(imported).toMatchObject({ added: 3, consentFromFile: 0, withoutConsent: 2 });
    expect(missing(core)).toEqual(['Омарова', 'Серіков']);
  });

  it('gives a registered person without consent the file’s consent, and keeps a registered person’s own', async () => {
    const core = officeCore();
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Омарова', firstName: 'Айжан', birthDate: '1990-05-12' });
    core.callAs(ADMIN, 'volunteers.create', { lastName: 'Бекова', firstName: 'Дана', birthDate: '1985-02-01', consentDate: '2023-01-01', consentBasis: 'electronic' });
    const bytes = await xlsx({ rows: [['Фамилия', 'Имя', 'Дата рождения'], ['Омарова', 'Айжан', utc('1990-05-12')], ['Бекова', 'Дана', utc('1985-02-01')]], formats: { 3: 'dd.mm.yyyy' } });
    const { imported } = importWith(core, bytes, FILE_CONSENT);
    expect(imported).toMatchObject({ added: 0, updated: 1, unchanged: 1, consentFromFile: 1 });
    expect(consentOf(core)).toEqual({ Омарова: ['2025-01-10', 'written'], Бекова: ['2023-01-01', 'electronic'] });
  });

  it('refuses a consent date in the future or a basis not on the list', async () => {
    const core = officeCore();
    const { choice } = openRoster(core, await roster());
    const refusal = (consent: unknown) => failure(() => core.callAs(ADMIN, 'roster.preview', { ...choice, consent })).fields?.map((f) => f.key);
    expect(refusal({ basis: 'written', date: '2999-01-01' })).toEqual(['error.futureDate']);
    expect(refusal({ basis: 'verbal', date: '2025-01-10' })).toEqual(['error.choice']);
  });
});
