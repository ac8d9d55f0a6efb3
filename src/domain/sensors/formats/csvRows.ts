/**
 * A small CSV reader (RFC 4180 quoting, any one-character separator, LF or CRLF, a leading BOM), enough for the
 * city's recordings; it keeps each record's starting line so issues can name it.
 */

export interface CsvRow {
  /** 1-based line the record starts on. */
  line: number;
  cells: string[];
}

export interface CsvParseResult {
  rows: CsvRow[];
  /** Line of a quote that was never closed; the text after it is read as one cell. */
  unterminatedQuoteLine?: number;
}

/** Splits text into records; blank lines are dropped. */
export function readCsvRows(text: string, separator = ','): CsvParseResult {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const endRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0]!.trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };

  for (let index = start; index < text.length; index += 1) {
    const character = text[index]!;
    if (inQuotes) {
      if (character === '"') {
        if (text[index + 1] === '"') {
          cell += '"';
          index += 1;
        } else inQuotes = false;
      } else {
        if (character === '\n') line += 1;
        cell += character;
      }
      continue;
    }
    if (character === '"') {
      inQuotes = true;
      quoteLine = line;
    } else if (character === separator) {
      cells.push(cell);
      cell = '';
    } else if (character === '\n') {
      endRow();
      line += 1;
      rowLine = line;
    } else if (character !== '\r') cell += character;
  }
  if (cell !== '' || cells.length > 0) endRow();
  return inQuotes ? { rows, unterminatedQuoteLine: quoteLine } : { rows };
}

/** The first line of a text, without BOM and line end: enough to recognise most formats. */
export function firstLine(text: string): string {
  const withoutBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const end = withoutBom.search(/\r?\n/);
  return end < 0 ? withoutBom : withoutBom.slice(0, end);
}
