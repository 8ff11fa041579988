import { parseArgs } from 'node:util';
import { COMMANDS, USAGE, UsageError, type Io } from './commands';
import { describeError } from './messages';
import { forgetPassphrase, preparePassphrase } from './passphrase';

/**
 * The `erikti` command-line tool: the core for coordinators' scripts and acceptance checks.
 * Prints only its own output: JSON on stdout, a one-line reason on stderr and a non-zero exit on failure.
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        db: { type: 'string' }, office: { type: 'string' }, name: { type: 'string' }, json: { type: 'string' },
        login: { type: 'string' }, role: { type: 'string' }, volunteers: { type: 'string' }, hours: { type: 'string' },
        seed: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, out: { type: 'string' },
        to: { type: 'string' }, full: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean' },
        sheet: { type: 'string' }, lang: { type: 'string' }, columns: { type: 'string' }, fingerprint: { type: 'string' },
      },
    });
  } catch (error) {
    io.err(`erikti: ${(error as Error).message}\n`);
    return 2;
  }
  const words = parsed.positionals;
  const two = `${words[0]} ${words[1]}`;
  const [name, rest] = COMMANDS[two] ? [two, words.slice(2)] : [words[0] ?? '', words.slice(1)];
  const command = COMMANDS[name];
  if (parsed.values.help || !command) {
    (parsed.values.help ? io.out : io.err)(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  try {
    await preparePassphrase(name, (ask, confirm) => io.passphrase(ask, confirm));
    await command({ positionals: rest, options: parsed.values }, io);
    return 0;
  } catch (error) {
    io.err(`erikti: ${error instanceof UsageError ? error.message : describeError(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    forgetPassphrase();
  }
}
