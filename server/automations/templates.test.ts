import { describe, expect, it } from 'vitest';
import { renderTemplate, templateProblem } from './templates.ts';

describe('action templates (A5.2), sandboxed', () => {
  it('renders Jinja over plain data with the dashboard link filters', async () => {
    const out = await renderTemplate('{{ flow_run.name | upper }} {% for t in flow_run.tags %}[{{ t }}]{% endfor %} {{ event | ui_url }}', { flow_run: { name: 'crimson-fox', tags: ['a', 'b'] }, event: { id: 'e1', event: 'x', occurred: '2026-12-01T00:00:00Z' } }, 'http://dash/');
    expect(out).toBe('CRIMSON-FOX [a][b] http://dash/events/event/2026-12-01/e1');
  });

  it('refuses what could reach the process or run away', async () => {
    for (const escape of [
      '{{ range.constructor("return process")() }}',
      '{{ "".constructor.constructor("return 1")() }}',
      '{{ flow_run.__proto__ }}',
      '{{ flow_run["constructor"] }}',
      '{% set k = "constructor" %}{{ flow_run[k] }}',
      '{{ flow_run.name.toString() }}',
      '{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}',
      '{% for a in range(10) %}{% for b in range(10) %}x{% endfor %}{% endfor %}',
      '{% include "/etc/passwd" %}',
      '{% import "x.html" as x %}',
      '{% extends "base.html" %}',
      // Found by an attacker's review: rebinding `range` to Object.prototype.valueOf reached the renderer.
      '{% set range = valueOf %}{% set c = range() %}{% set range = c.env.renderString %}{{ range("{{ 1 }}", {}) }}',
      '{% set range = event.valueOf %}{% set c = range() %}{{ c }}',
      '{% for range in [1] %}{{ range() }}{% endfor %}',
      '{% set loop = 1 %}',
      '{{ whatever }}',
      '{{ event | nosuchfilter }}',
      '{% if event is nosuchtest %}x{% endif %}',
      '{% call x() %}{% endcall %}',
    ]) {
      expect(templateProblem(escape), escape).not.toBeNull();
    }
    await expect(renderTemplate('{% for i in range(1000000) %}x{% endfor %}', {})).rejects.toThrow(/limited to 10000/);
    expect(await renderTemplate('{% for i in range(3) %}{{ i }}{% endfor %}', {})).toBe('012');
    // Large data in a loop: the output cap (or the thread's heap) stops it, and the next render still works.
    const big = 'x'.repeat(200_000);
    await expect(renderTemplate('{% for i in range(10000) %}{{ variables.big }}{% endfor %}', { variables: { big } })).rejects.toThrow(/longer than|memory|string length/);
    await expect(renderTemplate('{{ "a" | center(2000000000) }}', {})).rejects.toThrow();
    expect(await renderTemplate('{{ labels.n }}', { labels: { n: 7 } })).toBe('7');
  }, 30_000);

  it('accepts what notification templates use', () => {
    for (const ok of [
      '{{ flow.name }} failed: {{ flow_run.state.message | truncate(100) }} {{ flow_run | ui_url }}',
      '{% for r in event.related %}{% if r["syntask.resource.role"] == "tag" %}{{ r["syntask.resource.id"] }}{% endif %}{% endfor %}',
      '{% set n = events | length %}{{ n }} event{{ "s" if n != 1 }} {{ {"a": 1}.a }} {{ labels["related:flow:syntask.resource.id"] }}',
      '{% if flow_run.tags is defined and "prod" in flow_run.tags %}prod{% else %}other{% endif %} {{ loop }}',
    ]) {
      expect(templateProblem(ok), ok).toBeNull();
    }
  });

  it('names the syntax error', () => {
    expect(templateProblem('{{ unclosed')).toMatch(/expected variable end/i);
  });
});
