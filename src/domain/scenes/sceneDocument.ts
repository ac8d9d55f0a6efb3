import { z } from 'zod';
import { corridorSceneSchema } from '../corridors/corridorScene';
import { scenarioDocumentSchema } from '../scenarios/scenarioSchema';
import { storyboardDocumentSchema } from '../storyboards/storyboardSchema';
import { parseJsonText, parseWithSchema, type ParseResult } from '../validation/issues';
import { cameraPoseSchema } from '../view/cameraPose';

/** Text in the UI languages; German is required, English falls back to German. */
export const localizedTextSchema = z
  .object({ de: z.string().min(1), en: z.string().min(1).optional() })
  .strict();

/** A labelled place on the model, with where its coordinate comes from and how far it can be off. */
export const placeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'use lower-case letters, digits and hyphens'),
    name: localizedTextSchema,
    longitudeDegrees: z.number().min(-180).max(180),
    latitudeDegrees: z.number().min(-90).max(90),
    accuracyMeters: z.number().positive().describe('How far the true position may be from this point'),
    source: z.string().min(1).describe('Where the coordinate was taken from'),
    licence: z.string().min(1),
    note: z.string().optional(),
  })
  .strict();

/** The overview scene: the camera the app opens with and the places the mission is about. */
export const overviewSceneSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    kind: z.literal('overview'),
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: localizedTextSchema,
    camera: cameraPoseSchema,
    places: z.array(placeSchema),
  })
  .strict()
  .superRefine((scene, context) => {
    const seen = new Set<string>();
    scene.places.forEach((place, index) => {
      if (seen.has(place.id)) {
        context.addIssue({
          code: 'custom',
          path: ['places', index, 'id'],
          message: `place id "${place.id}" is used twice`,
        });
      }
      seen.add(place.id);
    });
  });

/** Every kind of scene document; later kinds (storyboard) join this union. */
export const sceneDocumentSchema = z.discriminatedUnion('kind', [
  overviewSceneSchema,
  scenarioDocumentSchema,
  corridorSceneSchema,
  storyboardDocumentSchema,
]);

export type LocalizedText = z.output<typeof localizedTextSchema>;
export type Place = z.output<typeof placeSchema>;
export type OverviewScene = z.output<typeof overviewSceneSchema>;
export type SceneDocument = z.output<typeof sceneDocumentSchema>;

/** Parses a scene document's text; every problem names the file and the JSON path. */
export function parseScene(text: string, file: string): ParseResult<SceneDocument> {
  const { json, issues } = parseJsonText(text, file);
  if (issues.length > 0) return { value: undefined, issues };
  return parseWithSchema(sceneDocumentSchema, json, file);
}

/** Picks the text for a language, falling back to German. */
export function localize(text: LocalizedText, language: string): string {
  return language === 'en' ? (text.en ?? text.de) : text.de;
}
