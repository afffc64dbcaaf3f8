// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowRun } from '../../api/flow-runs.ts';
import { render, type Rendered } from '../schema-form/dom-testing.tsx';
import { CrashedExplanation } from './crashed-explanation.tsx';

let mounted: Rendered | undefined;
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
});

const HEARTBEAT_MESSAGE = `No heartbeat since 2026-12-07 01:02:03 UTC from worker "demo-worker-1" (expected every 30 s); the run's process is presumed dead.`;
const runIn = (state_type: string, message: string | null, deployment_id: string | null = 'd') => ({ state_type, deployment_id, state: { message } }) as unknown as FlowRun;
const shown = (run: FlowRun) => {
  mounted = render(<CrashedExplanation run={run} />);
  return mounted.container.querySelector('section[aria-label="Why this run crashed"]')?.textContent ?? null;
};

describe('the Crashed explanation on the flow run page', () => {
  it('says the run stopped sending heartbeats when the server crashed it for that', () => {
    const text = shown(runIn('CRASHED', HEARTBEAT_MESSAGE));
    expect(text).toContain('The run stopped sending heartbeats');
    expect(text).toContain('three missed heartbeats');
    expect(text).toContain('Retry the run');
  });

  it('explains other crashes plainly, offers retry only with a deployment, and stays away from other states', () => {
    const text = shown(runIn('CRASHED', 'Flow run infrastructure exited with code 3 before the flow run finished.', null));
    expect(text).toContain('The run crashed');
    expect(text).not.toContain('heartbeats');
    expect(text).not.toContain('Retry');
    mounted!.unmount();
    mounted = undefined;
    expect(shown(runIn('FAILED', HEARTBEAT_MESSAGE))).toBeNull();
  });
});
