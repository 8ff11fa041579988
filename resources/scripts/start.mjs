// `npm start`: runs Erikti. The Electron app where Electron's binary is present; otherwise the
// same app in the browser through the web host, with its URL printed.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron'); // the package's main export is the binary's path
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null; // the package throws when its binary was never downloaded
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
