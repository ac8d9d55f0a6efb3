// `npm start`: produce the default data on first run, build the app if its sources changed, then serve it.
import { startServerFromEnvironment } from '../src/server/startServer';
import { buildAppIfStale } from './appBuild';
import { prepareDefaultData } from './defaultData';
import { DEFAULT_DATA_STAGES } from './defaultDataStages';

await prepareDefaultData(DEFAULT_DATA_STAGES);
await buildAppIfStale(console.log);
await startServerFromEnvironment(process.env);
