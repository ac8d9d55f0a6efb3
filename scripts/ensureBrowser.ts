// Before the browser tests: use Debian's chromium where it is installed (CI, this project's machines); on a
// laptop without it, make sure Playwright's own Chromium is there, downloading it once if needed.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { SYSTEM_CHROMIUM_PATH } from '../playwright.config';

if (SYSTEM_CHROMIUM_PATH) {
  console.log(`Browser tests use ${SYSTEM_CHROMIUM_PATH}`);
} else if (existsSync(chromium.executablePath())) {
  console.log(`Browser tests use Playwright's Chromium at ${chromium.executablePath()}`);
} else {
  console.log("No chromium found: installing Playwright's Chromium once (needs internet) …");
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}
