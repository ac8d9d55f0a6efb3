// Entry point of `npm run serve`: starts the server as the environment variables say (see serverSettings.ts).
// Other launchers (scripts/start.ts) import startServer / startServerFromEnvironment from ./startServer instead.
import { startServerFromEnvironment } from './startServer';

await startServerFromEnvironment(process.env);
