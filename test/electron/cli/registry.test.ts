import { describe, expect, it } from 'vitest';
import { COMMANDS, type Io } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => void (stdout += t), err: (t) => void (stderr += t), readStdin: async () => '', passphrase: async () => null };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe('erikti command registry', () => {
  it('--help lists every command with the options it declares', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    const lines = help.stdout.trimEnd().split('\n').slice(1);
    // A command's name is followed by its options, or (without any) by its note or nothing.
    const names = (l: string) => Object.keys(COMMANDS).find((name) => l.startsWith(`  ${name} --`) || l.startsWith(`  ${name}   (`) || l === `  ${name}`);
    expect(lines.map(names)).toEqual(Object.keys(COMMANDS));
    expect(help.stdout).toContain('  call --db FILE [--json INPUT|-] NAME');
    expect(help.stdout).toContain('  calls   (every call');
    expect(help.stdout).toContain('  seed --db FILE --volunteers N [--hours M] [--seed S]\n');
    expect(help.stdout).toContain('  export --db FILE --out BUNDLE [--to CODE] [--full]   (default recipient: the centre KZ)\n');
  });

  it('a command refuses an option only another command declares', async () => {
    const r = await cli(['dump', '--db', 'x.sqlite', '--fingerprint', 'AB']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^erikti: Unknown option '--fingerprint'/);
    expect(r.stdout).toBe('');
  });

  it('an unknown command prints the usage on stderr', async () => {
    const r = await cli(['nonsense', '--db', 'x.sqlite']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^usage: erikti/);
  });
});
