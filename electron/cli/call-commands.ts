import { z } from 'zod';
import { CALL_NAMES, contract, isCallName, type CallName } from '../../shared/contract';
import { CLI_ACTOR } from '../core/app';
import { DB, json, parseJson, UsageError, withOffice, type Commands, type Parsed } from './helpers';
import { withProgress } from './progress-line';

/**
 * `erikti call NAME [--json INPUT]` runs any call of the contract as the office administrator
 * (CLI_ACTOR), the same path the screens take, and `erikti calls` lists them with their input as
 * JSON Schema: scripts reach everything the screens can.
 */

/** Calls that cannot work from a one-shot command, and what to do instead. */
const NOT_FROM_THE_COMMAND_LINE: Partial<Record<CallName, string>> = {
  'auth.signIn': 'the command line acts as the office administrator and has no session to sign in to',
  'auth.signOut': 'the command line acts as the office administrator and has no session to sign out of',
  'auth.me': 'the command line acts as the office administrator, who is no user of the office',
  'auth.changePassword': 'the command line has no user whose password to change: use users.update',
  // An uploaded roster lives in the memory of the process that received it, and every `erikti call` is a new process.
  'roster.upload': 'an uploaded file lives only as long as one command: use erikti roster import',
  'roster.inspect': 'an uploaded file lives only as long as one command: use erikti roster import',
  'roster.preview': 'an uploaded file lives only as long as one command: use erikti roster import --dry-run',
  'roster.import': 'an uploaded file lives only as long as one command: use erikti roster import',
  'roster.problemRows': 'an uploaded file lives only as long as one command: use erikti roster import',
  'roster.discard': 'an uploaded file lives only as long as one command: there is nothing to discard',
};

/** Why a call is refused from the command line, or null when it may run. */
export function refusedFromCli(name: CallName): string | null {
  return NOT_FROM_THE_COMMAND_LINE[name] ?? null;
}

export interface InputSchema {
  /** The call's input as JSON Schema (draft 2020-12); null only if zod could not describe it at all. */
  schema: Record<string, unknown> | null;
  /** Set when part of the input has no JSON Schema form (a date, a refinement): that part accepts anything here, the call still checks it. */
  incomplete?: string;
}

/** A call's input as JSON Schema, as a caller writes it (defaults optional); never throws. */
export function inputSchema(schema: z.ZodType): InputSchema {
  try {
    return { schema: z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown> };
  } catch (strict) {
    const incomplete = strict instanceof Error ? strict.message : String(strict);
    try {
      return { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>, incomplete };
    } catch {
      return { schema: null, incomplete };
    }
  }
}

/** Every call with its minimum role, whether it writes and is long, and its input. */
export function describeCalls() {
  return CALL_NAMES.map((name) => {
    const spec = contract[name];
    const { schema, incomplete } = inputSchema(spec.input);
    const refused = refusedFromCli(name);
    return {
      name,
      access: spec.access,
      writes: spec.writes,
      long: spec.long === true,
      input: schema,
      ...(incomplete ? { inputIncomplete: incomplete } : {}),
      ...(refused ? { notFromCommandLine: refused } : {}),
    };
  });
}

async function inputOf(options: Parsed['options'], readStdin: () => Promise<string>): Promise<unknown> {
  const given = options.json;
  if (given === undefined) return {};
  if (typeof given !== 'string') throw new UsageError('--json needs the input as JSON');
  return parseJson(given === '-' ? await readStdin() : given);
}

export const callCommands: Commands = {
  call: {
    options: { ...DB, json: { type: 'string', value: 'INPUT|-' } },
    args: 'NAME',
    note: 'any call of `erikti calls`, as the office administrator; --json - reads the input from stdin',
    run: async ({ options, positionals }, io) => {
      const [name, ...extra] = positionals;
      if (!name || extra.length > 0) throw new UsageError('call needs one call name: erikti call --db FILE NAME [--json INPUT] (see erikti calls)');
      if (!isCallName(name)) throw new UsageError(`no call ${name} (see erikti calls)`);
      const refused = refusedFromCli(name);
      if (refused) throw new UsageError(`${name} cannot run from the command line: ${refused}`);
      const input = await inputOf(options, () => io.readStdin());
      withOffice(options, (core) => {
        const run = (control = {}) => core.callAs(CLI_ACTOR, name, input, control);
        const value = contract[name].long ? withProgress(io, run) : run();
        io.out(json(value ?? null));
      });
    },
  },

  calls: {
    options: {},
    note: 'every call: minimum role, writes, long, input as JSON Schema',
    run: (_args, io) => io.out(json(describeCalls())),
  },
};
