import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../../electron/core/app';
import { readMeta } from '../../../../electron/core/office/identity';
import { formatHlc, parseHlc } from '../../../../electron/core/replication/hlc';
import { testCore } from '../../../helpers/core-options';
import { ADMIN, officeCore, tempDir } from '../../../helpers/temp-db';
import { exportTo, importInto, trust } from '../exchange/helpers';

const baseOf = (core: Core, id: string) =>
  core.db.prepare("SELECT base FROM row_clock WHERE tbl = 'volunteers' AND row_id = ?").pluck().get(id) as string;

describe('the replication clock across processes', () => {
  it('never goes backwards: a second process on the same file moves past a newer clock another stored', () => {
    const file = path.join(tempDir(), 'office.sqlite');
    const host = officeCore('KZ', file); // the web host, running all along
    const cli = testCore(file); // the CLI importing into the same file
    const ahead = officeCore('KZ-75'); // an office whose PC's date is a month ahead
    trust(host, ahead);
    trust(ahead, host);
    try {
      host.callAs(ADMIN, 'volunteers.create', { lastName: 'Ранний', firstName: 'Хост' }); // the host's clock is in memory now

      const aheadMs = Date.now() + 30 * 24 * 60 * 60 * 1000; // far ahead, within what an import accepts
      const future = formatHlc({ ms: aheadMs, counter: 5, replica: 'KZ-75~future' });
      ahead.db.prepare("UPDATE meta SET value = ? WHERE key = 'hlc'").run(future);
      ahead.callAs(ADMIN, 'volunteers.create', { lastName: 'Будущий', firstName: 'Человек' });
      importInto(cli, exportTo(ahead, 'KZ'));
      const imported = readMeta(cli.db, 'hlc')!;
      expect(parseHlc(imported).ms).toBe(aheadMs);

      const { id } = host.callAs(ADMIN, 'volunteers.create', { lastName: 'Поздний', firstName: 'Хост' });
      expect(baseOf(host, id) > imported).toBe(true);
      expect(readMeta(host.db, 'hlc')! >= baseOf(host, id)).toBe(true);

      // And back: the CLI, whose clock was loaded before, moves past what the host stored since.
      const { id: later } = cli.callAs(ADMIN, 'volunteers.create', { lastName: 'Ещё', firstName: 'Позже' });
      expect(baseOf(cli, later) > baseOf(host, id)).toBe(true);
    } finally {
      cli.close();
    }
  });
});
