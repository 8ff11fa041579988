import { backupsCommands } from './backups-commands';
import { auditCommands } from './audit-commands';
import { callCommands } from './call-commands';
import { certificatesCommands } from './certificates-commands';
import { eventsCommands } from './events-commands';
import { exchangeCommands } from './exchange-commands';
import { usage, type Commands } from './helpers';
import { keysCommands } from './keys-commands';
import { logisticsCommands } from './logistics-commands';
import { officeCommands } from './office-commands';
import { reportsCommands } from './reports-commands';
import { rosterCommands } from './roster-commands';
import { trainingsCommands } from './trainings-commands';
import { volunteersCommands } from './volunteers-commands';

export { UsageError, type CommandSpec, type Io, type Parsed } from './helpers';

/** Every command of `erikti`, one line per domain; the usage text follows this order. */
export const COMMANDS: Commands = {
  ...officeCommands,
  ...volunteersCommands,
  ...rosterCommands,
  ...keysCommands,
  ...exchangeCommands,
  ...trainingsCommands,
  ...eventsCommands,
  ...logisticsCommands,
  ...certificatesCommands,
  ...backupsCommands,
  ...auditCommands,
  ...reportsCommands,
  ...callCommands,
};

export const USAGE = usage(COMMANDS);
