import type Database from 'better-sqlite3';
import { initial } from './0001-initial';
import { exchange } from './0002-exchange';
import { iinLookups } from './0003-iin-lookups';
import { keyLifecycle } from './0004-key-lifecycle';
import { exchangeMerges } from './0005-exchange-merges';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** In order; the position is the schema version. Never edit a released migration: add one. */
export const MIGRATIONS: Migration[] = [initial, exchange, iinLookups, keyLifecycle, exchangeMerges];
