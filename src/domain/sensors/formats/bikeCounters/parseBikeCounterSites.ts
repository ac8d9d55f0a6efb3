/**
 * `site_min.json` of od-ms/radverkehr-zaehlstellen: every station with its channels
 * (`[{ name, directory, start, channels: [[id, name], …] }]`, the first channel being the station total).
 * It names the sensors; where they stand comes from the known places or a catalogue.
 */
import {
  IssueCollector,
  parsedRecording,
  resolveProvenance,
  type ParsedRecording,
  type ProvenanceOptions,
  type SensorDraft,
} from '../recordingModel';
import { bikeCounterSensorId } from '../sensorIds';
import { BIKE_COUNTER_PROVENANCE } from './parseBikeCounterCsv';

export interface BikeCounterSite {
  stationId: string;
  name: string;
  channels: { channelId: string; name: string }[];
}

/** Sites from already-parsed JSON; entries that are not a site are skipped with an issue. */
export function readBikeCounterSites(json: unknown, issues: IssueCollector): BikeCounterSite[] {
  if (!Array.isArray(json)) {
    issues.error('not-a-site-list', 'expected an array of stations');
    return [];
  }
  const sites: BikeCounterSite[] = [];
  json.forEach((entry: unknown, index) => {
    const field = `[${index}]`;
    const site = entry as { name?: unknown; directory?: unknown; channels?: unknown };
    const stationId = typeof site?.directory === 'string' ? site.directory : undefined;
    if (
      !stationId ||
      !/^\d+$/.test(stationId) ||
      typeof site.name !== 'string' ||
      !Array.isArray(site.channels)
    ) {
      issues.error('bad-site', 'a station needs name, directory (its id) and channels', { field });
      return;
    }
    const channels: BikeCounterSite['channels'] = [];
    for (const channel of site.channels as unknown[]) {
      if (Array.isArray(channel) && /^\d+$/.test(String(channel[0])) && typeof channel[1] === 'string')
        channels.push({ channelId: String(channel[0]), name: channel[1] });
      else issues.warning('bad-channel', `channel ${JSON.stringify(channel)} is not [id, name]`, { field });
    }
    sites.push({ stationId, name: site.name, channels });
  });
  return sites;
}

export function parseBikeCounterSites(
  text: string,
  options: { file: string } & ProvenanceOptions,
): ParsedRecording {
  const issues = new IssueCollector(options.file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    issues.error('malformed-json', (error as Error).message);
    return parsedRecording('bike-counter-sites', issues, { sensors: [], observations: [], rowCount: 0 });
  }
  const sites = readBikeCounterSites(json, issues);
  const provenance = resolveProvenance(BIKE_COUNTER_PROVENANCE, options);
  const sensors: SensorDraft[] = sites.flatMap((site) =>
    (site.channels.length > 0 ? site.channels : [{ channelId: site.stationId, name: site.name }]).map(
      (channel) => ({
        id: bikeCounterSensorId(site.stationId, channel.channelId),
        name: channel.name,
        kind: 'bike-counter' as const,
        phenomena: [{ phenomenon: 'bike_count' as const, intervalSeconds: 900 }],
        ...provenance,
      }),
    ),
  );
  return parsedRecording('bike-counter-sites', issues, { sensors, observations: [], rowCount: sites.length });
}
