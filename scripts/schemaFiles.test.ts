import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderSchemaFiles } from './schemaFiles';

describe('generated JSON Schemas', () => {
  it.each(renderSchemaFiles())(
    '$path is current (run `npm run schemas` after changing a zod schema)',
    (file) => {
      expect(readFileSync(file.path, 'utf8')).toBe(file.text);
    },
  );
});
