/**
 * A streaming, namespace-aware XML scanner made for the reader's few needs, several times faster than a general
 * SAX parser: tags are found with `indexOf` and scanned by character code, names are resolved once and then found
 * by hash (xmlNameTable.ts), attribute values are sliced only when asked for and text only while the handler
 * captures it. It still checks what makes a file unreadable and says where, as the reader reports it: mismatched
 * or unclosed tags, unbound prefixes, bad names and attribute syntax, undefined entities, content outside the
 * root. It checks name characters only loosely (ASCII strictly, all others allowed) and reads no DTD.
 *
 * Given UTF-8 bytes as a byte string (`utf8ByteString` option, see utf8ByteString.ts) it scans one-byte strings,
 * which is faster, and decodes only the text and attribute values it hands out (and the names in its errors);
 * columns in errors then still count characters, not bytes.
 */
import { decodeByteString, hasHighByte } from './utf8ByteString';
import { decodeXmlEntities, XmlEntityError } from './xmlEntities';
import { nextNameHash, type XmlName } from './xmlNameTable';
import { XmlNamespaceScope } from './xmlNamespaceScope';

export type { XmlName } from './xmlNameTable';

/** The attributes of the start tag being reported; valid only during onOpenTag. */
export interface XmlAttributes {
  /** The value of the attribute with this namespace URI and local name, whatever prefix binds it. */
  valueByNamespace(uri: string, local: string): string | undefined;
  /** The value of the unprefixed attribute `name`. */
  value(name: string): string | undefined;
}

/** What the scanner reports to. */
export interface XmlScanHandler {
  /** Read before each run of text: text is sliced out and decoded only when this is true. */
  readonly capturing: boolean;
  onOpenTag(name: XmlName, attributes: XmlAttributes): void;
  onCloseTag(): void;
  /** Character data (entities decoded, CDATA included); one element's text may come in several pieces. */
  onText(text: string): void;
}

/**
 * A copy of a string the scanner handed out, for keeping beyond the building: V8 makes a slice of 13 or more
 * characters a view into its parent, so a kept gml:id would keep its whole 1 MB chunk of the file alive (the
 * pipeline keeps every building's id and address: the input would pile up in memory).
 */
export function detachedString<T extends string | undefined>(text: T): T {
  return (text === undefined || text.length < 13 ? text : (text + ' ').slice(0, -1)) as T;
}

