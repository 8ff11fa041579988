import { SpreadsheetError } from './errors';

/**
 * Just enough XML for spreadsheet parts, read as a stream of pieces: each character is looked at
 * a bounded number of times, whatever the input (unclosed tags, endless attributes, nesting a
 * million deep), and nothing but one unfinished tag is kept between pieces. Entities are the
 * five predefined ones and character references; a DTD is refused (OPC forbids them, and they
 * are how entity-expansion attacks come in).
 */

type Attrs = Record<string, string>;

export interface XmlHandler {
  /** Element names without their namespace prefix. */
  open(name: string, attrs: Attrs, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data with entities decoded, in pieces; only while `wantsText` is true. */
  text(text: string): void;
  /** Whether text is wanted now (most of a sheet's text is not: scanning skips it unread). */
  readonly wantsText: boolean;
}

/** No tag in a spreadsheet part comes near this; a longer one is damage or an attack. */
const MAX_TAG_CHARS = 64 * 1024;
/** An entity split between two pieces is held back this far at most. */
const MAX_ENTITY_CHARS = 40;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const damaged = () => new SpreadsheetError('error.roster.damaged');

/** Whether XML 1.0 allows the character (a reference to any other makes the document ill-formed). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Decodes entities; a reference to a character XML cannot hold is damage. Unknown names stay as written. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (whole, name: string) => {
    if (name.charCodeAt(0) !== 35 /* # */) return ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    if (!isXmlChar(code)) throw damaged();
    return String.fromCodePoint(code);
  });
}

