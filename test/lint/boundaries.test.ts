import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own eslint.config.js, run on small code strings placed at virtual paths.
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '${from}';\nexport const y = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('boundary lint rules', () => {
  it.each([
    ['renderer/features/exchange/Example.tsx', '../roster-import/files', 'features do not import each other'],
    ['renderer/features/exchange/Example.tsx', '../../features/volunteers/roster-store', 'features do not import each other'],
    ['electron/core/db/example.ts', '../office/fingerprint', 'import no domain'],
    ['electron/core/db/example.ts', '../app', 'import no domain'],
    ['electron/core/db/migrations/0999-example.ts', '../../volunteers/handlers', 'import no domain'],
    ['electron/core/replication/example.ts', '../organisations/handlers', 'import no domain'],
    ['electron/core/spreadsheet/example.ts', '../roster/text', 'imports no other part of the core'],
    ['electron/core/spreadsheet/example.ts', '../db/connection', 'imports no other part of the core'],
    ['electron/core/replication/example.ts', '../volunteers/duplicates', 'import no domain'],
    ['electron/core/roster/in-process.ts', '../app', 'does not import app.ts'],
    ['electron/core/seed/deeper/example.ts', '../../app', 'does not import app.ts'],
    ['electron/core/roster/handlers.ts', '../volunteers/handlers', 'another domain’s handlers'],
    ['electron/core/exchange/example.ts', '../audit/handlers', 'another domain’s handlers'],
    ['electron/core/office/example.ts', '../../core/auth/handlers', 'another domain’s handlers'],
    ['electron/core/context.ts', './auth/sessions', 'context.ts imports no domain'],
    ['electron/core/context.ts', './app', 'context.ts imports no domain'],
  ])('%s may not import %s', async (filePath, from, reason) => {
    const messages = await restrictedImports(filePath, from);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(reason);
  });

  it.each([
    ['renderer/features/exchange/Example.tsx', './values'],
    ['renderer/features/exchange/Example.tsx', '../../app/files'],
    ['renderer/features/exchange/Example.tsx', '../../ui/useLoad'],
    ['renderer/features/exchange/Example.tsx', '../../../shared/contract/errors'],
    ['electron/core/db/example.ts', './connection'],
    ['electron/core/db/example.ts', '../replication/hlc'],
    ['electron/core/db/example.ts', '../../../shared/contract/errors'],
    ['electron/core/db/migrations/0999-example.ts', './index'],
    ['electron/core/db/migrations/0999-example.ts', '../connection'],
    ['electron/core/replication/example.ts', '../db/connection'],
    ['electron/core/volunteers/example.ts', '../db/connection'],
    ['electron/core/exchange/example.ts', '../volunteers/columns'],
    ['electron/core/spreadsheet/example.ts', './sheet'],
    ['electron/core/spreadsheet/example.ts', '../../../shared/contract/errors'],
    ['electron/core/roster/example.ts', '../spreadsheet/write'],
    ['electron/core/roster/example.ts', '../volunteers/iin-lookups'],
    ['electron/core/roster/example.ts', '../context'],
    ['electron/core/roster/example.ts', './handlers'],
    ['electron/core/volunteers/example.ts', '../replication/merges'],
    ['electron/core/exchange/example.ts', '../office/keys'],
    ['electron/core/context.ts', './replication/write'],
    ['electron/core/context.ts', '../../shared/contract'],
    ['electron/core/app.ts', './volunteers/handlers'],
  ])('%s may import %s', async (filePath, from) => {
    expect(await restrictedImports(filePath, from)).toEqual([]);
  });

  it('keeps the older runtime rules in the narrower folders', async () => {
    expect(await restrictedImports('electron/core/db/example.ts', 'electron')).toHaveLength(1);
    expect(await restrictedImports('renderer/features/exchange/Example.tsx', 'node:fs')).toHaveLength(1);
  });

  it('finds every handler map where the rule looks for one: in a file named …handlers.ts', () => {
    const core = join(process.cwd(), 'electron/core');
    const elsewhere = (readdirSync(core, { recursive: true }) as string[])
      .filter((file) => file.endsWith('.ts') && !file.endsWith('handlers.ts'))
      .filter((file) => /export const \w+: HandlerMap</.test(readFileSync(join(core, file), 'utf8')));
    expect(elsewhere).toEqual([]);
  });
});
