import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dump } from '../../../../electron/core/dump/dump';
import { startHost, type RunningHost } from '../../../../electron/host/server';
import { signedInOffice, tempDir } from '../../../helpers/temp-db';

const hosts: RunningHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

/** An office behind its own web host, with an administrator signed in; calls go over HTTP. */
async function officeHost(code: string) {
  const rendererDir = path.join(tempDir(), 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Erikti</title>');
  const { core, session } = signedInOffice(code);
  const host = await startHost({ core, rendererDir, port: 0 });
  hosts.push(host);
  const call = async <T = unknown>(name: string, input: unknown): Promise<T> => {
    const res = await fetch(`http://127.0.0.1:${host.port}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-erikti-token': host.token },
      body: JSON.stringify({ input, session }),
    });
    const envelope = (await res.json()) as { ok: boolean; value?: T; error?: unknown };
    if (!envelope.ok) throw new Error(`${name}: ${JSON.stringify(envelope.error)}`);
    return envelope.value as T;
  };
  return { core, call };
}

describe('exchange through two web hosts', () => {
  it('export in one, preview and import in the other, resolve a conflict, converge', async () => {
    const almaty = await officeHost('KZ-75');
    const centre = await officeHost('KZ');
    await centre.call('trust.add', await almaty.call<{ keyFile: string; fingerprint: string }>('keys.own', {}).then(({ keyFile, fingerprint }) => ({ keyFile, fingerprint })));
    await almaty.call('trust.add', await centre.call<{ keyFile: string; fingerprint: string }>('keys.own', {}).then(({ keyFile, fingerprint }) => ({ keyFile, fingerprint })));
    const { id } = await almaty.call<{ id: string }>('volunteers.create', { lastName: 'Сейітова', firstName: 'Әсел' });

    const out = await almaty.call<{ base64: string; fileName: string; to: string }>('exchange.export', {});
    expect(out.to).toBe('KZ');
    expect(out.fileName).toMatch(/^erikti-KZ-75-to-KZ-.*\.erikti$/);
    const preview = await centre.call<{ dryRun: boolean; tables: Record<string, { created: number }> }>('exchange.preview', { source: { base64: out.base64 } });
    expect(preview).toMatchObject({ dryRun: true, tables: { volunteers: { created: 1 } } });
    expect(await centre.call('exchange.import', { source: { base64: out.base64 } })).toMatchObject({ dryRun: false });

    await almaty.call('volunteers.update', { id, patch: { notes: 'из Алматы' } });
    await centre.call('volunteers.update', { id, patch: { notes: 'из центра' } });
    await centre.call('exchange.import', { source: { base64: (await almaty.call<{ base64: string }>('exchange.export', {})).base64 } });
    await almaty.call('exchange.import', { source: { base64: (await centre.call<{ base64: string }>('exchange.export', { to: 'KZ-75' })).base64 } });

    const conflicts = await almaty.call<{ total: number; items: { id: number; winner: { value: string }; loser: { value: string } }[] }>('conflicts.list', {});
    expect(conflicts.total).toBe(1);
    expect(conflicts.items[0]).toMatchObject({ winner: { value: 'из центра' }, loser: { value: 'из Алматы' } });
    await almaty.call('conflicts.resolve', { id: conflicts.items[0]!.id, choice: 'value', value: 'согласовано' });
    await centre.call('exchange.import', { source: { base64: (await almaty.call<{ base64: string }>('exchange.export', {})).base64 } });
    expect((await centre.call<{ total: number }>('conflicts.list', {})).total).toBe(0);
    expect((await centre.call<{ notes: string }>('volunteers.get', { id })).notes).toBe('согласовано');
    expect(dump(centre.core.db)).toBe(dump(almaty.core.db));
    const history = await centre.call<{ items: { direction: string }[] }>('exchange.history', {});
    expect(history.items.map((h) => h.direction)).toEqual(['import', 'export', 'import', 'import']);
  });
});
