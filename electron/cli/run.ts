import { parseArgs, type ParseArgsConfig } from 'node:util';
import { COMMANDS, USAGE, UsageError, type Io } from './commands';
import type { OptionSpec } from './helpers';
import { describeError } from './messages';
import { forgetPassphrase, preparePassphrase } from './passphrase';

type Options = NonNullable<ParseArgsConfig['options']>;

const HELP: Options = { help: { type: 'boolean' } };

function parserOptions(specs: Record<string, OptionSpec>): Options {
  return { ...HELP, ...Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, { type: spec.type }])) };
}

/**
 * Every option some command declares, to find the command's words among the arguments before
 * knowing which command it is (an option's value is not a word of the command).
 */
function anyCommandsOptions(): Options {
  const all: Options = { ...HELP };
  for (const [command, spec] of Object.entries(COMMANDS)) {
    for (const [name, option] of Object.entries(parserOptions(spec.options))) {
      if (all[name] && all[name].type !== option.type) throw new Error(`--${name} of ${command} is a ${option.type}, elsewhere a ${all[name].type}`);
      all[name] = option;
    }
  }
  return all;
}

const parse = (args: string[], options: Options) => parseArgs({ args, allowPositionals: true, strict: true, options });

/**
 * The `erikti` command-line tool: the core for coordinators' scripts and acceptance checks.
 * Prints only its own output: JSON on stdout, a one-line reason on stderr and a non-zero exit on failure.
 */
export async function runCli(argv: string[], io: Io): Promise<number> {
  let parsed;
  let name: string;
  try {
    parsed = parse(argv, anyCommandsOptions());
    const words = parsed.positionals;
    // The longest command the first words name: `trainings kind add`, `trainings kinds`, `qualifications`.
    name = [3, 2, 1].map((n) => words.slice(0, n).join(' ')).find((candidate) => COMMANDS[candidate]) ?? '';
    const spec = COMMANDS[name];
    // A command accepts only the options it declares.
    if (spec) parsed = parse(argv, parserOptions(spec.options));
  } catch (error) {
    io.err(`erikti: ${(error as Error).message}\n`);
    return 2;
  }
  const command = COMMANDS[name];
  if (parsed.values.help || !command) {
    (parsed.values.help ? io.out : io.err)(`${USAGE}\n`);
    return parsed.values.help ? 0 : 2;
  }
  try {
    await preparePassphrase({ needed: command.privateKeys === true, choosing: name === 'init' }, (ask, confirm) => io.passphrase(ask, confirm));
    const positionals = parsed.positionals.slice(name.split(' ').length);
    await command.run({ positionals, options: parsed.values as Record<string, string | boolean | undefined> }, io);
    return 0;
  } catch (error) {
    io.err(`erikti: ${error instanceof UsageError ? error.message : describeError(error)}\n`);
    return error instanceof UsageError ? 2 : 1;
  } finally {
    forgetPassphrase();
  }
}
