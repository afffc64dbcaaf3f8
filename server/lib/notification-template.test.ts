import { describe, expect, it } from 'vitest';
import { DEFAULT_MESSAGE_TEMPLATE, renderTemplate, TEMPLATE_PLACEHOLDERS, templateError, type TemplateValues } from './notification-template.ts';

const values = Object.fromEntries(TEMPLATE_PLACEHOLDERS.map((p) => [p, `<${p}>`])) as TemplateValues;

describe('notification templates', () => {
  it('renders named placeholders and literal braces like Python str.format', () => {
    expect(renderTemplate('Run {flow_run_name} {{literal}} is {flow_run_state_name}!', values)).toBe('Run <flow_run_name> {literal} is <flow_run_state_name>!');
    expect(renderTemplate('{flow_name!r} {flow_id:>10}', values)).toBe('<flow_name> <flow_id>');
  });

  it('the default template uses only known placeholders', () => {
    expect(templateError(DEFAULT_MESSAGE_TEMPLATE)).toBeNull();
    expect(renderTemplate(DEFAULT_MESSAGE_TEMPLATE, values)).toBe(
      'Flow run <flow_name>/<flow_run_name> entered state `<flow_run_state_name>` at <flow_run_state_timestamp>.\n\nFlow ID: <flow_id>\nFlow run ID: <flow_run_id>\nFlow run URL: <flow_run_url>\nState message: <flow_run_state_message>',
    );
  });

  it('names the unknown placeholder; refuses positional fields and unbalanced braces', () => {
    expect(templateError('{flow_name} {nope.attr}')).toBe("Invalid template variable provided: 'nope'");
    expect(templateError('{}')).toMatch(/Positional/);
    expect(templateError('{0}')).toMatch(/Positional/);
    expect(templateError('a { b')).toMatch(/Single '\{'/);
    expect(templateError('a } b')).toMatch(/Single '\}'/);
    expect(templateError('plain text')).toBeNull();
  });
});
