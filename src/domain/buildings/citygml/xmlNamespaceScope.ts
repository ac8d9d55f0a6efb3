/**
 * The namespace bindings in force while the scanner walks the document (Namespaces in XML 1.0): declarations of an
 * element hold until it closes. Resolved names are kept in two XmlNameTables, one for elements (unprefixed ones
 * take the default namespace) and one for attributes (unprefixed ones have none), emptied when a binding changes.
 */
import { XmlNameTable, type XmlName } from './xmlNameTable';

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NAMESPACE = 'http://www.w3.org/2000/xmlns/';

export class XmlNamespaceScope {
  private readonly bindings = new Map<string, string>([
    ['xml', XML_NAMESPACE],
    ['xmlns', XMLNS_NAMESPACE],
  ]);
  /** (prefix, previous URI) pairs replaced by declarations, to restore when their elements close. */
  private readonly replaced: (string | undefined)[] = [];
  /**
   * The depths of the open elements that declare namespaces (after a sentinel, so that reading the innermost
   * never reads before the array's start, a slow lookup in V8), and where their pairs start in `replaced`.
   */
  private readonly declaringDepths: number[] = [-1];
  private readonly marks: number[] = [];
  private readonly elementNames = new XmlNameTable();
  private readonly attributeNames = new XmlNameTable();

  /** Binds `prefix` ('' for the default namespace) for the element at `depth`, until it closes. */
  declare(prefix: string, uri: string, depth: number): void {
    if (this.declaringDepths[this.declaringDepths.length - 1] !== depth) {
      this.declaringDepths.push(depth);
      this.marks.push(this.replaced.length);
    }
    this.replaced.push(prefix, this.bindings.get(prefix));
    this.bindings.set(prefix, uri);
    this.forgetNames();
  }

  /** The element at `depth` closes: its declarations go out of scope. */
  close(depth: number): void {
    if (this.declaringDepths[this.declaringDepths.length - 1] !== depth) return;
    this.declaringDepths.pop();
    const mark = this.marks.pop()!;
    const replaced = this.replaced;
    for (let index = replaced.length - 2; index >= mark; index -= 2) {
      const prefix = replaced[index]!;
      const previous = replaced[index + 1];
      if (previous === undefined) this.bindings.delete(prefix);
      else this.bindings.set(prefix, previous);
    }
    replaced.length = mark;
    this.forgetNames();
  }

  /** The element name `buffer[start, end)` (whose hash is `hash`) resolved; undefined when its prefix is unbound. */
  element(buffer: string, start: number, end: number, hash: number): XmlName | undefined {
    return this.elementNames.find(buffer, start, end, hash) ?? this.resolve(buffer, start, end, hash, true);
  }

  /** The attribute name `buffer[start, end)` resolved; undefined when its prefix is unbound. */
  attribute(buffer: string, start: number, end: number, hash: number): XmlName | undefined {
    return (
      this.attributeNames.find(buffer, start, end, hash) ?? this.resolve(buffer, start, end, hash, false)
    );
  }

  private resolve(
    buffer: string,
    start: number,
    end: number,
    hash: number,
    isElement: boolean,
  ): XmlName | undefined {
    const qualifiedName = buffer.slice(start, end);
    const colon = qualifiedName.indexOf(':');
    const uri =
      colon < 0
        ? isElement
          ? (this.bindings.get('') ?? '')
          : ''
        : this.bindings.get(qualifiedName.slice(0, colon));
    if (uri === undefined) return undefined;
    const name: XmlName = { qualifiedName, uri, local: qualifiedName.slice(colon + 1) };
    (isElement ? this.elementNames : this.attributeNames).add(hash, name);
    return name;
  }

  private forgetNames(): void {
    this.elementNames.clear();
    this.attributeNames.clear();
  }
}
