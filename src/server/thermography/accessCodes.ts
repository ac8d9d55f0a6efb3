/**
 * Access codes for the homeowner letters: `LLLLL-SSSSS-SSSSS` from an alphabet without look-alikes. The first group
 * finds the row (so a login costs one hash, not one per building); the other ten characters are the secret
 * (about 48 random bits), stored only as a salted scrypt hash and compared in constant time.
 */
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** 29 letters and digits without the look-alikes 0/O, 1/I/L and U/V: about 4.9 bits per character. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTWXYZ23456789';
const LOOKUP_LENGTH = 5;
const SECRET_LENGTH = 10;
const HASH_BYTES = 32;
const SALT_BYTES = 16;

/** scrypt's cost parameters, stored with every hash so they can be raised later without breaking old codes. */
export interface ScryptCost {
  /** N = 2^costLog2. */
  costLog2: number;
  blockSize: number;
  parallelism: number;
}

/** N = 2^15, r = 8, p = 1: about 32 MiB and some 50–100 ms per hash; the secret itself has about 48 random bits. */
export const DEFAULT_SCRYPT_COST: ScryptCost = { costLog2: 15, blockSize: 8, parallelism: 1 };

/** What is stored for a code: never the code itself. */
export interface StoredAccessCode {
  lookupId: string;
  buildingId: string;
  salt: Buffer;
  hash: Buffer;
  cost: ScryptCost;
}

/** A code as the owner types it, split into its parts; undefined when it cannot be a code at all. */
export function parseAccessCode(typed: unknown): { lookupId: string; secret: string } | undefined {
  if (typeof typed !== 'string' || typed.length > 64) return undefined;
  const normalised = typed.toUpperCase().replace(/[\s-]/g, '');
  if (normalised.length !== LOOKUP_LENGTH + SECRET_LENGTH) return undefined;
  for (const character of normalised) if (!CODE_ALPHABET.includes(character)) return undefined;
  return { lookupId: normalised.slice(0, LOOKUP_LENGTH), secret: normalised.slice(LOOKUP_LENGTH) };
}

/** A fresh random code (crypto-grade), formatted for a letter. */
export function generateAccessCode(): string {
  const characters = Array.from(
    { length: LOOKUP_LENGTH + SECRET_LENGTH },
    () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]!,
  ).join('');
  return `${characters.slice(0, 5)}-${characters.slice(5, 10)}-${characters.slice(10)}`;
}

/** Hashes a code's secret with a fresh salt. */
export async function hashAccessCode(
  code: string,
  buildingId: string,
  cost: ScryptCost = DEFAULT_SCRYPT_COST,
): Promise<StoredAccessCode> {
  const parsed = parseAccessCode(code);
  if (!parsed) throw new Error('not an access code');
  const salt = randomBytes(SALT_BYTES);
  return {
    lookupId: parsed.lookupId,
    buildingId,
    salt,
    hash: await scryptHash(parsed.secret, salt, cost),
    cost,
  };
}

/**
 * Whether the secret matches the stored hash, in constant time. Without a stored row a dummy hash is computed, so
 * an unknown lookup id takes as long as a wrong secret and reveals nothing.
 */
export async function verifyAccessCode(
  secret: string,
  stored: StoredAccessCode | undefined,
): Promise<boolean> {
  const salt = stored?.salt ?? DUMMY_SALT;
  const cost = stored?.cost ?? DEFAULT_SCRYPT_COST;
  const computed = await scryptHash(secret, salt, cost);
  const expected = stored?.hash ?? Buffer.alloc(HASH_BYTES);
  return computed.length === expected.length && timingSafeEqual(computed, expected) && stored !== undefined;
}

const DUMMY_SALT = randomBytes(SALT_BYTES);

function scryptHash(secret: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const options: ScryptOptions = {
    N: 2 ** cost.costLog2,
    r: cost.blockSize,
    p: cost.parallelism,
    maxmem: 256 * 2 ** cost.costLog2 * cost.blockSize * cost.parallelism,
  };
  return new Promise((resolve, reject) =>
    scrypt(secret, salt, HASH_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}
