import {
  WORKSHOP_API_PATH,
  type JoinedSession,
  type OpenedSession,
  type PinPosition,
  type WorkshopComment,
  type WorkshopRefusal,
} from '../../domain/workshops/workshopProtocol';

/** A refused or failed request, with the server's message (which names the field) when there is one. */
export class WorkshopRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'WorkshopRequestError';
  }
}

async function send<T>(method: string, path: string, body?: unknown, secret?: string): Promise<T> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (secret) headers.authorization = `Bearer ${secret}`;
  const response = await fetch(`${WORKSHOP_API_PATH}${path}`, {
    method,
    headers,
    cache: 'no-store',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => undefined)) as Partial<WorkshopRefusal> | undefined;
    throw new WorkshopRequestError(response.status, refusal?.message ?? `HTTP ${response.status}`);
  }
  return (await response.json()) as T;
}

export const openWorkshop = (storyboardId: string) => send<OpenedSession>('POST', '', { storyboardId });
export const joinWorkshop = (code: string, displayName: string) =>
  send<JoinedSession>('POST', `/${code}/participants`, { displayName });
export const advanceWorkshop = (code: string, key: string, stepIndex: number) =>
  send<{ stepIndex: number }>('POST', `/${code}/step`, { stepIndex }, key);
export const postWorkshopComment = (
  code: string,
  token: string,
  comment: { stepIndex: number; text: string; position: PinPosition },
) => send<WorkshopComment>('POST', `/${code}/comments`, comment, token);
export const voteInWorkshop = (code: string, token: string, stepIndex: number, optionId: string) =>
  send<{ optionId: string }>('PUT', `/${code}/votes`, { stepIndex, optionId }, token);
export const hideWorkshopComment = (code: string, key: string, commentId: string, hidden: boolean) =>
  send<WorkshopComment>('POST', `/${code}/comments/${commentId}/hidden`, { hidden }, key);

/** Downloads an export (it needs the facilitator key, so it is fetched and saved rather than linked). */
export async function downloadWorkshopExport(
  code: string,
  key: string,
  format: 'csv' | 'geojson',
): Promise<void> {
  const response = await fetch(`${WORKSHOP_API_PATH}/${code}/export.${format}`, {
    headers: { authorization: `Bearer ${key}` },
    cache: 'no-store',
  });
  if (!response.ok) throw new WorkshopRequestError(response.status, `HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = `workshop-${code}.${format}`;
  link.click();
  URL.revokeObjectURL(url);
}

/** What this browser remembers of a session (so a reload or a lost connection does not cost the seat). */
interface StoredSeat {
  role: 'facilitator' | 'participant';
  secret: string;
  displayName?: string;
  participantId?: string;
}

const seatKey = (code: string) => `twin.workshop.${code}`;

export function rememberSeat(code: string, seat: StoredSeat): void {
  try {
    localStorage.setItem(seatKey(code), JSON.stringify(seat));
  } catch {
    // Private mode without storage: the seat lasts as long as the page.
  }
}

export function recallSeat(code: string): StoredSeat | undefined {
  try {
    const text = localStorage.getItem(seatKey(code));
    const seat = text ? (JSON.parse(text) as Partial<StoredSeat>) : undefined;
    if (
      !seat ||
      (seat.role !== 'facilitator' && seat.role !== 'participant') ||
      typeof seat.secret !== 'string'
    ) {
      return undefined;
    }
    return seat as StoredSeat;
  } catch {
    return undefined;
  }
}

/** The join code of the address (`?join=CODE`), upper-cased; undefined without one. */
export function joinCodeOfLocation(search: string): string | undefined {
  const code = new URLSearchParams(search).get('join')?.trim().toUpperCase();
  return code || undefined;
}

/** Puts the join code into the address (kept by the URL sync), so a reload returns to the session. */
export function writeJoinCodeToLocation(code: string | undefined): void {
  const url = new URL(window.location.href);
  if (code) url.searchParams.set('join', code);
  else url.searchParams.delete('join');
  window.history.replaceState(null, '', url);
}
