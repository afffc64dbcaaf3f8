#!/usr/bin/env node
// Thin JavaScript entry: registers tsx so the TypeScript CLI runs without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../sdk/cli/main.ts');
