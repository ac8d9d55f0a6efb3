/**
 * XML's five predefined entities and character references (`&#228;`, `&#xE4;`), the only ones a document without
 * a DTD may use (XML 1.0 §4.6); anything else is an error, as in every conforming parser.
 */

const PREDEFINED_ENTITIES: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
};

/** Why a reference could not be decoded; the scanner turns it into a malformed-XML error. */
export class XmlEntityError extends Error {}

function decodeReference(name: string): string {
  const predefined = PREDEFINED_ENTITIES[name];
  if (predefined !== undefined) return predefined;
  if (name.charCodeAt(0) === 35 /* # */) {
    const isHex = name.charCodeAt(1) === 120; /* x */
    const digits = name.slice(isHex ? 2 : 1);
    const valid = isHex ? /^[0-9a-fA-F]+$/.test(digits) : /^[0-9]+$/.test(digits);
    const codePoint = valid ? Number.parseInt(digits, isHex ? 16 : 10) : NaN;
    if (Number.isInteger(codePoint) && codePoint > 0 && codePoint <= 0x10ffff)
      return String.fromCodePoint(codePoint);
    throw new XmlEntityError('malformed character entity');
  }
  throw new XmlEntityError('undefined entity');
}

/** Replaces every reference in `text` (which holds at least one `&`); throws XmlEntityError for a bad one. */
export function decodeXmlEntities(text: string): string {
  let result = '';
  let from = 0;
  for (let ampersand = text.indexOf('&'); ampersand >= 0; ampersand = text.indexOf('&', from)) {
    const semicolon = text.indexOf(';', ampersand + 1);
    if (semicolon < 0) throw new XmlEntityError('unterminated entity reference');
    result += text.slice(from, ampersand) + decodeReference(text.slice(ampersand + 1, semicolon));
    from = semicolon + 1;
  }
  return result + text.slice(from);
}
