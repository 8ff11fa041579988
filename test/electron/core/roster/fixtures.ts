import ExcelJS from 'exceljs';
import type { RosterChoice, RosterReport } from '../../../../shared/contract/roster';
import { bestSheet } from '../../../../shared/contract/roster';
import { makeIin, type Sex } from '../../../../shared/domain/iin';
import type { Core } from '../../../../electron/core/app';
import type { Actor } from '../../../../electron/core/context';
import { uploadRoster } from '../../../../electron/core/roster/in-process';
import { ADMIN } from '../../../helpers/temp-db';

/** Fixture spreadsheets are generated here with exceljs, never committed as binaries. */

export type FixtureCell = string | number | Date | null | { formula: string; result?: string | number };

export interface FixtureSheet {
  name?: string;
  rows: FixtureCell[][];
  merges?: string[];
  /** Column number formats, e.g. { 5: 'dd.mm.yyyy' } (1-based). */
  formats?: Record<number, string>;
  hidden?: boolean;
}

export async function xlsx(...sheets: FixtureSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  sheets.forEach((s, i) => {
    const ws = wb.addWorksheet(s.name ?? `Лист${i + 1}`, s.hidden ? { state: 'hidden' } : {});
    s.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = value as ExcelJS.CellValue;
        const format = s.formats?.[c + 1];
        if (format) cell.numFmt = format;
      });
    });
    for (const range of s.merges ?? []) ws.mergeCells(range);
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** A valid IIN for a birth date and sex (tries serials until the check digit exists). */
export function iinFor(birthDate: string, sex: Sex, serial = 100): string {
  for (let s = serial; s < serial + 50; s++) {
    const iin = makeIin(birthDate, sex, s);
    if (iin) return iin;
  }
  throw new Error('no IIN');
}

/** The same IIN with a wrong check digit. */
export const badChecksum = (iin: string) => `${iin.slice(0, 11)}${(Number(iin[11]) + 1) % 10}`;

export const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Uploads a file and picks the sheet and mapping Erikti guesses, as the CLI does. */
export function openRoster(core: Core, bytes: Uint8Array, fileName = 'roster.xlsx', actor: Actor = ADMIN) {
  const inspected = uploadRoster(core, actor, bytes, fileName);
  const sheet = bestSheet(inspected.sheets)!;
  const choice: RosterChoice = { token: inspected.token, sheet: sheet.index, mapping: sheet.mapping };
  return { inspected, sheet, choice };
}

export function preview(core: Core, bytes: Uint8Array, fileName = 'roster.xlsx', actor: Actor = ADMIN): RosterReport {
  const { choice } = openRoster(core, bytes, fileName, actor);
  return core.callAs(actor, 'roster.preview', choice);
}

export function importRoster(core: Core, bytes: Uint8Array, fileName = 'roster.xlsx', actor: Actor = ADMIN): RosterReport {
  const { choice } = openRoster(core, bytes, fileName, actor);
  return core.callAs(actor, 'roster.import', choice);
}

export function volunteers(core: Core) {
  return core.db.prepare('SELECT * FROM volunteers WHERE deleted = 0 ORDER BY last_name, first_name').all() as Record<string, string | null>[];
}
