// Writes the JSON Schemas that editors use to check scene documents and the config file as you type.
import { writeFileSync } from 'node:fs';
import { renderSchemaFiles } from './schemaFiles';

for (const file of renderSchemaFiles()) {
  writeFileSync(file.path, file.text);
  console.log(`wrote ${file.path}`);
}
