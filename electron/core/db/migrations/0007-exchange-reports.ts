import type { Migration } from './migration';

/**
 * What an applied bundle did, record by record (see exchange/report.ts), kept with its history
 * entry so a coordinator can open the bundle's row later and print it. Office-local; null for
 * exports and for imports made before this version.
 */
export const exchangeReports: Migration = {
  name: 'exchange-reports',
  up(db) {
    db.exec('ALTER TABLE exchange_history ADD COLUMN report TEXT');
  },
};
