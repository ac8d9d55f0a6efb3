import type { WorkshopComment } from './workshopProtocol';

/** One vote as exported. */
export interface ExportedVote {
  participantId: string;
  displayName: string;
  stepIndex: number;
  stepId: string;
  optionId: string;
  votedAt: string;
}

/**
 * A CSV cell: quoted, quotes doubled, and a leading = + - @ (or tab/CR) neutralised with an apostrophe so a
 * spreadsheet never runs a participant's text as a formula (OWASP "CSV injection").
 */
export function csvCell(value: string | number | boolean): string {
  const text = String(value);
  const safe = typeof value === 'string' && /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Comments and votes as one CSV table (UTF-8 with BOM, so spreadsheet programs read umlauts right). */
export function workshopResultsCsv(
  comments: readonly WorkshopComment[],
  votes: readonly ExportedVote[],
  stepIdOf: (stepIndex: number) => string,
): string {
  const header = [
    'type',
    'step',
    'stepId',
    'participant',
    'displayName',
    'text',
    'optionId',
    'longitude',
    'latitude',
    'height',
    'hidden',
    'time',
  ];
  const rows = [
    ...comments.map((comment) => [
      'comment',
      comment.stepIndex + 1,
      stepIdOf(comment.stepIndex),
      comment.participantId,
      comment.displayName,
      comment.text,
      '',
      comment.position.longitudeDegrees,
      comment.position.latitudeDegrees,
      comment.position.heightMeters,
      comment.hidden,
      comment.updatedAt,
    ]),
    ...votes.map((vote) => [
      'vote',
      vote.stepIndex + 1,
      vote.stepId,
      vote.participantId,
      vote.displayName,
      '',
      vote.optionId,
      '',
      '',
      '',
      false,
      vote.votedAt,
    ]),
  ];
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Comments as a GeoJSON FeatureCollection of points (RFC 7946: WGS84, longitude first). */
export function workshopCommentsGeoJson(
  comments: readonly WorkshopComment[],
  stepIdOf: (stepIndex: number) => string,
): object {
  return {
    type: 'FeatureCollection',
    features: comments.map((comment) => ({
      type: 'Feature',
      id: comment.id,
      geometry: {
        type: 'Point',
        coordinates: [
          comment.position.longitudeDegrees,
          comment.position.latitudeDegrees,
          comment.position.heightMeters,
        ],
      },
      properties: {
        step: comment.stepIndex + 1,
        stepId: stepIdOf(comment.stepIndex),
        participantId: comment.participantId,
        displayName: comment.displayName,
        text: comment.text,
        hidden: comment.hidden,
        createdAt: comment.createdAt,
        updatedAt: comment.updatedAt,
      },
    })),
  };
}
