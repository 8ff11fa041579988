import { bestSheet, ROSTER_LIMITS, type RosterChoice, type RosterSheet } from '../../shared/contract/roster';
import type { Envelope } from '../../shared/contract';
import { makeIin } from '../../shared/domain/iin';

/** Any transport's call, answering the envelope (the worker router, the web host, IPC). */
export type EnvelopeCall = (name: string, input: unknown) => Promise<Envelope<unknown>>;

export function valueOf<T>(envelope: Envelope<unknown>): T {
  if (!envelope.ok) throw new Error(`call failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

/** Sends a roster file through the wizard's calls, in chunks as the page does, and answers the choice to import it with. */
export async function uploadRosterThrough(call: EnvelopeCall, bytes: Uint8Array, fileName: string): Promise<RosterChoice> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkBytes = (ROSTER_LIMITS.chunkChars / 4) * 3;
  let token: string | undefined;
  for (let offset = 0; offset < buffer.byteLength || token === undefined; offset += chunkBytes) {
    const chunk = buffer.subarray(offset, offset + chunkBytes).toString('base64');
    token = valueOf<{ token: string }>(await call('roster.upload', token ? { token, chunk } : { chunk })).token;
  }
  const { sheets } = valueOf<{ sheets: RosterSheet[] }>(await call('roster.inspect', { token, fileName }));
  const sheet = bestSheet(sheets)!;
  return { token, sheet: sheet.index, mapping: sheet.mapping };
}

const LETTERS = 'абвгдежзиклмнопрстуфхцчшэюя';
/** A number spelled in letters: names may hold no digits. */
function lettersOf(n: number): string {
  let out = '';
  do {
    out = LETTERS[n % LETTERS.length] + out;
    n = Math.floor(n / LETTERS.length);
  } while (n > 0);
  return out;
}

/** A quick CSV roster of `rows` new people with valid, distinct IINs. */
export function rosterCsv(rows: number): Uint8Array {
  const lines = ['Фамилия;Имя;ИИН;Телефон'];
  const used = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const birth = `${1960 + (i % 45)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    let iin: string | null = null;
    for (let serial = i % 9000; !iin || used.has(iin); serial++) iin = makeIin(birth, i % 2 ? 'M' : 'F', serial);
    used.add(iin);
    lines.push(`Ф${lettersOf(i)}ова;Им${lettersOf(i % 97)};${iin};+7701${String(1_000_000 + i).slice(-7)}`);
  }
  return new Uint8Array(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
}
