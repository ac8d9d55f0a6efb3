import { describe, expect, it } from 'vitest';
import {
  detachedString,
  XmlScanner,
  XmlSyntaxError,
  type XmlScanHandler,
  type XmlScannerOptions,
} from './xmlScanner';

/** UTF-8 bytes as a byte string, one character per byte (what the reader makes of a Node Buffer). */
const byteString = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

/** Scans the chunks and records every event as a line: `<uri|local @attr=value>`, `</>`, `"text"`. */
function scan(...chunks: string[]): string[] {
  return scanWith({}, chunks);
}

function scanWith(options: XmlScannerOptions, chunks: string[]): string[] {
  const events: string[] = [];
  const handler: XmlScanHandler = {
    capturing: true,
    onOpenTag(name, attributes) {
      const id = attributes.valueByNamespace('urn:g', 'id');
      const plain = attributes.value('a');
      events.push(
        `<${name.uri}|${name.local}${id === undefined ? '' : ` @g:id=${id}`}${plain === undefined ? '' : ` @a=${plain}`}>`,
      );
    },
    onCloseTag: () => void events.push('</>'),
    onText(text) {
      // Text may come in pieces; join neighbours so that chunking does not show.
      const last = events.length - 1;
      if (events[last]?.startsWith('"')) events[last] = `${events[last]!.slice(0, -1)}${text}"`;
      else events.push(`"${text}"`);
    },
  };
  const scanner = new XmlScanner(handler, options);
  for (const chunk of chunks) scanner.write(chunk);
  scanner.close();
  return events.filter((event) => event.trim() !== '""' && !/^"\s+"$/.test(event));
}

function errorOf(
  text: string,
  options: XmlScannerOptions = {},
): { reason: string; line: number; column: number } {
  try {
    scanWith(options, [options.utf8ByteString ? byteString(text) : text]);
  } catch (error) {
    if (error instanceof XmlSyntaxError)
      return { reason: error.reason, line: error.line, column: error.column };
    throw error;
  }
  throw new Error('no error');
}

const DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE root [ <!ELEMENT root ANY> ]>
<!-- a comment -->
<root xmlns="urn:default" xmlns:g="urn:g">
  <g:item g:id="one" a="x &amp; y&#33;">Straße &lt;3&gt;</g:item>
  <inner xmlns:g="urn:other" xmlns="">
    <g:item g:id="not-read-as-g"/>
    <plain a='single'><![CDATA[<raw & text>]]></plain>
  </inner>
  <g:item g:id="two"><?pi ignored?>after<!-- x -->wards</g:item>
</root>
`;

const EXPECTED = [
  '<urn:default|root>',
  '<urn:g|item @g:id=one @a=x & y!>',
  '"Straße <3>"',
  '</>',
  '<|inner>',
  '<urn:other|item>',
  '</>',
  '<|plain @a=single>',
  '"<raw & text>"',
  '</>',
  '</>',
  '<urn:g|item @g:id=two>',
  '"afterwards"',
  '</>',
  '</>',
];

describe('XmlScanner', () => {
  it('resolves names by namespace URI, scoped to the declaring element, and decodes text and attributes', () => {
    expect(scan(DOCUMENT)).toEqual(EXPECTED);
  });

  it('gives the same events wherever the text is cut into chunks', () => {
    for (let cut = 1; cut < DOCUMENT.length; cut++) {
      expect(scan(DOCUMENT.slice(0, cut), DOCUMENT.slice(cut)), `cut at ${cut}`).toEqual(EXPECTED);
    }
    expect(scan(...DOCUMENT.split(''))).toEqual(EXPECTED);
  });

  it.each([
    ['<a><b></a>', 'unexpected close tag', 1, 10],
    ['<a>\n  <b>\n  </c>\n</a>', 'unexpected close tag', 3, 6],
    ['<a><x:b/></a>', 'unbound namespace prefix: "x"', 1, 9],
    ['<a b="1" b="2"/>', 'duplicate attribute: b', 1, 16],
    ['<a b="1"c="2"/>', 'no whitespace between attributes', 1, 9],
    ['<a b=1/>', 'unquoted attribute value', 1, 6],
    ['<a>&nope;</a>', 'undefined entity', 1, 4],
    ['<a>x</a>y', 'text data outside of root node', 1, 9],
    ['<a/><b/>', 'documents may contain only one root', 1, 8],
    ['<a><b>', 'unclosed tag: b', 1, 6],
    ['<a><b', 'unclosed tag: a', 1, 5],
    ['', 'document must contain a root element', 1, 0],
    ['<a b="<"/>', 'disallowed character', 1, 7],
    ['<1a/>', 'disallowed character in tag name', 1, 2],
  ])('reports %j as "%s" at line %i, column %i', (text, reason, line, column) => {
    expect(errorOf(text)).toEqual({ reason, line, column });
  });

  it('counts lines across chunks for the error position', () => {
    const text = '<a>\n<b>\n\n</c></a>';
    try {
      const scanner = new XmlScanner({ capturing: false, onOpenTag() {}, onCloseTag() {}, onText() {} });
      for (const character of text) scanner.write(character);
      scanner.close();
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ reason: 'unexpected close tag', line: 4, column: 4 });
    }
  });
});

describe('XmlScanner on UTF-8 byte strings', () => {
  const bytes = byteString(DOCUMENT);

  it('hands out decoded text and attribute values wherever the bytes are cut, even inside a character', () => {
    expect(scanWith({ utf8ByteString: true }, [bytes])).toEqual(EXPECTED);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(
        scanWith({ utf8ByteString: true }, [bytes.slice(0, cut), bytes.slice(cut)]),
        `cut at ${cut}`,
      ).toEqual(EXPECTED);
    }
    expect(scanWith({ utf8ByteString: true }, bytes.split(''))).toEqual(EXPECTED);
    expect(scanWith({ utf8ByteString: true }, [byteString('<r a="Münster 😀">Kö&#252;</r>')])).toEqual([
      '<|r @a=Münster 😀>',
      '"Köü"',
      '</>',
    ]);
  });

  it.each([
    ['<a><b></a>'],
    ['<a>\n  <b>\n  </c>\n</a>'],
    ['<a>Grüße aus Münster</b></a>'],
    ['<a>\n Straße 😀 </b></a>'],
    ['<straße><b></b>'],
    ['<a x:ö="1"/>'],
    ['<a b="1" b="ü"/>'],
    ['<a><größe></gr></a>'],
  ])('reports %j with the same reason, line and column as from decoded text', (text) => {
    const expected = errorOf(text);
    expect(errorOf(text, { utf8ByteString: true })).toEqual(expected);
  });
});

describe('detachedString', () => {
  it('keeps the text, short strings as they are', () => {
    const long = 'DENW49AL000060UK-and-more';
    expect(detachedString(long)).toBe(long);
    expect(detachedString('short')).toBe('short');
    expect(detachedString(undefined)).toBeUndefined();
  });
});
