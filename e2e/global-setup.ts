import { existsSync } from 'node:fs';
import { ensureDashboardBuilt } from '../sdk/cli/ui-build.ts';
import { CHROMIUM_PATH } from './chromium.ts';

export default async function globalSetup(): Promise<void> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: install Debian's chromium (apt-get install chromium) or set SYNTASK_CHROMIUM`);
  }
  await ensureDashboardBuilt();
}
