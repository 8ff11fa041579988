import type Database from 'better-sqlite3';
import { initial } from './0001-initial';
import { exchange } from './0002-exchange';
import { exchangeReports } from './0005-exchange-reports';

export interface Migration {
  name: string;
  up(db: Database.Database): void;
}

/** In order; the position is the schema version. Never edit a released migration: add one. */
export const MIGRATIONS: Migration[] = [initial, exchange, exchangeReports];
