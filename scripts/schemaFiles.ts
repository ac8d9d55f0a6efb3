import { resolve } from 'node:path';
import { z } from 'zod';
import { twinConfigSchema } from '../src/domain/config/twinConfig';
import { sceneDocumentSchema } from '../src/domain/scenes/sceneDocument';

/** The generated JSON Schema files, with where each is written; a test checks the committed copies are current. */
export function renderSchemaFiles(
  root = resolve(import.meta.dirname, '..'),
): { path: string; text: string }[] {
  const render = (schema: z.ZodType) =>
    `${JSON.stringify(z.toJSONSchema(schema, { io: 'input' }), null, 2)}\n`;
  return [
    { path: resolve(root, 'scenes/schema/scene.schema.json'), text: render(sceneDocumentSchema) },
    { path: resolve(root, 'config/twin.config.schema.json'), text: render(twinConfigSchema) },
  ];
}
