import type { Io } from './commands';
import { readPassphrase } from './prompt';
import { runCli } from './run';

const io: Io = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  readStdin: async () => {
    if (process.stdin.isTTY) return '';
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  passphrase: readPassphrase,
  terminal: process.stderr.isTTY === true,
};

// `npm run erikti` runs in the repository root; relative paths mean where the user typed them.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
process.exitCode = await runCli(process.argv.slice(2), io);
