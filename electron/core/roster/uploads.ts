import { randomBytes } from 'node:crypto';
import { ROSTER_LIMITS } from '../../../shared/contract/roster';
import type { ReadDb } from '../db/read-only';
import { SpreadsheetError } from '../spreadsheet/errors';
import { readSpreadsheet } from '../spreadsheet/read';
import type { WorkbookData } from '../spreadsheet/sheet';

/**
 * Uploaded rosters, kept in memory between the wizard's steps so the file is sent once. Keyed by
 * a random token and tied to the user who sent it; a few files per user at most, forgotten after an
 * hour idle. When a user starts one file too many, their own oldest goes: one user's uploads never
 * push out another's pending file.
 */

const MAX_FILES_PER_OWNER = 4;
const IDLE_MS = 60 * 60 * 1000;

interface Upload {
  token: string;
  owner: string;
  chunks: Buffer[];
  size: number;
  workbook: WorkbookData | null;
  touched: number;
}

const stores = new WeakMap<ReadDb, Map<string, Upload>>();

function storeOf(db: ReadDb): Map<string, Upload> {
  let store = stores.get(db);
  if (!store) stores.set(db, (store = new Map()));
  const now = Date.now();
  for (const [token, upload] of store) if (now - upload.touched > IDLE_MS) store.delete(token);
  return store;
}

function find(db: ReadDb, token: string, owner: string): Upload {
  const upload = storeOf(db).get(token);
  if (!upload || upload.owner !== owner) throw new SpreadsheetError('error.roster.expired');
  upload.touched = Date.now();
  return upload;
}

/** Appends a chunk (base64) to an upload, starting one when there is no token. */
export function receiveChunk(db: ReadDb, owner: string, token: string | undefined, chunk: string): { token: string; size: number } {
  const store = storeOf(db);
  let upload: Upload;
  if (token) {
    upload = find(db, token, owner);
    if (upload.workbook) throw new SpreadsheetError('error.roster.expired');
  } else {
    const own = [...store.values()].filter((upload) => upload.owner === owner).sort((a, b) => a.touched - b.touched);
    for (const oldest of own.slice(0, Math.max(0, own.length - MAX_FILES_PER_OWNER + 1))) store.delete(oldest.token);
    upload = { token: randomBytes(18).toString('base64url'), owner, chunks: [], size: 0, workbook: null, touched: Date.now() };
    store.set(upload.token, upload);
  }
  const bytes = Buffer.from(chunk, 'base64');
  upload.size += bytes.byteLength;
  if (upload.size > ROSTER_LIMITS.fileBytes) {
    store.delete(upload.token);
    throw new SpreadsheetError('error.roster.tooLarge', { limit: Math.round(ROSTER_LIMITS.fileBytes / 1024 / 1024) });
  }
  upload.chunks.push(bytes);
  return { token: upload.token, size: upload.size };
}

/** Reads the uploaded bytes as a spreadsheet (once); the raw bytes are let go afterwards. */
export function openUpload(db: ReadDb, owner: string, token: string, fileName: string): WorkbookData {
  const upload = find(db, token, owner);
  if (!upload.workbook) {
    const bytes = Buffer.concat(upload.chunks);
    try {
      upload.workbook = readSpreadsheet(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, ROSTER_LIMITS);
    } catch (error) {
      storeOf(db).delete(token);
      throw error;
    }
    upload.chunks = [];
  }
  return upload.workbook;
}

/** The parsed workbook of an upload that was already inspected. */
export function uploadedWorkbook(db: ReadDb, owner: string, token: string): WorkbookData {
  const upload = find(db, token, owner);
  if (!upload.workbook) throw new SpreadsheetError('error.roster.expired');
  return upload.workbook;
}

export function discardUpload(db: ReadDb, owner: string, token: string): void {
  const store = storeOf(db);
  if (store.get(token)?.owner === owner) store.delete(token);
}
