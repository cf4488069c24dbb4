#!/usr/bin/env node
/**
 * Makes sure the browser the end-to-end tests drive is there (DESIGN §7): Debian's `chromium` at
 * /usr/bin/chromium. Playwright never downloads a browser here. When it is missing and we are
 * root, install it with apt-get; otherwise say how to.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

export const chromiumPath = '/usr/bin/chromium';

function present() {
  try {
    accessSync(chromiumPath, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

if (!present()) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) {
    console.error(
      `The browser tests need Chromium at ${chromiumPath}, and it is not installed.\n` +
        'Install it as root (Debian/Ubuntu):  apt-get update && apt-get install -y chromium\n' +
        'then run the tests again.',
    );
    process.exit(1);
  }
  console.log(`${chromiumPath} is missing: installing Debian's chromium package…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], {
    stdio: 'inherit',
    env,
  });
  if (!present()) {
    console.error(`apt-get finished but ${chromiumPath} is still missing.`);
    process.exit(1);
  }
}
