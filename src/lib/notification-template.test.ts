import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATE, insertPlaceholder, templateProblem } from './notification-template.ts';

describe('notification templates', () => {
  it('accepts the default template, literal braces and format specs', () => {
    expect(templateProblem(DEFAULT_TEMPLATE)).toBeNull();
    expect(templateProblem('{{literal}} {flow_run_name!r} {flow_run_state_name:>10}')).toBeNull();
    expect(templateProblem('')).toBeNull();
  });

  it('names what is wrong', () => {
    expect(templateProblem('Run {flow_runname} failed')).toBe('Unknown placeholder {flow_runname}: use one of the placeholders listed below.');
    expect(templateProblem('Run {flow_run_name failed')).toMatch(/never closed/);
    expect(templateProblem('Run } failed')).toMatch(/no matching/);
    expect(templateProblem('Run {} failed')).toMatch(/Empty placeholder/);
  });

  it('inserts a placeholder at the caret, replacing the selection', () => {
    expect(insertPlaceholder('Run  failed', 'flow_run_name', 4, 4)).toEqual({ text: 'Run {flow_run_name} failed', caret: 19 });
    expect(insertPlaceholder('Run X failed', 'flow_name', 4, 5)).toEqual({ text: 'Run {flow_name} failed', caret: 15 });
    expect(insertPlaceholder('abc', 'flow_id', 99, 99)).toEqual({ text: 'abc{flow_id}', caret: 12 });
  });
});
