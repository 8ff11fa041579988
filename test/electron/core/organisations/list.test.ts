import { describe, expect, it } from 'vitest';
import { CLI_ACTOR } from '../../../../electron/core/app';
import { officeCore } from '../../../helpers/temp-db';

describe('the list of organisations', () => {
  it('sorts names as people read them: numbers by value, Kazakh letters in place, case aside', () => {
    const core = officeCore();
    for (const name of ['Школа №163', 'школа №23', 'Әлем қоры', 'Школа №3', 'Абай атындағы қор', 'Ұлан']) {
      core.callAs(CLI_ACTOR, 'organisations.create', { name, type: 'association' });
    }
    expect(core.callAs(CLI_ACTOR, 'organisations.list', {}).map((o) => o.name)).toEqual(['Абай атындағы қор', 'Әлем қоры', 'Ұлан', 'Школа №3', 'школа №23', 'Школа №163']);
  });
});
