import fastifyWebsocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { registerWorkshopRoutes, type WorkshopLimits } from './workshopRoutes';
import { WorkshopStore } from './workshopStore';

/**
 * Opens the workshop database for the server, closed with it. A database that cannot be opened is reported on
 * stderr and the routes answer 503 with the reason; the rest of the twin runs on.
 */
export async function installWorkshops(
  app: FastifyInstance,
  scenesDir: string,
  databaseFile: string | undefined,
  limits?: WorkshopLimits,
): Promise<void> {
  let store: WorkshopStore | undefined;
  let unavailable = 'no database for workshops is configured (WORKSHOPS_DB)';
  if (databaseFile !== undefined) {
    try {
      store = new WorkshopStore(databaseFile);
      const opened = store;
      app.addHook('onClose', async () => opened.close());
    } catch (error) {
      console.error(`Workshops nicht verfügbar: ${databaseFile}: ${String(error)}`);
      unavailable = 'the workshop database cannot be opened (see the server log)';
    }
  }
  // The sensor hub may have registered the WebSocket plugin already; browsers only listen on these sockets.
  if (!app.hasDecorator('websocketServer')) {
    await app.register(fastifyWebsocket, { options: { maxPayload: 4_096 } });
  }
  await registerWorkshopRoutes(app, { scenesDir, store, unavailable, ...(limits ? { limits } : {}) });
}
