import { describe, expect, it } from 'vitest';
import { TRANSLATIONS } from './setupI18n';

function collectKeys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) =>
    collectKeys(child, prefix ? `${prefix}.${key}` : key),
  );
}

function collectPlaceholders(value: unknown, prefix = ''): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const key of collectKeys(value, prefix)) {
    const text = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], value);
    result.set(key, [...String(text).matchAll(/{{(\w+)}}/g)].map((match) => match[1]!).sort());
  }
  return result;
}

describe('translations', () => {
  it('English has exactly the keys German has, so no string falls back silently', () => {
    expect(collectKeys(TRANSLATIONS.en).sort()).toEqual(collectKeys(TRANSLATIONS.de).sort());
  });

  it('both languages use the same placeholders in each string', () => {
    expect(collectPlaceholders(TRANSLATIONS.en)).toEqual(collectPlaceholders(TRANSLATIONS.de));
  });

  it('no string is empty', () => {
    for (const language of [TRANSLATIONS.de, TRANSLATIONS.en]) {
      for (const [key] of collectPlaceholders(language)) {
        const text = key
          .split('.')
          .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], language);
        expect(String(text).trim(), key).not.toBe('');
      }
    }
  });
});
