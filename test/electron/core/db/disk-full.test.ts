import { describe, expect, it } from 'vitest';
import { signedInOffice } from '../../../helpers/temp-db';

describe('a full disk', () => {
  it('refuses the write with a clear key and keeps what was saved before', () => {
    const { core, session } = signedInOffice();
    const saved = core.call('volunteers.create', { lastName: 'Сақталған', firstName: 'Бірінші' }, session);
    expect(saved.ok).toBe(true);
    // max_page_count makes SQLite answer SQLITE_FULL exactly as a full disk would.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    let result = core.call('volunteers.create', { lastName: 'Екінші', firstName: 'Адам', notes: 'x'.repeat(1900) }, session);
    for (let i = 0; i < 200 && result.ok; i++) {
      result = core.call('volunteers.create', { lastName: 'Екінші', firstName: 'Адам', notes: 'x'.repeat(1900) }, session);
    }
    expect(result).toEqual({ ok: false, error: { code: 'unavailable', key: 'error.diskFull' } });
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const search = core.call('volunteers.search', { text: 'сақталған' }, session);
    expect(search).toMatchObject({ ok: true, value: { total: 1 } });
  });
});