/** OOXML's _xHHHH_ escapes, for characters XML cannot carry (a tab, a line break in old files). */
export function decodeEscapes(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

// Character codes.
const GT = 62;
const SLASH = 47;
const EQ = 61;
const QUOT = 34;
const APOS = 39;
const COLON = 58;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;
const endsName = (c: number) => isSpace(c) || c === SLASH || c === GT || c === EQ;

type Mode = 'content' | 'comment' | 'cdata' | 'instruction';
const TERMINATORS: Record<Exclude<Mode, 'content'>, string> = { comment: '-->', cdata: ']]>', instruction: '?>' };

export class XmlScanner {
  private carry = '';
  private mode: Mode = 'content';
  /** Elements open now: only counted, so a part cut short or left unclosed is caught at the end. */
  private depth = 0;

  constructor(private readonly handler: XmlHandler) {}

  feed(piece: string): void {
    const s = this.carry ? this.carry + piece : piece;
    let pos = 0;
    while (pos < s.length) {
      if (this.mode !== 'content') {
        const terminator = TERMINATORS[this.mode];
        const end = s.indexOf(terminator, pos);
        // Without the terminator, keep only what could be its start.
        const stop = end < 0 ? Math.max(pos, s.length - terminator.length + 1) : end;
        if (this.mode === 'cdata' && stop > pos) this.handler.text(s.slice(pos, stop));
        pos = stop;
        if (end < 0) break;
        pos += terminator.length;
        this.mode = 'content';
        continue;
      }
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        pos = this.textUpTo(s, pos, s.length, true);
        break;
      }
      if (lt > pos) this.textUpTo(s, pos, lt, false);
      const next = this.markup(s, lt);
      if (next < 0) {
        pos = lt;
        break;
      }
      pos = next;
    }
    this.carry = s.slice(pos);
    if (this.carry.length > MAX_TAG_CHARS) throw damaged();
  }

  /** The end of the input: anything left open means the part was cut short. */
  end(): void {
    if (this.mode !== 'content' || this.depth !== 0 || this.carry.includes('<')) throw damaged();
    if (this.carry && this.handler.wantsText) this.handler.text(decodeEntities(this.carry));
    this.carry = '';
  }

  /** Emits text from `from` to `to`, holding back a trailing entity that may continue in the next piece. */
  private textUpTo(s: string, from: number, to: number, more: boolean): number {
    if (!this.handler.wantsText) return to;
    let stop = to;
    if (more) {
      const amp = s.lastIndexOf('&', to - 1);
      if (amp >= from && to - amp < MAX_ENTITY_CHARS && s.indexOf(';', amp) < 0) stop = amp;
    }
    if (stop > from) this.handler.text(decodeEntities(s.slice(from, stop)));
    return stop;
  }

  /** Reads the markup starting at `lt`; returns where it ends, or -1 when the piece ends first. */
  private markup(s: string, lt: number): number {
    if (lt + 1 >= s.length) return -1;
    const c = s.charCodeAt(lt + 1);
    if (c === 33 /* ! */) {
      if (s.length - lt < 4) return -1;
      if (s.startsWith('<!--', lt)) return this.enter('comment', lt + 4);
      if (s.length - lt < 9) return -1;
      if (s.startsWith('<![CDATA[', lt)) return this.enter('cdata', lt + 9);
      throw damaged();
    }
    if (c === 63 /* ? */) return this.enter('instruction', lt + 2);
    if (c === SLASH) {
      const gt = s.indexOf('>', lt);
      if (gt < 0) return -1;
      if (--this.depth < 0) throw damaged();
      let end = gt;
      while (end > lt + 2 && isSpace(s.charCodeAt(end - 1))) end--;
      let start = lt + 2;
      for (let q = start; q < end; q++) if (s.charCodeAt(q) === COLON) start = q + 1;
      this.handler.close(s.slice(start, end));
      return gt + 1;
    }
    return this.openTag(s, lt);
  }

  /** Where the local name (after any namespace prefix) of the last name scanned starts. */
  private localStart = 0;

  /** Scans a name from `from`; returns where it ends and leaves its local part's start in localStart. */
  private nameEnd(s: string, from: number): number {
    const len = s.length;
    let q = from;
    this.localStart = from;
    for (; q < len; q++) {
      const c = s.charCodeAt(q);
      if (endsName(c)) break;
      if (c === COLON) this.localStart = q + 1;
    }
    return q;
  }

  private enter(mode: Mode, at: number): number {
    this.mode = mode;
    return at;
  }

  private openTag(s: string, lt: number): number {
    const len = s.length;
    let q = this.nameEnd(s, lt + 1);
    if (q >= len) return -1;
    if (q === lt + 1) throw damaged();
    const name = s.slice(this.localStart, q);
    // A plain object: one with a null prototype is a slow dictionary in V8, and an attribute named
    // __proto__ given a string changes nothing.
    const attrs: Attrs = {};
    for (;;) {
      while (q < len && isSpace(s.charCodeAt(q))) q++;
      if (q >= len) return -1;
      const c = s.charCodeAt(q);
      if (c === GT) {
        this.depth++;
        this.handler.open(name, attrs, false);
        return q + 1;
      }
      if (c === SLASH) {
        if (q + 1 >= len) return -1;
        if (s.charCodeAt(q + 1) !== GT) throw damaged();
        this.handler.open(name, attrs, true);
        return q + 2;
      }
      const nameStart = q;
      q = this.nameEnd(s, q);
      if (q === nameStart) throw damaged();
      const attrName = s.slice(this.localStart, q);
      while (q < len && isSpace(s.charCodeAt(q))) q++;
      if (q >= len) return -1;
      if (s.charCodeAt(q) !== EQ) throw damaged();
      q++;
      while (q < len && isSpace(s.charCodeAt(q))) q++;
      if (q >= len) return -1;
      const quote = s.charCodeAt(q);
      if (quote !== QUOT && quote !== APOS) throw damaged();
      const close = s.indexOf(quote === QUOT ? '"' : "'", q + 1);
      if (close < 0) return -1;
      attrs[attrName] = decodeEntities(s.slice(q + 1, close));
      q = close + 1;
    }
  }
}

/** Characters XML 1.0 cannot carry; dropped from whatever we write. */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
