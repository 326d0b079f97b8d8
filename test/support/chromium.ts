/**
 * Debian's Chromium and the flags every headless run here starts it with (no tool may
 * download a browser of its own). Free of vitest, so the bench can share it with the
 * e2e harness.
 */
export const CHROMIUM_PATH = process.env.KEYPLANE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
