/**
 * Writes one SPaT message in the XML layout of Leezenflow's recordings (see parseSpatXml). A fixed-time signal
 * is written as ONE message at the start of a cycle whose MovementEvents list exactly one cycle, with
 * `IntersectionStatusObject.fixedTimeOperation` = 1: the replay repeats it, so no week of phases is stored.
 */
export interface SpatMessageContent {
  intersectionId: number;
  intersectionName: string;
  /** Epoch ms of the message; its UTC year is the one the reader must be told. */
  time: number;
  fixedTime: boolean;
  groups: readonly {
    signalGroup: number;
    /** Each phase and its end, in ms after the message. */
    events: readonly { eventState: number; endOffsetMs: number }[];
  }[];
}

const HOUR_MS = 3_600_000;
const STATUS_FLAGS = [
  'manualControlIsEnabled',
  'stopTimeIsActivated',
  'failureFlash',
  'preemptIsActive',
  'signalPriorityIsActive',
  'fixedTimeOperation',
  'trafficDependentOperation',
  'standbyOperation',
  'failureMode',
  'off',
  'recentMAPmessageUpdate',
  'recentChangeInMAPassignedLanesIDsUsed',
  'noValidMAPisAvailableAtThisTime',
  'noValidSPATisAvailableAtThisTime',
];

/** Tenths of a second within the hour of an instant. */
const timeMarkOf = (time: number) => Math.round((time - Math.floor(time / HOUR_MS) * HOUR_MS) / 100);

export function writeSpatXml(message: SpatMessageContent): string {
  const yearStart = Date.UTC(new Date(message.time).getUTCFullYear(), 0, 1);
  const sinceYearStart = message.time - yearStart;
  const flags = STATUS_FLAGS.map((flag) => {
    const on =
      flag === 'fixedTimeOperation'
        ? message.fixedTime
        : flag === 'trafficDependentOperation' && !message.fixedTime;
    return `          <IntersectionStatusObject.${flag}>${on ? 1 : 0}</IntersectionStatusObject.${flag}>`;
  });
  const states = message.groups.map((group) => {
    const events = group.events.map((event) => {
      const mark = timeMarkOf(message.time + event.endOffsetMs);
      return [
        '              <MovementEvent>',
        `                <eventState>${event.eventState}</eventState>`,
        '                <timing>',
        `                  <minEndTime>${mark}</minEndTime>`,
        `                  <maxEndTime>${mark}</maxEndTime>`,
        `                  <likelyTime>${mark}</likelyTime>`,
        '                  <confidence>15</confidence>',
        '                </timing>',
        '              </MovementEvent>',
      ].join('\n');
    });
    return [
      '          <MovementState>',
      `            <movementName>${group.signalGroup}</movementName>`,
      `            <signalGroup>${group.signalGroup}</signalGroup>`,
      '            <state_time_speed>',
      ...events,
      '            </state_time_speed>',
      '          </MovementState>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0"?>',
    '<DATA>',
    '  <ItsPduHeader>',
    '    <protocolVersion>2</protocolVersion>',
    '    <messageID>4</messageID>',
    `    <stationID>${message.intersectionId}</stationID>`,
    '  </ItsPduHeader>',
    '  <SPAT>',
    '    <name>2.3.0</name>',
    '    <intersections>',
    '      <IntersectionState>',
    `        <name>${message.intersectionName.replace(/[<&>]/g, '_')}</name>`,
    '        <id>',
    '          <region>49</region>',
    `          <id>${message.intersectionId}</id>`,
    '        </id>',
    '        <revision>1</revision>',
    '        <status>',
    ...flags,
    '        </status>',
    `        <moy>${Math.floor(sinceYearStart / 60_000)}</moy>`,
    `        <timeStamp>${sinceYearStart % 60_000}</timeStamp>`,
    '        <states>',
    ...states,
    '        </states>',
    '      </IntersectionState>',
    '    </intersections>',
    '  </SPAT>',
    '</DATA>',
    '',
  ].join('\n');
}
