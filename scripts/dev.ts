// `npm run dev`: the real server on PORT (default 8080) plus Vite's dev server with hot reload, which hands
// /tiles, /scenes, /config.json and /health to the real server (see vite.config.ts).
import { createServer } from 'vite';
import { startServerFromEnvironment } from '../src/server/startServer';
import { prepareDefaultData } from './defaultData';
import { DEFAULT_DATA_STAGES } from './defaultDataStages';

await prepareDefaultData(DEFAULT_DATA_STAGES);
const running = await startServerFromEnvironment(process.env);
if (running) {
  const vite = await createServer({
    server: { port: Number(process.env.DEV_PORT ?? 5173), host: '127.0.0.1' },
  });
  await vite.listen();
  vite.printUrls();
}
