import { inflateRawSync } from 'node:zlib';
import { SpreadsheetError } from './errors';

/**
 * Reading a zip without believing it. Sizes the zip declares are ignored: zlib inflates an entry
 * with its output capped at what is left of one budget for the whole file, and stops as soon as
 * more comes out, so a "zip bomb" (kilobytes that inflate to gigabytes) ends at the budget
 * whatever its headers say. Only the parts asked for are inflated, one at a time, and handed on
 * in pieces. (fflate's streaming inflate would hold less at once, but is 20× slower on a bomb:
 * 10 s against 0.5 s for 256 MB, measured 2026-11-27.)
 */

/** More parts than any workbook has (Excel writes a few per sheet). */
const MAX_ENTRIES = 20_000;
/** Inflated bytes handed on at a time (the XML scanner keeps nothing of a piece it has read). */
const PIECE = 1024 * 1024;

/** The bytes a file may inflate to in total; exceeding it stops the read with a size message. */
export class ExpansionBudget {
  private spent = 0;
  constructor(readonly limitBytes: number) {}

  get remaining(): number {
    return Math.max(0, this.limitBytes - this.spent);
  }

  spend(bytes: number): void {
    this.spent += bytes;
    if (this.spent > this.limitBytes) {
      throw new SpreadsheetError('error.roster.expandsTooMuch', { limit: Math.round(this.limitBytes / 1024 / 1024) });
    }
  }
}

interface Entry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  localOffset: number;
}

const damaged = () => new SpreadsheetError('error.roster.damaged');

export class ZipReader {
  /** By lower-cased name: part names are case-insensitive in OPC. */
  private readonly entries = new Map<string, Entry>();
  private readonly view: DataView;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: ExpansionBudget,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.readDirectory();
  }

  private u16 = (at: number) => this.view.getUint16(at, true);
  private u32 = (at: number) => this.view.getUint32(at, true);
  private u64 = (at: number) => Number(this.view.getBigUint64(at, true));

  private need(at: number, length: number): void {
    if (at < 0 || at + length > this.bytes.byteLength) throw damaged();
  }

  private readDirectory(): void {
    const len = this.bytes.byteLength;
    let eocd = -1;
    for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
      if (this.u32(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw damaged();
    let count = this.u16(eocd + 10);
    let offset = this.u32(eocd + 16);
    if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && this.u32(eocd - 20) === 0x07064b50) {
      const zip64 = this.u64(eocd - 12);
      this.need(zip64, 56);
      if (this.u32(zip64) !== 0x06064b50) throw damaged();
      count = this.u64(zip64 + 32);
      offset = this.u64(zip64 + 48);
    }
    if (count > MAX_ENTRIES) throw new SpreadsheetError('error.roster.notSpreadsheet');
    const decoder = new TextDecoder('utf-8');
    let p = offset;
    for (let k = 0; k < count; k++) {
      this.need(p, 46);
      if (this.u32(p) !== 0x02014b50) throw damaged();
      const nameLength = this.u16(p + 28);
      const extraLength = this.u16(p + 30);
      const commentLength = this.u16(p + 32);
      this.need(p + 46, nameLength + extraLength + commentLength);
      const entry: Entry = {
        name: decoder.decode(this.bytes.subarray(p + 46, p + 46 + nameLength)),
        flags: this.u16(p + 8),
        method: this.u16(p + 10),
        compressedSize: this.u32(p + 20),
        localOffset: this.u32(p + 42),
      };
      this.readZip64Extra(entry, p + 46 + nameLength, extraLength, this.u32(p + 24) === 0xffffffff);
      this.entries.set(entry.name.toLowerCase(), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  /** ZIP64 keeps the real sizes and offset in an extra field when the 32-bit ones are 0xFFFFFFFF. */
  private readZip64Extra(entry: Entry, at: number, length: number, hasSize: boolean): void {
    if (entry.compressedSize !== 0xffffffff && entry.localOffset !== 0xffffffff) return;
    for (let p = at; p + 4 <= at + length; p += 4 + this.u16(p + 2)) {
      if (this.u16(p) !== 0x0001) continue;
      let q = p + 4 + (hasSize ? 8 : 0);
      if (entry.compressedSize === 0xffffffff) {
        this.need(q, 8);
        entry.compressedSize = this.u64(q);
        q += 8;
      }
      if (entry.localOffset === 0xffffffff) {
        this.need(q, 8);
        entry.localOffset = this.u64(q);
      }
      return;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /**
   * Hands an entry's inflated bytes to `onData` piece by piece, charging each to the budget;
   * false when there is no such entry.
   */
  read(name: string, onData: (piece: Uint8Array) => void): boolean {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) return false;
    if (entry.flags & 1) throw new SpreadsheetError('error.roster.encrypted');
    const local = entry.localOffset;
    this.need(local, 30);
    if (this.u32(local) !== 0x04034b50) throw damaged();
    const start = local + 30 + this.u16(local + 26) + this.u16(local + 28);
    this.need(start, entry.compressedSize);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    let plain: Uint8Array;
    if (entry.method === 0) plain = data;
    else if (entry.method === 8) plain = this.inflate(data);
    else throw new SpreadsheetError('error.roster.notSpreadsheet');
    this.budget.spend(plain.length);
    for (let p = 0; p < plain.length; p += PIECE) onData(plain.subarray(p, p + PIECE));
    return true;
  }

  private inflate(data: Uint8Array): Uint8Array {
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, this.budget.remaining) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') this.budget.spend(this.budget.remaining + 1);
      throw damaged();
    }
  }
}
