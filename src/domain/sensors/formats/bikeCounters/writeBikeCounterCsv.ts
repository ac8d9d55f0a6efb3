/** Writes a station's counts in od-ms/radverkehr-zaehlstellen's CSV layout (see parseBikeCounterCsv). */
import { formatBerlinMinute } from '../berlinTime';

export interface BikeCounterCsvContent {
  /** The first channel is the station total, as in the city's files. */
  channels: readonly { channelId: string; name: string }[];
  /** `start` is the beginning of the counting interval (epoch ms); one count per channel, null = inactive. */
  rows: readonly { start: number; counts: readonly (number | null)[] }[];
}

const csvCell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function writeBikeCounterCsv(content: BikeCounterCsvContent): string {
  const header = [
    'Datetime',
    ...content.channels.map((channel) => csvCell(`${channel.channelId} (${channel.name})`)),
    ...content.channels.map((channel) => `${channel.channelId}-status`),
  ].join(',');
  const lines = content.rows.map((row) =>
    [
      formatBerlinMinute(row.start),
      ...row.counts.map((count) => (count === null ? '' : String(count))),
      ...row.counts.map((count) => (count === null ? '' : '0')),
    ].join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
