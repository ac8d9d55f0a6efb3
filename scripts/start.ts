// `npm start`: produce the default data on first run, build the app if its sources changed, then serve it.
import { startServerFromEnvironment } from '../src/server/startServer';
import { buildAppIfStale } from './appBuild';
import { prepareDefaultData } from './defaultData';

await prepareDefaultData();
await buildAppIfStale(console.log);
await startServerFromEnvironment(process.env);
