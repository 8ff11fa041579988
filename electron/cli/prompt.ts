import { createInterface } from 'node:readline';

/**
 * Asks on the terminal without echoing what is typed (a passphrase); null when there is no
 * terminal to ask on. Shared by the command-line tool and the web host, which both run in one.
 */
export async function askHidden(question: string): Promise<string | null> {
  if (!process.stdin.isTTY || !process.stderr.isTTY) return null;
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  // readline echoes through this method; print the question only, never the keystrokes.
  (rl as unknown as { _writeToOutput(text: string): void })._writeToOutput = (text) => {
    if (text.startsWith(question)) process.stderr.write(question);
  };
  try {
    return await new Promise<string>((resolve) => rl.question(question, resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/**
 * The administrator passphrase: ERIKTI_PASSPHRASE, else (when `ask`) typed on the terminal, twice
 * when it is being chosen. Null when there is neither.
 */
export async function readPassphrase(ask: boolean, confirm: boolean): Promise<string | null> {
  const fromEnv = process.env.ERIKTI_PASSPHRASE;
  if (fromEnv) return fromEnv;
  if (!ask) return null;
  const first = await askHidden('Administrator passphrase: ');
  if (!first || !confirm) return first || null;
  const again = await askHidden('The same passphrase again: ');
  if (again !== first) throw new Error('The two passphrases differ; nothing was done');
  return first;
}
