import type { WebSocket } from 'ws';
import type { WorkshopLiveMessage, WorkshopSnapshot } from '../../domain/workshops/workshopProtocol';

/** Who is on the other end of a live connection: the facilitator sees hidden comments, a participant their votes. */
export type Viewer = { role: 'facilitator' } | { role: 'participant'; participantId: string };

interface Connection {
  socket: WebSocket;
  viewer: Viewer;
}

/** A browser that lets this much pile up unsent is too slow: it is closed and reconnects with a fresh snapshot. */
const MAX_BUFFERED_BYTES = 4 * 2 ** 20;

/** The open live connections per session; after each change every one gets its own fresh snapshot. */
export class WorkshopLive {
  private readonly sessions = new Map<string, Set<Connection>>();

  constructor(private readonly snapshotFor: (code: string, viewer: Viewer) => WorkshopSnapshot | undefined) {}

  /** Adds a connection and sends it the current snapshot; returns its disposer. */
  connect(code: string, socket: WebSocket, viewer: Viewer): () => void {
    const connection: Connection = { socket, viewer };
    const connections = this.sessions.get(code) ?? new Set<Connection>();
    connections.add(connection);
    this.sessions.set(code, connections);
    this.send(code, connection);
    return () => {
      connections.delete(connection);
      if (connections.size === 0) this.sessions.delete(code);
    };
  }

  /** Something in the session changed: everyone connected to it gets the new state. */
  changed(code: string): void {
    for (const connection of this.sessions.get(code) ?? []) this.send(code, connection);
  }

  closeAll(): void {
    for (const connections of this.sessions.values()) {
      for (const { socket } of connections) socket.close(1001, 'server shutting down');
    }
    this.sessions.clear();
  }

  private send(code: string, { socket, viewer }: Connection): void {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      socket.close(1013, 'too slow for the live feed');
      return;
    }
    const snapshot = this.snapshotFor(code, viewer);
    if (!snapshot) return;
    const message: WorkshopLiveMessage = { type: 'snapshot', snapshot };
    socket.send(JSON.stringify(message));
  }
}
