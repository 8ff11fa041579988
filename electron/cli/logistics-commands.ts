import { CallError } from '../../shared/contract/errors';
import { CLI_ACTOR } from '../core/app';
import { DB, langOption, positional, json, need, parseJson, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { outPath, writeOutFile } from './out-file';

/**
 * `erikti inventory …`, `erikti events allocate` and `erikti events roster`: the office's stock,
 * allocating it to events and printing an event's roster. JSON on stdout.
 */

const text = (options: Parsed['options'], name: string) => (typeof options[name] === 'string' ? options[name] : undefined);

function quantityOption(options: Parsed['options']): number {
  const quantity = Number(need(options, 'quantity'));
  if (need(options, 'quantity').trim() === '' || !Number.isFinite(quantity)) throw new UsageError('--quantity must be a number');
  return quantity;
}

export const logisticsCommands: Commands = {
  inventory: {
    options: { ...DB, on: { type: 'string', value: 'YYYY-MM-DD' } },
    note: 'on hand, allocated and free per item',
    run: ({ options }, io) => withOffice(options, (core) => io.out(json(core.callAs(CLI_ACTOR, 'inventory.list', { on: text(options, 'on') })))),
  },
  'inventory add': {
    options: { ...DB, json: { type: 'string', value: "'{...}'", required: true } },
    run: ({ options }, io) =>
      withOffice(options, (core) => io.out(json({ id: core.callAs(CLI_ACTOR, 'inventory.add', parseJson(need(options, 'json')) as never).id }))),
  },
  'events allocate': {
    options: { ...DB, quantity: { type: 'string', value: 'N', required: true } },
    args: 'EVENT ITEM',
    note: 'a shortage exits 1 with {"reason":"shortage","free":N}',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const eventId = positional(args, 0, 'event ID', 'events allocate');
        const itemId = positional(args, 1, 'item ID', 'events allocate');
        try {
          io.out(json(core.callAs(CLI_ACTOR, 'logistics.allocate', { eventId, itemId, quantity: quantityOption(args.options) })));
        } catch (error) {
          if (error instanceof CallError && error.key === 'error.logistics.shortage') io.out(json({ reason: 'shortage', free: error.params?.free ?? 0 }));
          throw error;
        }
      }),
  },
  'events roster': {
    options: { ...DB, out: { type: 'string', value: 'FILE.pdf', required: true }, lang: { type: 'string', value: 'kk|ru|en' } },
    args: 'EVENT',
    note: 'the printed roster with the return sheet',
    run: (args, io) =>
      withOffice(args.options, (core) => {
        const id = positional(args, 0, 'event ID', 'events roster');
        const out = outPath(need(args.options, 'out'));
        const result = core.callAs(CLI_ACTOR, 'logistics.roster', { id, lang: langOption(args.options, 'ru') });
        writeOutFile(out, Buffer.from(result.base64, 'base64'));
        io.out(json({ out, pages: result.pages }));
      }),
  },
};
