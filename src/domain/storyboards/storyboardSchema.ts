/**
 * Storyboard documents (`kind: 'storyboard'`): an ordered list of steps a facilitator presents in a workshop. Each
 * step says what the 3D view shows (camera, layers, planning quarter and variant, sun time, highlights), a short
 * text that is also the text alternative of that view, notes for the presenter, and optionally a question for the
 * participants (a free comment or a vote between options). The zod schema is the type; see ./README.md.
 */
import { z } from 'zod';
import { normalizeSunTime } from '../scenarios/sunTime';
import { cameraPoseSchema } from '../view/cameraPose';

/** Longest step text: a few sentences a room can read from a projector. */
export const MAX_STEP_TEXT_LENGTH = 600;
/** Longest presenter notes of one step. */
export const MAX_STEP_NOTES_LENGTH = 2_000;

/** German required, English optional; the same shape as the other scene documents' text. */
const storyboardTextSchema = (maximumLength: number) =>
  z
    .object({ de: z.string().min(1).max(maximumLength), en: z.string().min(1).max(maximumLength).optional() })
    .strict();

const titleSchema = storyboardTextSchema(120);

/** Stable names for links (`story=<id>&step=<n>`), votes and exports. */
export const storyboardIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens');

/** A vote option; `variantId` ties it to a variant of the step's quarter (shown when the option is chosen). */
export const voteOptionSchema = z
  .object({
    id: storyboardIdSchema,
    label: titleSchema,
    variantId: storyboardIdSchema.optional().describe("A variant of the step's planning quarter"),
  })
  .strict();

/** What the participants are asked at a step. */
export const stepQuestionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('comment'), prompt: titleSchema }).strict(),
  z
    .object({
      kind: z.literal('vote'),
      prompt: titleSchema,
      options: z.array(voteOptionSchema).min(2).max(8),
    })
    .strict()
    .superRefine((question, context) => {
      const seen = new Set<string>();
      question.options.forEach((option, index) => {
        if (seen.has(option.id)) {
          context.addIssue({
            code: 'custom',
            path: ['options', index, 'id'],
            message: `option id "${option.id}" is used twice`,
          });
        }
        seen.add(option.id);
      });
    }),
]);

/** One step of a storyboard: what the view shows and what the room reads and is asked. */
export const storyboardStepSchema = z
  .object({
    id: storyboardIdSchema,
    title: titleSchema,
    text: storyboardTextSchema(MAX_STEP_TEXT_LENGTH).describe(
      'Shown with the step and read by screen readers: the text alternative of what the 3D view shows',
    ),
    notes: storyboardTextSchema(MAX_STEP_NOTES_LENGTH).optional().describe('Only in the presenter view'),
    camera: cameraPoseSchema,
    layers: z
      .array(storyboardIdSchema)
      .describe(
        'Overlay layers shown at this step (e.g. buildings, places, sensors, corridors); others are hidden',
      ),
    scenario: z
      .object({ id: storyboardIdSchema, variantId: storyboardIdSchema.optional() })
      .strict()
      .optional()
      .describe(
        'The planning quarter (a scenario document id) and its variant; none closes any open quarter',
      ),
    sunTime: z
      .string()
      .refine(
        (text) => normalizeSunTime(text) !== undefined,
        'write an ISO date-time with Z or an offset, e.g. 2026-06-21T10:00Z',
      )
      .optional()
      .describe('The moment of sun and shadows; none keeps the default daylight'),
    highlight: z
      .object({
        buildingIds: z.array(z.string().min(1)).max(50).optional(),
        sensorIds: z.array(z.string().min(1)).max(50).optional(),
      })
      .strict()
      .optional(),
    question: stepQuestionSchema.optional(),
  })
  .strict();

/** A storyboard: title, description and at least one step. */
export const storyboardDocumentSchema = z
  .object({
    $schema: z.string().optional(),
    schemaVersion: z.literal(1),
    kind: z.literal('storyboard'),
    id: storyboardIdSchema,
    title: titleSchema,
    description: storyboardTextSchema(MAX_STEP_TEXT_LENGTH).optional(),
    steps: z.array(storyboardStepSchema).min(1).max(100),
  })
  .strict()
  .superRefine((storyboard, context) => {
    const seen = new Set<string>();
    storyboard.steps.forEach((step, index) => {
      if (seen.has(step.id)) {
        context.addIssue({
          code: 'custom',
          path: ['steps', index, 'id'],
          message: `step id "${step.id}" is used twice`,
        });
      }
      seen.add(step.id);
    });
  });

export type StoryboardDocument = z.output<typeof storyboardDocumentSchema>;
export type StoryboardStep = z.output<typeof storyboardStepSchema>;
export type StepQuestion = z.output<typeof stepQuestionSchema>;
export type VoteOption = z.output<typeof voteOptionSchema>;
