import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { createServer } from './createServer';
import { errorCode } from './fileSystem';
import { InvalidServerSettingError, readServerSettings, type ServerEnvironment } from './serverSettings';

/** A listening server and how to stop it. */
export interface RunningServer {
  app: FastifyInstance;
  /** The address printed on start, e.g. `http://127.0.0.1:8080/`. */
  url: string;
  /** Stops accepting connections, lets running downloads finish (up to a few seconds) and resolves when closed. */
  close(): Promise<void>;
}

/** How long a shutdown waits for running downloads before cutting their connections. */
const SHUTDOWN_GRACE_MS = 5_000;

/** Signals that stop the server gracefully: Ctrl+C in a terminal, and what service managers and Docker send. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Starts the server as the environment says (see ServerEnvironment), prints the one line that tells where it runs,
 * and stops it gracefully on SIGINT/SIGTERM. A second Ctrl+C ends the process at once (Node's default returns).
 * Throws InvalidServerSettingError for a bad PORT and the listen error (e.g. EADDRINUSE) if the port is taken.
 */
export async function startServer(
  env: ServerEnvironment,
  cwd: string = process.cwd(),
): Promise<RunningServer> {
  const { host, port, ...folders } = readServerSettings(env, cwd);
  const app = await createServer(folders);
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close();
    throw error;
  }
  const url = serverUrl(host, (app.server.address() as AddressInfo).port);
  console.log(`Münster Twin läuft auf ${url} (Ctrl+C beendet)`);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      STOP_SIGNALS.forEach((signal) => process.off(signal, stopOnSignal));
      // Idle keep-alive connections close at once; a viewer in the middle of a big tile gets a moment to finish.
      const cutOff = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS).unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cutOff);
      }
    })();
    return closing;
  };
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    console.log(`${signal}: Münster Twin wird beendet …`);
    close().catch((error: unknown) => {
      console.error('Münster Twin konnte nicht sauber beendet werden:', error);
      process.exitCode = 1;
    });
  };
  STOP_SIGNALS.forEach((signal) => process.once(signal, stopOnSignal));
  return { app, url, close };
}

/**
 * startServer for command-line entry points: instead of throwing, it explains the problem on stderr and sets the
 * exit code (2 for a bad setting, 1 for anything else), so the process ends cleanly with that code.
 */
export async function startServerFromEnvironment(
  env: ServerEnvironment,
  cwd: string = process.cwd(),
): Promise<RunningServer | undefined> {
  try {
    return await startServer(env, cwd);
  } catch (error) {
    if (error instanceof InvalidServerSettingError) {
      console.error(error.message);
      process.exitCode = 2;
    } else if (errorCode(error) === 'EADDRINUSE') {
      const { host, port } = readServerSettings(env, cwd);
      console.error(
        `${host}:${port} ist schon belegt (läuft der Twin schon?). Anderen Port wählen, z. B. PORT=8081.`,
      );
      process.exitCode = 1;
    } else {
      console.error('Münster Twin konnte nicht starten:', error);
      process.exitCode = 1;
    }
    return undefined;
  }
}

/** The URL people type: IPv6 addresses need brackets. */
function serverUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
}
