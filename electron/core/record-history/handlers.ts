import { CallError } from '../../../shared/contract';
import type { HandlerMap } from '../context';
import { canReadIin } from '../volunteers/iin-lookups';
import { recordHistoryPage } from './history';

export const recordHistoryHandlers: HandlerMap<'history.record'> = {
  'history.record': ({ table, id, offset, limit }, ctx) => {
    const page = recordHistoryPage(ctx.db, table, id, { offset, limit }, canReadIin(ctx));
    if (!page) throw new CallError({ code: 'notFound', key: 'error.notFound' }, `No ${table} record ${id}`);
    return page;
  },
};
