/**
 * The browser side of the homeowner API (/api/thermography). The code travels only in a POST body; the session
 * is an HttpOnly cookie the browser sends by itself, so nothing secret is ever kept in script-visible storage.
 */
import { parseOwnerDocument, type OwnerDocument } from '../../domain/thermography/ownerDocument';

const BASE = '/api/thermography';

export type LoginOutcome =
  | { kind: 'ok'; buildingId: string }
  | { kind: 'wrong-code' }
  | { kind: 'too-many'; retryAfterSeconds: number }
  | { kind: 'unavailable' };

export async function loginWithCode(code: string): Promise<LoginOutcome> {
  let response: Response;
  try {
    response = await fetch(`${BASE}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      credentials: 'same-origin',
    });
  } catch {
    return { kind: 'unavailable' };
  }
  if (response.status === 401) return { kind: 'wrong-code' };
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'too-many', retryAfterSeconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60 };
  }
  if (!response.ok) return { kind: 'unavailable' };
  const body = (await response.json()) as { buildingId?: unknown };
  return typeof body.buildingId === 'string'
    ? { kind: 'ok', buildingId: body.buildingId }
    : { kind: 'unavailable' };
}

/** The building of a session still open in this browser (after a reload), or undefined. */
export async function currentSessionBuildingId(): Promise<string | undefined> {
  try {
    const response = await fetch(`${BASE}/session`, { credentials: 'same-origin' });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { buildingId?: unknown };
    return typeof body.buildingId === 'string' ? body.buildingId : undefined;
  } catch {
    return undefined;
  }
}

/** The owner's document, checked; throws with the broken field named. */
export async function fetchOwnerDocument(buildingId: string): Promise<OwnerDocument> {
  const response = await fetch(ownerBuildingUrl(buildingId), { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`${ownerBuildingUrl(buildingId)}: HTTP ${response.status}`);
  const parsed = parseOwnerDocument(await response.json());
  if (!parsed.value)
    throw new Error(parsed.issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '));
  return parsed.value;
}

export async function logout(): Promise<void> {
  await fetch(`${BASE}/logout`, { method: 'POST', credentials: 'same-origin' }).catch(() => undefined);
}

export function ownerBuildingUrl(buildingId: string): string {
  return `${BASE}/buildings/${encodeURIComponent(buildingId)}`;
}

export function ownerImageUrl(buildingId: string): string {
  return `${ownerBuildingUrl(buildingId)}/image.png`;
}

export function ownerExportUrl(buildingId: string): string {
  return `${ownerBuildingUrl(buildingId)}/export`;
}
