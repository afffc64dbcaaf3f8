// The render thread's entry: threads do not inherit the tsx loader, so it registers it first.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
