/**
 * Streaming reader for NRW LoD2 CityGML (1.0 and 2.0, AdV profile): yields one BuildingSource per `bldg:Building`
 * as soon as its end tag has been read. The caller supplies the bytes (e.g. `fs.createReadStream(path)`), so this
 * module does no I/O and tests can feed strings.
 */
import { SaxesParser } from 'saxes';
import type { BuildingIssue, BuildingSource } from '../buildingModel';
import { CityGmlSaxHandler } from './cityGmlSaxHandler';

/** What the reader needs besides the bytes. */
export interface ReadCityGmlOptions {
  /** The file name as given on the command line; goes into every BuildingSource and issue. */
  sourceFile: string;
  /** Receives every problem as data; the rest of the file is still converted. */
  onIssue(issue: BuildingIssue): void;
}

/** Thrown from saxes' error callback to stop parsing at the first XML error; never leaves this module. */
class MalformedXmlStop extends Error {}

/**
 * Reads CityGML from text or UTF-8 byte chunks and yields each building in document order. Malformed XML ends the
 * file with one `malformed-xml` error; buildings completed before it are still yielded.
 */
export async function* readCityGml(
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  options: ReadCityGmlOptions,
): AsyncGenerator<BuildingSource, void, undefined> {
  const handler = new CityGmlSaxHandler(options.sourceFile, options.onIssue);
  const parser = new SaxesParser({ xmlns: true, position: true });
  let failed = false;
  parser.on('text', (text) => handler.onText(text));
  parser.on('opentag', (tag) => handler.onOpenTag(tag));
  parser.on('closetag', () => handler.onCloseTag());
  parser.on('error', (error) => {
    const featureId = handler.currentFeatureId;
    options.onIssue({
      severity: 'error',
      code: 'malformed-xml',
      file: options.sourceFile,
      featureId,
      message:
        `Malformed XML in ${options.sourceFile} at line ${parser.line}, column ${parser.column}: ` +
        `${saxesReason(error.message)}; reading stopped` +
        (featureId === undefined ? '.' : ` inside building ${featureId}, which is skipped.`),
    });
    failed = true;
    throw new MalformedXmlStop();
  });

  const write = (text: string | null): void => {
    try {
      if (text === null) parser.close();
      else parser.write(text);
    } catch (error) {
      if (!(error instanceof MalformedXmlStop)) throw error;
    }
  };

  // Streaming decoder: a multi-byte character may be split across two chunks.
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of chunks) {
    write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    yield* drain(handler.finishedBuildings);
    if (failed) return;
  }
  const rest = decoder.decode();
  if (rest !== '') write(rest);
  if (!failed) write(null);
  yield* drain(handler.finishedBuildings);
}

/** Empties the queue, so that only buildings not yet yielded stay in memory. */
function drain(queue: BuildingSource[]): BuildingSource[] {
  return queue.length === 0 ? [] : queue.splice(0, queue.length);
}

/** saxes prefixes its messages with `line:column: ` and ends them with a period; the issue words it itself. */
function saxesReason(message: string): string {
  const match = /^\d+:\d+: /.exec(message);
  const reason = match === null ? message : message.slice(match[0].length);
  return reason.endsWith('.') ? reason.slice(0, -1) : reason;
}
