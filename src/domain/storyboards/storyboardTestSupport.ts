import type { StoryboardDocument } from './storyboardSchema';

const camera = {
  longitudeDegrees: 7.656,
  latitudeDegrees: 51.925,
  heightMeters: 700,
  headingDegrees: 0,
  pitchDegrees: -35,
};

/** A valid three-step storyboard for tests: overview, a comment step, a vote between York's variants a and b. */
export function storyboardFixture(): StoryboardDocument {
  return {
    schemaVersion: 1,
    kind: 'storyboard',
    id: 'test-story',
    title: { de: 'Testgeschichte', en: 'Test story' },
    steps: [
      {
        id: 'first',
        title: { de: 'Erster Schritt' },
        text: { de: 'Überblick' },
        camera: { ...camera },
        layers: ['buildings', 'places'],
      },
      {
        id: 'second',
        title: { de: 'Zweiter Schritt' },
        text: { de: 'Variante A' },
        notes: { de: 'Nur für die Moderation' },
        camera: { ...camera, heightMeters: 400 },
        layers: ['buildings'],
        scenario: { id: 'york', variantId: 'a' },
        sunTime: '2026-06-21T10:00Z',
        question: { kind: 'comment', prompt: { de: 'Was fehlt?' } },
      },
      {
        id: 'third',
        title: { de: 'Dritter Schritt' },
        text: { de: 'Abstimmung' },
        camera: { ...camera },
        layers: ['buildings'],
        scenario: { id: 'york', variantId: 'a' },
        question: {
          kind: 'vote',
          prompt: { de: 'Welche Variante?' },
          options: [
            { id: 'a', label: { de: 'A' }, variantId: 'a' },
            { id: 'b', label: { de: 'B' }, variantId: 'b' },
          ],
        },
      },
    ],
  };
}