/** A well-formedness error, with the one-based line and zero-based column after the offending character. */
export class XmlSyntaxError extends Error {
  constructor(
    readonly reason: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: ${reason}`);
  }
}

const TAB = 9;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;
const SPACE = 32;
const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const SLASH = 47;
const EQUALS = 61;
const GREATER_THAN = 62;
const EXCLAMATION = 33;
const QUESTION = 63;
const COLON = 58;
const BYTE_ORDER_MARK = 0xfeff;
/** The byte-order mark's UTF-8 bytes as a byte string. */
const UTF8_BYTE_ORDER_MARK = '\u00ef\u00bb\u00bf';
/** A byte ≥ 0x80 in a byte string: part of a multi-byte UTF-8 character. */
const HIGH_BYTE = /[\u0080-\u00ff]/g;
const XML_DECLARATION =
  /^<\?xml\s+version\s*=\s*(["'])1\.\d+\1(\s+encoding\s*=\s*(["'])[A-Za-z][\w.-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*\?>$/;
/** Returned by a construct's scanner when the buffer ends inside it: wait for the next chunk. */
const INCOMPLETE = -1;

function isWhitespace(code: number): boolean {
  return code === SPACE || code === LINE_FEED || code === TAB || code === CARRIAGE_RETURN;
}

/** ASCII characters allowed in names (XML 1.0 NameChar): letters, digits, `-`, `.`, `_`, `:`. */
const ASCII_NAME_CHARACTERS = new Uint8Array(128);
for (const range of ['az', 'AZ', '09', '--', '..', '__', '::'])
  for (let code = range.charCodeAt(0); code <= range.charCodeAt(1); code++) ASCII_NAME_CHARACTERS[code] = 1;

/** Whether a name may contain the character; non-ASCII characters are all let through (NameChar, loosely). */
function isNameCharacter(code: number): boolean {
  return code < 128 ? ASCII_NAME_CHARACTERS[code] === 1 : true;
}

/** A name may start with a letter, `_`, `:` or any non-ASCII character (NameStartChar, loosely). */
function startsName(code: number): boolean {
  return (
    (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95 || code === COLON || code >= 0xc0
  );
}

/** How the scanner reads its chunks. */
export interface XmlScannerOptions {
  /** The chunks are UTF-8 bytes as byte strings (one character per byte), not decoded text. */
  utf8ByteString?: boolean;
}

/** Scans XML text fed in chunks of any size; call close() after the last. Throws XmlSyntaxError. */
export class XmlScanner implements XmlAttributes {
  private buffer = '';
  private position = 0;
  /** Newlines before the buffer, and the characters after the last of them, for error positions. */
  private linesBeforeBuffer = 0;
  private columnBeforeBuffer = 0;
  /** Cached `buffer.indexOf('<', from)` (buffer length when none): one search serves a tag and the text after it. */
  private lessThanFrom = -1;
  private lessThanAt = -1;
  private cdataEndFrom = -1;
  private cdataEndAt = -1;
  private ampersandFrom = -1;
  private ampersandAt = -1;
  /** Cached search for the next byte ≥ 0x80 (byte strings only), like the ones above. */
  private highByteFrom = -1;
  private highByteAt = -1;
  private readonly byteString: boolean;

  /** Qualified names of the open elements, innermost last. */
  private readonly openElements: string[] = [];
  private rootSeen = false;
  private rootClosed = false;
  private readonly namespaces = new XmlNamespaceScope();

  // The current start tag's attributes, as parallel arrays reused from tag to tag.
  private attributeCount = 0;
  private readonly nameStarts: number[] = [];
  private readonly nameEnds: number[] = [];
  private readonly nameHashes: number[] = [];
  private readonly names: XmlName[] = [];
  private readonly valueStarts: number[] = [];
  private readonly valueEnds: number[] = [];
  private readonly valueHasEntity: boolean[] = [];
  private started = false;

  constructor(
    private readonly handler: XmlScanHandler,
    options: XmlScannerOptions = {},
  ) {
    this.byteString = options.utf8ByteString === true;
  }

  /** Scans as far as the text allows; an unfinished construct waits for the next chunk. */
  write(chunk: string): void {
    const rest = this.position < this.buffer.length ? this.buffer.slice(this.position) : '';
    this.countLines(this.position);
    this.buffer = rest === '' ? chunk : rest + chunk;
    if (!this.started && this.buffer !== '') {
      this.started = true;
      if (this.byteString) {
        // The mark may come in pieces: wait for three bytes unless the first ones already differ.
        if (this.buffer.length < 3 && UTF8_BYTE_ORDER_MARK.startsWith(this.buffer)) {
          this.started = false;
          this.position = 0;
          return;
        }
        if (this.buffer.startsWith(UTF8_BYTE_ORDER_MARK)) this.buffer = this.buffer.slice(3);
      } else if (this.buffer.charCodeAt(0) === BYTE_ORDER_MARK) this.buffer = this.buffer.slice(1);
    }
    this.position = 0;
    this.lessThanFrom = this.cdataEndFrom = this.ampersandFrom = this.highByteFrom = -1;
    this.lessThanAt = this.cdataEndAt = this.ampersandAt = this.highByteAt = -1;
    this.scan(false);
  }

  /** Ends the document: anything unfinished is an error. */
  close(): void {
    this.scan(true);
    const end = this.buffer.length;
    if (this.position < end || this.openElements.length > 0) {
      const innermost = this.openElements[this.openElements.length - 1];
      this.fail(
        innermost === undefined ? 'unexpected end of file' : `unclosed tag: ${this.readableName(innermost)}`,
        end,
      );
    }
    if (!this.rootSeen) this.fail('document must contain a root element', end);
  }

  valueByNamespace(uri: string, local: string): string | undefined {
    for (let index = 0; index < this.attributeCount; index++) {
      const name = this.names[index]!;
      if (name.local === local && name.uri === uri) return this.attributeValue(index);
    }
    return undefined;
  }

  value(name: string): string | undefined {
    for (let index = 0; index < this.attributeCount; index++)
      if (this.names[index]!.qualifiedName === name) return this.attributeValue(index);
    return undefined;
  }

  private scan(final: boolean): void {
    const buffer = this.buffer;
    const length = buffer.length;
    let position = this.position;
    while (position < length) {
      const lessThan = this.nextLessThan(position);
      if (lessThan > position) {
        if (lessThan === length && !final) {
          position = this.partialText(position);
          break;
        }
        this.text(position, lessThan);
        position = lessThan;
        if (position === length) break;
      }
      const next = buffer.charCodeAt(position + 1);
      let end: number;
      if (next === SLASH) end = this.closeTag(position);
      else if (next === EXCLAMATION) end = this.markup(position);
      else if (next === QUESTION) end = this.processingInstruction(position);
      else end = this.openTag(position);
      if (end === INCOMPLETE) break;
      position = end;
    }
    this.position = position;
  }

  private nextLessThan(from: number): number {
    if (from < this.lessThanFrom || from > this.lessThanAt) {
      const found = this.buffer.indexOf('<', from);
      this.lessThanFrom = from;
      this.lessThanAt = found < 0 ? this.buffer.length : found;
    }
    return this.lessThanAt;
  }

  private nextAmpersand(from: number): number {
    if (from < this.ampersandFrom || from > this.ampersandAt) {
      const found = this.buffer.indexOf('&', from);
      this.ampersandFrom = from;
      this.ampersandAt = found < 0 ? this.buffer.length : found;
    }
    return this.ampersandAt;
  }

  private nextHighByte(from: number): number {
    if (from < this.highByteFrom || from > this.highByteAt) {
      HIGH_BYTE.lastIndex = from;
      const found = HIGH_BYTE.exec(this.buffer);
      this.highByteFrom = from;
      this.highByteAt = found === null ? this.buffer.length : found.index;
    }
    return this.highByteAt;
  }

  /** The buffer's characters [start, end) as text: byte strings decoded where they hold non-ASCII bytes. */
  private sliceText(start: number, end: number): string {
    const text = this.buffer.slice(start, end);
    if (!this.byteString) return text;
    // Short texts (ids, codes, names) are checked directly; long ones (coordinates) by the cached search.
    const highByte = end - start < 64 ? hasHighByte(text) : this.nextHighByte(start) < end;
    return highByte ? decodeByteString(text) : text;
  }

  /** A name from the buffer as a person reads it (for error messages). */
  private readableName(name: string): string {
    return this.byteString && hasHighByte(name) ? decodeByteString(name) : name;
  }

  private nextCdataEnd(from: number): number {
    if (from < this.cdataEndFrom || from > this.cdataEndAt) {
      const found = this.buffer.indexOf(']]>', from);
      this.cdataEndFrom = from;
      this.cdataEndAt = found < 0 ? this.buffer.length : found;
    }
    return this.cdataEndAt;
  }

  /** Character data between tags, [start, end). */
  private text(start: number, end: number): void {
    if (this.openElements.length === 0) {
      this.whitespaceOutsideRoot(start, end);
      return;
    }
    if (this.nextCdataEnd(start) + 3 <= end)
      this.fail('the string "]]>" is disallowed in char data', this.cdataEndAt + 3);
    const hasEntity = this.nextAmpersand(start) < end;
    if (this.handler.capturing) {
      const text = this.sliceText(start, end);
      this.handler.onText(hasEntity ? this.decode(text, start) : text);
    } else if (hasEntity) {
      this.decode(this.buffer.slice(start, end), start);
    }
  }

  /** Text at the end of a chunk: hand over what is certainly complete, keep a reference that may be cut. */
  private partialText(start: number): number {
    const end = this.buffer.length;
    if (this.openElements.length === 0) {
      this.whitespaceOutsideRoot(start, end);
      return end;
    }
    const ampersand = this.buffer.lastIndexOf('&', end - 1);
    const safeEnd = ampersand >= start && this.buffer.indexOf(';', ampersand) < 0 ? ampersand : end;
    // "]]" at the very end might become "]]>": keep it for the next chunk.
    const keep =
      this.buffer.charCodeAt(safeEnd - 1) === 93 ? (this.buffer.charCodeAt(safeEnd - 2) === 93 ? 2 : 1) : 0;
    let textEnd = Math.max(start, safeEnd - keep);
    // A byte string may end inside a multi-byte character: its bytes wait for the rest of it.
    if (this.byteString) while (textEnd > start && this.buffer.charCodeAt(textEnd - 1) >= 0x80) textEnd--;
    if (textEnd > start) this.text(start, textEnd);
    return textEnd;
  }

  private whitespaceOutsideRoot(start: number, end: number): void {
    for (let index = start; index < end; index++)
      if (!isWhitespace(this.buffer.charCodeAt(index)))
        this.fail('text data outside of root node', index + 1);
  }

  private decode(text: string, start: number): string {
    try {
      return decodeXmlEntities(text);
    } catch (error) {
      if (error instanceof XmlEntityError) this.fail(error.message, this.nextAmpersand(start) + 1);
      throw error;
    }
  }

  /** `<name attributes…>` or `<name …/>`; returns the index after it. */
  private openTag(start: number): number {
    const buffer = this.buffer;
    const length = buffer.length;
    let index = start + 1;
    if (index >= length) return INCOMPLETE;
    if (!startsName(buffer.charCodeAt(index))) this.fail('disallowed character in tag name', index + 1);
    let hash = 0;
    for (; index < length; index++) {
      const code = buffer.charCodeAt(index);
      if (code < 128 && ASCII_NAME_CHARACTERS[code] === 0) break;
      hash = nextNameHash(hash, code);
    }
    if (index >= length) return INCOMPLETE;
    const nameEnd = index;
    const terminator = buffer.charCodeAt(index);
    if (terminator !== GREATER_THAN && terminator !== SLASH && !isWhitespace(terminator))
      this.fail('disallowed character in tag name', index + 1);
    this.attributeCount = 0;
    let selfClosing = false;
    let end: number;
    for (;;) {
      const afterPrevious = index;
      while (index < length && isWhitespace(buffer.charCodeAt(index))) index++;
      if (index >= length) return INCOMPLETE;
      const code = buffer.charCodeAt(index);
      if (code === GREATER_THAN) {
        end = index + 1;
        break;
      }
      if (code === SLASH) {
        if (index + 1 >= length) return INCOMPLETE;
        if (buffer.charCodeAt(index + 1) !== GREATER_THAN)
          this.fail('forward-slash in opening tag not followed by >', index + 2);
        selfClosing = true;
        end = index + 2;
        break;
      }
      if (index === afterPrevious) this.fail('no whitespace between attributes', index + 1);
      index = this.attribute(index);
      if (index === INCOMPLETE) return INCOMPLETE;
    }
    if (this.nextLessThan(start + 1) < end) this.fail('disallowed character', this.lessThanAt + 1);
    this.startElement(start + 1, nameEnd, hash, end);
    if (selfClosing) this.endElement();
    return end;
  }

  /** One `name="value"` from `start`; records it and returns the index after its closing quote. */
  private attribute(start: number): number {
    const buffer = this.buffer;
    const length = buffer.length;
    let index = start;
    if (!startsName(buffer.charCodeAt(index))) this.fail('disallowed character in attribute name', index + 1);
    let hash = 0;
    for (; index < length; index++) {
      const code = buffer.charCodeAt(index);
      if (code < 128 && ASCII_NAME_CHARACTERS[code] === 0) break;
      hash = nextNameHash(hash, code);
    }
    const nameEnd = index;
    while (index < length && isWhitespace(buffer.charCodeAt(index))) index++;
    if (index >= length) return INCOMPLETE;
    if (buffer.charCodeAt(index) !== EQUALS) this.fail('attribute without value', index + 1);
    index++;
    while (index < length && isWhitespace(buffer.charCodeAt(index))) index++;
    if (index >= length) return INCOMPLETE;
    const quote = buffer.charCodeAt(index);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) this.fail('unquoted attribute value', index + 1);
    const valueEnd = buffer.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", index + 1);
    if (valueEnd < 0) return INCOMPLETE;
    const slot = this.attributeCount++;
    this.nameStarts[slot] = start;
    this.nameEnds[slot] = nameEnd;
    this.nameHashes[slot] = hash;
    this.valueStarts[slot] = index + 1;
    this.valueEnds[slot] = valueEnd;
    return valueEnd + 1;
  }

  private attributeValue(index: number): string {
    const start = this.valueStarts[index]!;
    const end = this.valueEnds[index]!;
    let value = this.sliceText(start, end);
    if (this.valueHasEntity[index]) value = this.decode(value, start);
    // Attribute-value normalisation (XML 1.0 §3.3.3): each whitespace character becomes a space.
    return /[\t\n\r]/.test(value) ? value.replace(/[\t\n\r]/g, ' ') : value;
  }

  /** Applies the start tag's namespace declarations, resolves its names and reports it. */
  private startElement(nameStart: number, nameEnd: number, nameHash: number, end: number): void {
    const buffer = this.buffer;
    const depth = this.openElements.length + 1;
    if (depth === 1) {
      if (this.rootClosed) this.fail('documents may contain only one root', end);
      this.rootSeen = true;
    }
    const count = this.attributeCount;
    for (let index = 0; index < count; index++) {
      // In document order, so the cached search for '&' serves every value of the tag.
      const hasEntity = this.nextAmpersand(this.valueStarts[index]!) < this.valueEnds[index]!;
      this.valueHasEntity[index] = hasEntity;
      if (hasEntity) this.attributeValue(index);
      const start = this.nameStarts[index]!;
      if (buffer.charCodeAt(start) === 120 /* x */ && buffer.startsWith('xmlns', start)) {
        const nameLength = this.nameEnds[index]! - start;
        if (nameLength === 5) this.namespaces.declare('', this.attributeValue(index), depth);
        else if (buffer.charCodeAt(start + 5) === COLON)
          this.namespaces.declare(
            buffer.slice(start + 6, start + nameLength),
            this.attributeValue(index),
            depth,
          );
      }
    }
    const name =
      this.namespaces.element(buffer, nameStart, nameEnd, nameHash) ??
      this.failUnbound(nameStart, nameEnd, end);
    for (let index = 0; index < count; index++) {
      const start = this.nameStarts[index]!;
      const attributeEnd = this.nameEnds[index]!;
      const attributeName =
        this.namespaces.attribute(buffer, start, attributeEnd, this.nameHashes[index]!) ??
        this.failUnbound(start, attributeEnd, end);
      for (let earlier = 0; earlier < index; earlier++)
        if (this.names[earlier] === attributeName)
          this.fail(`duplicate attribute: ${this.readableName(attributeName.qualifiedName)}`, end);
      this.names[index] = attributeName;
    }
    this.openElements.push(name.qualifiedName);
    this.handler.onOpenTag(name, this);
  }

  private failUnbound(start: number, end: number, position: number): never {
    const qualifiedName = this.readableName(this.buffer.slice(start, end));
    return this.fail(
      `unbound namespace prefix: "${qualifiedName.slice(0, qualifiedName.indexOf(':'))}"`,
      position,
    );
  }

  private endElement(): void {
    this.namespaces.close(this.openElements.length);
    this.openElements.pop();
    if (this.openElements.length === 0) this.rootClosed = true;
    this.handler.onCloseTag();
  }

  /** `</name>`, which must close the innermost open element. */
  private closeTag(start: number): number {
    const buffer = this.buffer;
    const expectedName = this.openElements[this.openElements.length - 1];
    // The usual case, `</name>` right after its name, without searching for the '>'.
    if (expectedName !== undefined && buffer.startsWith(expectedName, start + 2)) {
      const after = start + 2 + expectedName.length;
      if (buffer.charCodeAt(after) === GREATER_THAN) {
        this.endElement();
        return after + 1;
      }
    }
    const greaterThan = buffer.indexOf('>', start + 2);
    if (greaterThan < 0) return INCOMPLETE;
    const expected = this.openElements[this.openElements.length - 1];
    if (expected === undefined) {
      let nameEnd = start + 2;
      while (nameEnd < greaterThan && isNameCharacter(buffer.charCodeAt(nameEnd))) nameEnd++;
      this.fail(
        `unmatched closing tag: ${this.readableName(buffer.slice(start + 2, nameEnd))}`,
        greaterThan + 1,
      );
    }
    let index = start + 2 + expected.length;
    if (!buffer.startsWith(expected, start + 2) || index > greaterThan)
      this.fail('unexpected close tag', greaterThan + 1);
    while (index < greaterThan && isWhitespace(buffer.charCodeAt(index))) index++;
    if (index !== greaterThan) this.fail('unexpected close tag', greaterThan + 1);
    this.endElement();
    return greaterThan + 1;
  }

  /** Comments, CDATA sections and a DOCTYPE (skipped, internal subset included). */
  private markup(start: number): number {
    const buffer = this.buffer;
    if (buffer.startsWith('<!--', start)) {
      const end = buffer.indexOf('-->', start + 4);
      return end < 0 ? INCOMPLETE : end + 3;
    }
    if (buffer.startsWith('<![CDATA[', start)) {
      const end = buffer.indexOf(']]>', start + 9);
      if (end < 0) return INCOMPLETE;
      if (this.openElements.length === 0) this.fail('CDATA outside of root node', start + 9);
      if (this.handler.capturing) this.handler.onText(this.sliceText(start + 9, end));
      return end + 3;
    }
    if (buffer.startsWith('<!DOCTYPE', start)) {
      const bracket = buffer.indexOf('[', start);
      const greaterThan = buffer.indexOf('>', start);
      if (greaterThan < 0) return INCOMPLETE;
      if (bracket < 0 || bracket > greaterThan) return greaterThan + 1;
      const subsetEnd = buffer.indexOf(']', bracket);
      const end = subsetEnd < 0 ? -1 : buffer.indexOf('>', subsetEnd);
      return end < 0 ? INCOMPLETE : end + 1;
    }
    if (buffer.length - start < 9) return INCOMPLETE;
    return this.fail('disallowed markup', start + 2);
  }

  /** `<?target …?>`; the XML declaration's syntax is checked. */
  private processingInstruction(start: number): number {
    const end = this.buffer.indexOf('?>', start + 2);
    if (end < 0) return INCOMPLETE;
    const instruction = this.buffer.slice(start, end + 2);
    if (/^<\?xml\s/.test(instruction) && !XML_DECLARATION.test(instruction))
      this.fail('malformed XML declaration', end + 2);
    return end + 2;
  }

  /** Adds the newlines of the buffer's first `end` characters, which are about to be dropped. */
  private countLines(end: number): void {
    const buffer = this.buffer;
    let lastNewline = -1;
    for (
      let index = buffer.indexOf('\n');
      index >= 0 && index < end;
      index = buffer.indexOf('\n', index + 1)
    ) {
      this.linesBeforeBuffer++;
      lastNewline = index;
    }
    this.columnBeforeBuffer =
      lastNewline < 0 ? this.columnBeforeBuffer + this.columns(0, end) : this.columns(lastNewline + 1, end);
  }

  /** How many characters (UTF-16 units, as in decoded text) the buffer's [start, end) holds. */
  private columns(start: number, end: number): number {
    if (!this.byteString || this.nextHighByte(start) >= end) return end - start;
    let count = 0;
    for (let index = start; index < end; index++) {
      const code = this.buffer.charCodeAt(index);
      // UTF-8 continuation bytes add nothing; a four-byte character is two UTF-16 units.
      if (code < 0x80 || code >= 0xc0) count += code >= 0xf0 ? 2 : 1;
    }
    return count;
  }

  private fail(reason: string, position: number): never {
    const buffer = this.buffer;
    const end = Math.min(position, buffer.length);
    let line = this.linesBeforeBuffer + 1;
    let lastNewline = -1;
    for (
      let index = buffer.indexOf('\n');
      index >= 0 && index < end;
      index = buffer.indexOf('\n', index + 1)
    ) {
      line++;
      lastNewline = index;
    }
    const column =
      lastNewline < 0 ? this.columnBeforeBuffer + this.columns(0, end) : this.columns(lastNewline + 1, end);
    throw new XmlSyntaxError(reason, line, column);
  }
}
