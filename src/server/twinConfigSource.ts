import { readFile } from 'node:fs/promises';
import { DEFAULT_TWIN_CONFIG, parseTwinConfig, type TwinConfig } from '../domain/config/twinConfig';
import type { ValidationIssue } from '../domain/validation/issues';
import { errorCode, isMissingFileError } from './fileSystem';

/** The configuration as this server finds it on disk: the text to hand to the browser and what it means. */
export interface TwinConfigSource {
  /** Exactly what the browser receives at /config.json. */
  text: string;
  /** False when no file exists and the offline default is served instead. */
  fromFile: boolean;
  /** The validated configuration, or the offline default when the file is missing or invalid. */
  config: TwinConfig;
  issues: ValidationIssue[];
}

const DEFAULT_CONFIG_TEXT = `${JSON.stringify(DEFAULT_TWIN_CONFIG, null, 2)}\n`;

/**
 * Reads and validates the configuration file. It is read on every call (it is small) so that the text served,
 * the issue count in /health and the origins allowed by the CSP always agree with the file, without a restart.
 */
export async function readTwinConfigSource(
  configFile: string,
  displayName: string,
): Promise<TwinConfigSource> {
  let text: string;
  try {
    text = await readFile(configFile, 'utf8');
  } catch (error) {
    if (isMissingFileError(error)) {
      return { text: DEFAULT_CONFIG_TEXT, fromFile: false, config: DEFAULT_TWIN_CONFIG, issues: [] };
    }
    // Unreadable (a folder, no permission): the app still starts offline, and the problem is reported.
    const message = `cannot read the file (${errorCode(error) ?? String(error)}); using the offline default`;
    return {
      text: DEFAULT_CONFIG_TEXT,
      fromFile: false,
      config: DEFAULT_TWIN_CONFIG,
      issues: [{ code: 'unreadable_file', file: displayName, path: '$', message }],
    };
  }
  const result = parseTwinConfig(text, displayName);
  // An invalid file is still served verbatim (the browser shows its issues), but nothing in it is trusted here.
  return { text, fromFile: true, config: result.value ?? DEFAULT_TWIN_CONFIG, issues: result.issues };
}
