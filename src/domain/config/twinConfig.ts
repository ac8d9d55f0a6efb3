import { z } from 'zod';
import { parseJsonText, parseWithSchema, type ParseResult } from '../validation/issues';

/** Where the app looks for its configuration, relative to the server's working directory and to the app's URL. */
export const TWIN_CONFIG_FILE_NAME = 'twin.config.json';

const httpUrl = z
  .string()
  .refine((text) => /^https?:\/\//.test(text), { message: 'must be an absolute http(s) URL' });

/** A URL the browser can fetch: absolute http(s), or a path on this server starting with `/`. */
const fetchableUrl = z.string().refine((text) => /^https?:\/\//.test(text) || text.startsWith('/'), {
  message: 'must be an absolute http(s) URL or a path starting with /',
});

const attribution = z
  .string()
  .min(1)
  .describe('Credit shown on the map, e.g. "© OpenStreetMap contributors"');

const xyzBaseLayerSchema = z
  .object({
    type: z.literal('xyz'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    url: httpUrl.refine((text) => ['{z}', '{x}', '{y}'].every((part) => text.includes(part)), {
      message: 'an XYZ URL needs the placeholders {z}, {x} and {y}',
    }),
    attribution,
    maximumLevel: z.number().int().min(0).max(25).default(19),
  })
  .strict();

const wmtsBaseLayerSchema = z
  .object({
    type: z.literal('wmts'),
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    url: httpUrl,
    layer: z.string().min(1),
    style: z.string().default('default'),
    tileMatrixSetId: z.string().min(1),
    format: z.string().default('image/png'),
    attribution,
    maximumLevel: z.number().int().min(0).max(25).default(19),
  })
  .strict();

/** A base map a user with internet adds; the offline default (NaturalEarthII) is always there. */
export const baseLayerSchema = z.discriminatedUnion('type', [xyzBaseLayerSchema, wmtsBaseLayerSchema]);

/** Quantized-mesh terrain served by a URL of the user's choice (e.g. a self-hosted terrain server). */
export const terrainSchema = z
  .object({
    url: httpUrl.or(z.string().startsWith('/')),
    attribution,
  })
  .strict();

/** The configuration file: everything a city changes without touching code. */
export const twinConfigSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    tilesBaseUrl: fetchableUrl
      .default('/tiles')
      .describe('Where tilesets live: this server (/tiles) or any static host or CDN'),
    buildingsTileset: z
      .string()
      .regex(
        /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
        'a folder name under the tiles base URL, e.g. default or muenster-lod2',
      )
      .default('default')
      .describe(
        'The buildings tileset to show: tiles/<name>/tileset.json, as `npm run tiles -- … --out tiles/<name>` wrote it',
      ),
    baseLayers: z.array(baseLayerSchema).default([]),
    defaultBaseLayerId: z.string().default('natural-earth'),
    terrain: terrainSchema.optional(),
  })
  .strict()
  .superRefine((config, context) => {
    const ids = ['natural-earth', ...config.baseLayers.map((layer) => layer.id)];
    ids.forEach((id, index) => {
      if (ids.indexOf(id) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['baseLayers', index - 1, 'id'],
          message: `base layer id "${id}" is used twice`,
        });
      }
    });
    if (!ids.includes(config.defaultBaseLayerId)) {
      context.addIssue({
        code: 'custom',
        path: ['defaultBaseLayerId'],
        message: `no base layer has the id "${config.defaultBaseLayerId}" (known: ${ids.join(', ')})`,
      });
    }
  });

export type TwinConfig = z.output<typeof twinConfigSchema>;
export type BaseLayerConfig = z.output<typeof baseLayerSchema>;

/** The configuration used when no file exists: fully offline. */
export const DEFAULT_TWIN_CONFIG: TwinConfig = twinConfigSchema.parse({ schemaVersion: 1 });

/** Parses the text of a configuration file; every problem names the file and the field. */
export function parseTwinConfig(text: string, file: string = TWIN_CONFIG_FILE_NAME): ParseResult<TwinConfig> {
  const { json, issues } = parseJsonText(text, file);
  if (issues.length > 0) return { value: undefined, issues };
  return parseWithSchema(twinConfigSchema, json, file);
}

/** Joins the tiles base URL and a path inside it, without doubling or dropping slashes. */
export function resolveTilesUrl(config: Pick<TwinConfig, 'tilesBaseUrl'>, pathInside: string): string {
  return `${config.tilesBaseUrl.replace(/\/+$/, '')}/${pathInside.replace(/^\/+/, '')}`;
}
