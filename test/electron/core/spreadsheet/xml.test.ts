import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpreadsheetError } from '../../../../electron/core/spreadsheet/errors';
import { decodeEntities, XmlScanner } from '../../../../electron/core/spreadsheet/xml';

/** What a scanner reports for a document fed in the given pieces: its events, or the error key. */
function scan(pieces: string[]): string[] | string {
  const events: string[] = [];
  const text = (t: string) => {
    // Text may arrive in more pieces when the input does: adjacent pieces are one text.
    if (events.at(-1)?.startsWith('text ')) events[events.length - 1] += t;
    else events.push(`text ${t}`);
  };
  const scanner = new XmlScanner({
    open: (name, attrs, selfClosing) => events.push(`open ${name} ${JSON.stringify(attrs)} ${selfClosing}`),
    close: (name) => events.push(`close ${name}`),
    text,
    wantsText: true,
  });
  try {
    for (const piece of pieces) scanner.feed(piece);
    scanner.end();
  } catch (error) {
    if (error instanceof SpreadsheetError) return error.key;
    throw error;
  }
  return events;
}

const splitAt = (text: string, cuts: number[]) => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const p of points) {
    pieces.push(text.slice(from, p));
    from = p;
  }
  pieces.push(text.slice(from));
  return pieces;
};

const FRAGMENTS = [
  '<a>', '</a>', '<x:b c="1" x:d=\'&lt;2&gt;\'>', '</x:b>', '<e/>', '<f g = "h" />', 'text', 'Фамилия', ' ', '\n',
  '&amp;', '&#x41;', '&#1092;', '&#0;', '&#xFFFFFFFF;', '&bogus;', '&', '<!-- c -->', '<!--', '-->', '<![CDATA[<&>]]>', '<?pi?>',
  '<!DOCTYPE a>', '<', '>', '"', '/>', '</', '< a>', '<a b>', '<a b="1>', '_x0041_',
];

describe('XML scanner', () => {
  it('reports the same events however the input is cut into pieces', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, cuts) => {
        const doc = parts.join('');
        expect(scan(splitAt(doc, cuts))).toEqual(scan([doc]));
      }),
      { numRuns: 2000 },
    );
  });

  it('decodes entities and CDATA, takes local names, and calls unclosed or ill-formed input damaged', () => {
    expect(scan(['<x:a p:b="&quot;1&quot;">A&amp;B&#x41;<![CDATA[<c>&amp;]]><!-- <no/> --></x:a>'])).toEqual([
      'open a {"b":"\\"1\\""} false',
      'text A&BA<c>&amp;',
      'close a',
    ]);
    for (const bad of ['<a>', '<a', '</a>', '<a b></a>', '<a b=1/>', '<!DOCTYPE a [<!ENTITY e "x">]><a/>', '<a>&#0;</a>', '<a><!--</a>']) {
      expect(scan([bad])).toBe('error.roster.damaged');
    }
  });

  it('refuses a tag longer than any spreadsheet has instead of holding it', () => {
    expect(scan(['<a ', 'b'.repeat(100_000), '="1"/>'])).toBe('error.roster.damaged');
  });

  it('accepts exactly the characters XML allows in a reference', () => {
    expect(decodeEntities('&#9;&#x20;&#xD7FF;&#xE000;&#x10FFFF;')).toBe('\t \ud7ff\ue000\u{10ffff}');
    for (const ref of ['&#0;', '&#x1;', '&#xD800;', '&#xFFFE;', '&#x110000;', '&#xFFFFFFFF;']) expect(() => decodeEntities(ref)).toThrow(SpreadsheetError);
  });
});
