/**
 * Streaming reader for NRW LoD2 CityGML (1.0 and 2.0, AdV profile): yields one BuildingSource per `bldg:Building`
 * as soon as its end tag has been read. The caller supplies the bytes (e.g. `fs.createReadStream(path)`), so this
 * module does no I/O and tests can feed strings.
 */
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { CityGmlSaxHandler } from './cityGmlSaxHandler';
import { byteStringOf, fastByteString } from './utf8ByteString';
import { XmlScanner, XmlSyntaxError } from './xmlScanner';

/** What the reader needs besides the bytes. */
export interface ReadCityGmlOptions {
  /** The file name as given on the command line; goes into every BuildingSource and issue. */
  sourceFile: string;
  /** Receives every problem as data; the rest of the file is still converted. */
  onIssue(issue: BuildingIssue): void;
}

/**
 * Reads CityGML from text or UTF-8 byte chunks and yields each building in document order. Malformed XML ends the
 * file with one `malformed-xml` error; buildings completed before it are still yielded.
 */
export async function* readCityGml(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ReadCityGmlOptions,
): AsyncGenerator<BuildingSource, void, undefined> {
  const iterator = (
    Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : chunks[Symbol.iterator]()
  ) as AsyncIterator<string | Uint8Array> | Iterator<string | Uint8Array>;
  const first = await iterator.next();
  // Node Buffers are scanned as byte strings (utf8ByteString.ts: faster); text and other bytes as decoded text.
  const firstByteString =
    first.done !== true && typeof first.value !== 'string' ? fastByteString(first.value) : undefined;
  const byteMode = firstByteString !== undefined;
  const handler = new CityGmlSaxHandler(options.sourceFile, options.onIssue);
  const scanner = new XmlScanner(handler, { utf8ByteString: byteMode });
  /** Feeds the scanner; false once the XML turned out malformed (reported, the rest of the file unread). */
  const scan = (text: string | null): boolean => {
    try {
      if (text === null) scanner.close();
      else scanner.write(text);
      return true;
    } catch (error) {
      if (!(error instanceof XmlSyntaxError)) throw error;
      const featureId = handler.currentFeatureId;
      options.onIssue({
        severity: 'error',
        code: 'malformed-xml',
        file: options.sourceFile,
        featureId,
        message:
          `Malformed XML in ${options.sourceFile} at line ${error.line}, column ${error.column}: ` +
          `${error.reason}; reading stopped` +
          (featureId === undefined ? '.' : ` inside building ${featureId}, which is skipped.`),
      });
      return false;
    }
  };

  // Streaming decoder: a multi-byte character may be split across two chunks (byte strings need none).
  const decoder = new TextDecoder('utf-8');
  const textOf = (chunk: string | Uint8Array): string => {
    if (!byteMode) return typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    return fastByteString(bytes) ?? byteStringOf(bytes);
  };
  let finished = first.done === true;
  try {
    for (let next = first; next.done !== true; next = await iterator.next()) {
      const text = next === first && firstByteString !== undefined ? firstByteString : textOf(next.value);
      const scanned = scan(text);
      yield* drain(handler.finishedBuildings);
      if (!scanned) return;
    }
    finished = true;
  } finally {
    // Stopped early (malformed XML, or the caller stopped reading): let the source close its file.
    if (!finished) await iterator.return?.();
  }
  const rest = byteMode ? '' : decoder.decode();
  if (rest === '' || scan(rest)) scan(null);
  yield* drain(handler.finishedBuildings);
}

/** Empties the queue, so that only buildings not yet yielded stay in memory. */
function drain(queue: BuildingSource[]): BuildingSource[] {
  return queue.length === 0 ? [] : queue.splice(0, queue.length);
}
