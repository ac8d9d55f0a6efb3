/** Writes the parking feed's CSV exactly as parking-decks-muenster does (quoted text, CRLF, capacities row). */
import { formatBerlinMinute } from '../berlinTime';
import { PARKING_CAPACITY_FIRST_CELL, PARKING_HEADER_FIRST_CELL } from './parseParkingCsv';

/** A free-space count, or a Parkleitsystem status. */
export type ParkingCell = number | 'ges' | 'bes' | 'kei';

export interface ParkingCsvContent {
  carParks: readonly { name: string; capacity: number }[];
  /** Rows in time order; `time` is epoch ms, written as Münster local time. */
  rows: readonly { time: number; cells: readonly ParkingCell[] }[];
}

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

export function writeParkingCsv(content: ParkingCsvContent): string {
  const lines = [
    [PARKING_HEADER_FIRST_CELL, ...content.carParks.map((carPark) => carPark.name)].map(quote).join(','),
    [PARKING_CAPACITY_FIRST_CELL, ...content.carParks.map((carPark) => `(${carPark.capacity})`)]
      .map(quote)
      .join(','),
    ...content.rows.map((row) =>
      [
        quote(formatBerlinMinute(row.time)),
        ...row.cells.map((cell) => (typeof cell === 'number' ? String(cell) : quote(cell))),
      ].join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
