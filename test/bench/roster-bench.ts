import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeIin, type Sex } from '../../shared/domain/iin';
import { bestSheet } from '../../shared/contract/roster';
import { CLI_ACTOR, createCore } from '../../electron/core/app';
import { createOffice } from '../../electron/core/office/identity';
import { TEST_CORE_OPTIONS } from '../helpers/core-options';
import { uploadRoster } from '../../electron/core/roster/in-process';

const LAST = ['Жұмабеков', 'Иванов', 'Серікбаев', 'Ахметов', 'Ким', 'Нұрланов', 'Петров', 'Оспанов', 'Тоқтаров', 'Смағұлов'];
const FIRST_M = ['Нұрсұлтан', 'Ерлан', 'Асқар', 'Дмитрий', 'Марат', 'Әлихан', 'Виктор', 'Ринат'];
const FIRST_F = ['Әсел', 'Айгерим', 'Мария', 'Дана', 'Гүлнар', 'Ольга', 'Жанар', 'Алия'];
const REGIONS = ['Алматы қаласы', 'Карагандинская область', 'KZ-71', 'Абай облысы', 'г. Шымкент'];


/** A 50,000-row roster as offices send them: a title row, ФИО in one cell, numeric IINs, real dates, phones typed anyhow. */
export async function writeRoster(file: string, rows: number): Promise<void> {
  const rnd = random(7);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Волонтёры');
  ws.addRow(['Список волонтёров']).commit();
  ws.addRow(['№', 'ФИО', 'ИИН', 'Дата рождения', 'Пол', 'Телефон', 'Эл. почта', 'Регион']).commit();
  const used = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const sex: Sex = rnd() < 0.5 ? 'M' : 'F';
    const year = 1960 + Math.floor(rnd() * 48);
    const birth = `${year}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
    let iin: string | null = null;
    for (let serial = i; !iin || used.has(iin); serial++) iin = makeIin(birth, sex, serial % 10_000);
    used.add(iin);
    const name = `${pick(LAST)}${sex === 'F' ? 'а' : ''} ${pick(sex === 'M' ? FIRST_M : FIRST_F)}`;
    const phone = `8 7${String(Math.floor(rnd() * 100)).padStart(2, '0')} ${String(1_000_000 + i).slice(-7)}`;
    ws.addRow([
      i + 1,
      name,
      Number(iin),
      new Date(`${birth}T00:00:00Z`),
      sex === 'M' ? 'М' : 'Ж',
      phone,
      rnd() < 0.5 ? `v${i}@mail.kz` : null,
      pick(REGIONS),
    ]).commit();
  }
  ws.commit();
  await wb.commit();
}

/** Generates a 50,000-row .xlsx and times its import (upload, reading, checking, writing) into a fresh office. */
import { random } from '../../electron/core/seed/seed';
export async function benchRosterImport(workDir: string, rows = 50_000): Promise<{ roster_import_50k_s: number }> {
  const file = path.join(workDir, 'roster-50k.xlsx');
  await writeRoster(file, rows);
  const core = createCore(path.join(workDir, 'roster-bench.sqlite'), { keyProtector: TEST_CORE_OPTIONS.keyProtector });
  try {
    createOffice(core.db, 'KZ-35');
    const start = performance.now();
    const inspected = uploadRoster(core, CLI_ACTOR, new Uint8Array(readFileSync(file)), 'roster-50k.xlsx');
    const sheet = bestSheet(inspected.sheets)!;
    const report = core.callAs(CLI_ACTOR, 'roster.import', { token: inspected.token, sheet: sheet.index, mapping: sheet.mapping });
    const seconds = (performance.now() - start) / 1000;
    if (report.added !== rows) throw new Error(`roster bench: expected ${rows} added, got ${JSON.stringify({ ...report, rejected: report.rejected.slice(0, 5) })}`);
    return { roster_import_50k_s: Math.round(seconds * 10) / 10 };
  } finally {
    core.close();
  }
}
