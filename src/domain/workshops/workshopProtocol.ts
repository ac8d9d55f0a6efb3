/**
 * The contract between the workshop server (src/server/workshops) and the browser: request bodies with their
 * limits (zod, so a refusal names the field), what the server answers, and the live messages. Pure, no I/O.
 */
import { z } from 'zod';

export const WORKSHOP_API_PATH = '/api/workshops';

/** Longest display name and comment; longer input is refused with 400 naming the field. */
export const MAX_DISPLAY_NAME_LENGTH = 40;
export const MAX_COMMENT_LENGTH = 1_000;
/** Largest request body the workshop routes read. */
export const MAX_WORKSHOP_BODY_BYTES = 4_096;

/** Characters of a join code: no 0/O, 1/I/L, so it can be read from a projector and typed on a phone. */
export const JOIN_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const JOIN_CODE_LENGTH = 6;

/** Control characters are refused (tab and line breaks only in comments): text is stored and shown as text. */
function noControlCharacters(text: string): boolean {
  return [...text].every((character) => {
    const code = character.codePointAt(0)!;
    return code === 0x09 || code === 0x0a || code === 0x0d || (code >= 0x20 && code !== 0x7f);
  });
}

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, 'give a display name')
  .max(MAX_DISPLAY_NAME_LENGTH, `at most ${MAX_DISPLAY_NAME_LENGTH} characters`)
  .refine(
    (text) => noControlCharacters(text) && !/[\r\n\t]/.test(text),
    'one line of text, no control characters',
  );

export const commentTextSchema = z
  .string()
  .trim()
  .min(1, 'write a comment')
  .max(MAX_COMMENT_LENGTH, `at most ${MAX_COMMENT_LENGTH} characters`)
  .refine(noControlCharacters, 'no control characters');

const stepIndexSchema = z.number().int().min(0).max(99);

/** Where a comment is pinned on the model (WGS84, ellipsoid height). */
export const pinPositionSchema = z
  .object({
    longitudeDegrees: z.number().min(-180).max(180),
    latitudeDegrees: z.number().min(-90).max(90),
    heightMeters: z.number().min(-500).max(10_000),
  })
  .strict();

export const openSessionRequestSchema = z
  .object({ storyboardId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a storyboard id') })
  .strict();
export const joinRequestSchema = z.object({ displayName: displayNameSchema }).strict();
export const stepRequestSchema = z.object({ stepIndex: stepIndexSchema }).strict();
export const commentRequestSchema = z
  .object({ stepIndex: stepIndexSchema, text: commentTextSchema, position: pinPositionSchema })
  .strict();
export const editCommentRequestSchema = z.object({ text: commentTextSchema }).strict();
export const hideCommentRequestSchema = z.object({ hidden: z.boolean() }).strict();
export const voteRequestSchema = z
  .object({ stepIndex: stepIndexSchema, optionId: z.string().min(1).max(64) })
  .strict();

export type PinPosition = z.output<typeof pinPositionSchema>;

/** Answer to opening a session: the facilitator key is shown once and never stored in clear. */
export interface OpenedSession {
  code: string;
  storyboardId: string;
  facilitatorKey: string;
}

/** Answer to joining: the participant's own token (it alone may change their contributions). */
export interface JoinedSession {
  code: string;
  participantId: string;
  participantToken: string;
  displayName: string;
}

export interface WorkshopComment {
  id: string;
  participantId: string;
  displayName: string;
  stepIndex: number;
  text: string;
  position: PinPosition;
  createdAt: string;
  updatedAt: string;
  hidden: boolean;
}

/** Votes per option of one step. */
export interface StepVoteTally {
  stepIndex: number;
  counts: Record<string, number>;
}

/** Everything a screen of the session shows; participants get no hidden comments and only their own vote. */
export interface WorkshopSnapshot {
  code: string;
  storyboardId: string;
  stepIndex: number;
  participantCount: number;
  comments: WorkshopComment[];
  votes: StepVoteTally[];
  /** The viewer's own votes by step index (participants), empty for the facilitator. */
  ownVotes: Record<number, string>;
  role: 'facilitator' | 'participant';
}

/** Sent over the live WebSocket: the whole snapshot after every change (sessions are small). */
export type WorkshopLiveMessage = { type: 'snapshot'; snapshot: WorkshopSnapshot };

/** A refused request: HTTP status with every problem, each naming its field as a JSON path. */
export interface WorkshopRefusal {
  error: string;
  message: string;
  issues: { code: string; path: string; message: string }[];
}

/** The address participants open to join (the QR code carries it). */
export function joinLink(origin: string, code: string): string {
  return `${origin}/?join=${encodeURIComponent(code)}`;
}

export function isJoinCode(text: string): boolean {
  return new RegExp(`^[${JOIN_CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`).test(text);
}
