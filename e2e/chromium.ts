/** Debian's Chromium rather than Playwright's download: the machines running these tests are offline. */
export const CHROMIUM_PATH = process.env.SYNTASK_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
