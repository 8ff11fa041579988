// `npm start`: runs Erikti. The Electron app where Electron's binary is present; otherwise the
// same app in the browser through the web host, with its URL printed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** Electron's binary when it is installed; never triggers the package's download on demand. */
function electronBinary() {
  try {
    const packageDir = path.dirname(require.resolve('electron/package.json'));
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (binary && process.env.ERIKTI_WEB !== '1') {
  spawn(binary, ['.'], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
} else {
  const dataDir = path.join(os.homedir(), '.erikti');
  mkdirSync(dataDir, { recursive: true });
  const db = process.env.ERIKTI_DB ?? path.join(dataDir, 'erikti.sqlite');
  const port = process.env.ERIKTI_PORT ?? '5180';
  console.log(`Electron's binary is not installed here: serving Erikti in the browser (database ${db}).`);
  spawn(process.execPath, ['dist/host/web.js', '--db', db, '--port', port], { stdio: 'inherit' }).on('exit', (code) => process.exit(code ?? 0));
}
