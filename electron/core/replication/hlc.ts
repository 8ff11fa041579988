import type { Db } from '../db/connection';

/**
 * Hybrid logical clock. A stamp is `<ms:13 digits>.<counter:6 hex>.<replica id>`, so plain string
 * order is the clock's order: the same at every office, ties broken by the replica that wrote it.
 * The clock never runs backwards, even when the workstation's time does, and it moves past any
 * stamp it receives so later local edits order after what was imported.
 */
export interface HlcStamp {
  ms: number;
  counter: number;
  replica: string;
}

export function formatHlc(stamp: HlcStamp): string {
  return `${String(stamp.ms).padStart(13, '0')}.${stamp.counter.toString(16).padStart(6, '0')}.${stamp.replica}`;
}

export function parseHlc(text: string): HlcStamp {
  const [ms, counter, replica] = text.split('.');
  if (!ms || !counter || !replica) throw new Error(`Malformed clock stamp: ${text}`);
  return { ms: Number(ms), counter: parseInt(counter, 16), replica };
}

/** The largest counter a stamp can hold (six hex digits). */
export const MAX_COUNTER = 0xffffff;

export class HybridClock {
  private last: HlcStamp;

  constructor(
    private readonly replica: string,
    lastSeen: string | null,
    private readonly wallClock: () => number = Date.now,
  ) {
    this.last = lastSeen ? parseHlc(lastSeen) : { ms: 0, counter: 0, replica };
  }

  /** A new stamp, later than every stamp seen so far. */
  tick(): string {
    const now = this.wallClock();
    this.last = now > this.last.ms
      ? { ms: now, counter: 0, replica: this.replica }
      : this.last.counter >= MAX_COUNTER
        // The counter has six hex digits: rather than overflow into a seventh (a stamp no office
        // could read), the clock steps one millisecond ahead.
        ? { ms: this.last.ms + 1, counter: 0, replica: this.replica }
        : { ms: this.last.ms, counter: this.last.counter + 1, replica: this.replica };
    return formatHlc(this.last);
  }

  /** Moves the clock past a stamp received from another office. */
  observe(remote: string): void {
    const r = parseHlc(remote);
    if (r.ms > this.last.ms || (r.ms === this.last.ms && r.counter > this.last.counter)) {
      this.last = { ms: r.ms, counter: r.counter, replica: this.replica };
    }
  }

  current(): string {
    return formatHlc(this.last);
  }
}

/**
 * Loads the clock from the database; `syncClock` and `persistClock` keep it in step with it
 * inside each writing transaction.
 */
export function loadClock(db: Db, replica: string): HybridClock {
  return new HybridClock(replica, storedClock(db));
}

function storedClock(db: Db): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'hlc'").get() as { value: string } | undefined;
  return row?.value ?? null;
}

/**
 * Moves an in-memory clock past the one stored in the database. Several processes may write one
 * file (the web host while the CLI imports): each holds its own clock, and one that moved ahead
 * (an import of stamps from the future) must not be overtaken by a stale one. Called at the start
 * of every write transaction, after the write lock is taken, so no other writer can store a
 * newer clock before this one persists its own.
 */
export function syncClock(db: Db, clock: HybridClock): void {
  const stored = storedClock(db);
  if (stored) clock.observe(stored);
}

/**
 * Saves the clock inside the writing transaction. Stamps order as plain strings, so keeping the
 * larger value makes the stored clock monotonic even for a writer that skipped syncClock.
 */
export function persistClock(db: Db, clock: HybridClock): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE excluded.value > meta.value",
  ).run(
    clock.current(),
  );
}
