import { createHash, randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '../sqliteDriver';
import { openSchemaDatabase } from '../sqliteFiles';
import { storyboardDocumentSchema, type StoryboardDocument } from '../../domain/storyboards/storyboardSchema';
import type { ExportedVote } from '../../domain/workshops/workshopExport';
import {
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  type PinPosition,
  type StepVoteTally,
  type WorkshopComment,
} from '../../domain/workshops/workshopProtocol';

/** The database layout this code writes (`PRAGMA user_version`); a newer file is refused. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS sessions (
    code TEXT PRIMARY KEY,
    storyboard_id TEXT NOT NULL,
    storyboard_json TEXT NOT NULL,
    facilitator_key_hash TEXT NOT NULL,
    step_index INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS participants (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL REFERENCES sessions(code),
    display_name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    joined_at TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS comments (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL REFERENCES sessions(code),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    step_index INTEGER NOT NULL,
    text TEXT NOT NULL,
    longitude REAL NOT NULL,
    latitude REAL NOT NULL,
    height REAL NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    hidden INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS comments_by_session ON comments (code, created_at);
  CREATE TABLE IF NOT EXISTS votes (
    code TEXT NOT NULL REFERENCES sessions(code),
    participant_id TEXT NOT NULL REFERENCES participants(id),
    step_index INTEGER NOT NULL,
    option_id TEXT NOT NULL,
    voted_at TEXT NOT NULL,
    PRIMARY KEY (code, participant_id, step_index)
  );
`;

/** A session as the routes need it: the storyboard as it was when the session opened (edits later do not apply). */
export interface WorkshopSession {
  code: string;
  storyboard: StoryboardDocument;
  stepIndex: number;
  createdAt: string;
}

export interface Participant {
  id: string;
  code: string;
  displayName: string;
}

interface CommentRow {
  id: string;
  participant_id: string;
  display_name: string;
  step_index: number;
  text: string;
  longitude: number;
  latitude: number;
  height: number;
  created_at: string;
  updated_at: string;
  hidden: number;
}

/** Secrets are kept only as SHA-256 hashes: a copied database file lets nobody moderate or post as someone. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

function commentOf(row: CommentRow): WorkshopComment {
  return {
    id: row.id,
    participantId: row.participant_id,
    displayName: row.display_name,
    stepIndex: row.step_index,
    text: row.text,
    position: { longitudeDegrees: row.longitude, latitudeDegrees: row.latitude, heightMeters: row.height },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    hidden: row.hidden === 1,
  };
}

/**
 * Workshop sessions, participants, comments and votes in one SQLite file. Every write is committed before the
 * answer goes out (synchronous = FULL), so a server restart during a session loses nothing.
 */
export class WorkshopStore {
  private readonly database: SqliteDatabase;

  constructor(
    readonly path: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.database = openSchemaDatabase(path, {
      schema: SCHEMA,
      schemaVersion: SCHEMA_VERSION,
      synchronous: 'FULL',
      pragmas: ['foreign_keys = ON'],
    });
  }

  /** Opens a session with a fresh join code; the facilitator key is returned once and stored only hashed. */
  openSession(storyboard: StoryboardDocument): { code: string; facilitatorKey: string } {
    const facilitatorKey = newSecret();
    const exists = this.database.prepare('SELECT 1 FROM sessions WHERE code = ?');
    let code: string;
    do {
      code = Array.from(
        { length: JOIN_CODE_LENGTH },
        () => JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)],
      ).join('');
    } while (exists.get(code) !== undefined);
    this.database
      .prepare(
        `INSERT INTO sessions (code, storyboard_id, storyboard_json, facilitator_key_hash, step_index, created_at)
         VALUES (?, ?, ?, ?, 0, ?)`,
      )
      .run(
        code,
        storyboard.id,
        JSON.stringify(storyboard),
        hashSecret(facilitatorKey),
        this.now().toISOString(),
      );
    return { code, facilitatorKey };
  }

  session(code: string): WorkshopSession | undefined {
    const row = this.database
      .prepare('SELECT code, storyboard_json, step_index, created_at FROM sessions WHERE code = ?')
      .get(code) as
      { code: string; storyboard_json: string; step_index: number; created_at: string } | undefined;
    if (!row) return undefined;
    const storyboard = storyboardDocumentSchema.parse(JSON.parse(row.storyboard_json));
    return { code: row.code, storyboard, stepIndex: row.step_index, createdAt: row.created_at };
  }

  isFacilitator(code: string, key: string): boolean {
    const row = this.database
      .prepare('SELECT facilitator_key_hash AS hash FROM sessions WHERE code = ?')
      .get(code) as { hash: string } | undefined;
    return row !== undefined && row.hash === hashSecret(key);
  }

  setStep(code: string, stepIndex: number): void {
    this.database.prepare('UPDATE sessions SET step_index = ? WHERE code = ?').run(stepIndex, code);
  }

  join(code: string, displayName: string): { participant: Participant; token: string } {
    const token = newSecret();
    const participant: Participant = { id: randomUUID(), code, displayName };
    this.database
      .prepare(
        'INSERT INTO participants (id, code, display_name, token_hash, joined_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(participant.id, code, displayName, hashSecret(token), this.now().toISOString());
    return { participant, token };
  }

  /** The participant holding this token in this session; undefined for a token of another session or none. */
  participantByToken(code: string, token: string): Participant | undefined {
    const row = this.database
      .prepare('SELECT id, code, display_name FROM participants WHERE token_hash = ? AND code = ?')
      .get(hashSecret(token), code) as { id: string; code: string; display_name: string } | undefined;
    return row && { id: row.id, code: row.code, displayName: row.display_name };
  }

  participantCount(code: string): number {
    return (
      this.database.prepare('SELECT COUNT(*) AS count FROM participants WHERE code = ?').get(code) as {
        count: number;
      }
    ).count;
  }

  addComment(
    participant: Participant,
    stepIndex: number,
    text: string,
    position: PinPosition,
  ): WorkshopComment {
    const id = randomUUID();
    const time = this.now().toISOString();
    this.database
      .prepare(
        `INSERT INTO comments (id, code, participant_id, step_index, text, longitude, latitude, height, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        participant.code,
        participant.id,
        stepIndex,
        text,
        position.longitudeDegrees,
        position.latitudeDegrees,
        position.heightMeters,
        time,
        time,
      );
    return this.comment(participant.code, id)!;
  }

  comment(code: string, commentId: string): WorkshopComment | undefined {
    const row = this.database
      .prepare(
        `SELECT c.*, p.display_name FROM comments c JOIN participants p ON p.id = c.participant_id
         WHERE c.code = ? AND c.id = ?`,
      )
      .get(code, commentId) as CommentRow | undefined;
    return row && commentOf(row);
  }

  editComment(code: string, commentId: string, text: string): void {
    this.database
      .prepare('UPDATE comments SET text = ?, updated_at = ? WHERE code = ? AND id = ?')
      .run(text, this.now().toISOString(), code, commentId);
  }

  setCommentHidden(code: string, commentId: string, hidden: boolean): void {
    this.database
      .prepare('UPDATE comments SET hidden = ? WHERE code = ? AND id = ?')
      .run(hidden ? 1 : 0, code, commentId);
  }

  /** The session's comments, oldest first; hidden ones only when asked (facilitator, export). */
  comments(code: string, includeHidden: boolean): WorkshopComment[] {
    const rows = this.database
      .prepare(
        `SELECT c.*, p.display_name FROM comments c JOIN participants p ON p.id = c.participant_id
         WHERE c.code = ? ${includeHidden ? '' : 'AND c.hidden = 0'} ORDER BY c.created_at, c.rowid`,
      )
      .all(code) as CommentRow[];
    return rows.map(commentOf);
  }

  /** One vote per participant and step: voting again changes it. */
  vote(participant: Participant, stepIndex: number, optionId: string): void {
    this.database
      .prepare(
        `INSERT INTO votes (code, participant_id, step_index, option_id, voted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code, participant_id, step_index) DO UPDATE SET option_id = excluded.option_id, voted_at = excluded.voted_at`,
      )
      .run(participant.code, participant.id, stepIndex, optionId, this.now().toISOString());
  }

  voteTallies(code: string): StepVoteTally[] {
    const rows = this.database
      .prepare(
        `SELECT step_index, option_id, COUNT(*) AS count FROM votes WHERE code = ?
         GROUP BY step_index, option_id ORDER BY step_index, option_id`,
      )
      .all(code) as { step_index: number; option_id: string; count: number }[];
    const tallies = new Map<number, StepVoteTally>();
    for (const row of rows) {
      const tally = tallies.get(row.step_index) ?? { stepIndex: row.step_index, counts: {} };
      tally.counts[row.option_id] = row.count;
      tallies.set(row.step_index, tally);
    }
    return [...tallies.values()];
  }

  ownVotes(code: string, participantId: string): Record<number, string> {
    const rows = this.database
      .prepare('SELECT step_index, option_id FROM votes WHERE code = ? AND participant_id = ?')
      .all(code, participantId) as { step_index: number; option_id: string }[];
    return Object.fromEntries(rows.map((row) => [row.step_index, row.option_id]));
  }

  /** Every vote with who cast it, for the export. */
  votes(code: string, stepIdOf: (stepIndex: number) => string): ExportedVote[] {
    const rows = this.database
      .prepare(
        `SELECT v.participant_id, p.display_name, v.step_index, v.option_id, v.voted_at FROM votes v
         JOIN participants p ON p.id = v.participant_id WHERE v.code = ? ORDER BY v.step_index, v.voted_at`,
      )
      .all(code) as {
      participant_id: string;
      display_name: string;
      step_index: number;
      option_id: string;
      voted_at: string;
    }[];
    return rows.map((row) => ({
      participantId: row.participant_id,
      displayName: row.display_name,
      stepIndex: row.step_index,
      stepId: stepIdOf(row.step_index),
      optionId: row.option_id,
      votedAt: row.voted_at,
    }));
  }

  close(): void {
    if (this.database.open) this.database.close();
  }
}
