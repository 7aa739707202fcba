// Debian's Chromium driven by playwright-core: for the browser tests and the console's screenshots.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Chromium is (CHROMIUM, else Debian's paths); undefined when it is not installed. */
export const chromiumPath = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path) => path && existsSync(path),
);

/** Why a browser test is skipped: only when Chromium is missing and CI does not demand it. */
export const chromiumSkip =
  chromiumPath || process.env.REQUIRE_CHROMIUM ? false : 'Chromium is not installed (.ci/run installs it)';

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath ?? 'chromium', args: ['--no-sandbox'] });
