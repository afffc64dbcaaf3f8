import { describe, expect, it } from 'vitest';
import { initialValue, missingRequired } from './defaults.ts';

const schema = {
  type: 'object',
  properties: {
    format: { type: 'string', enum: ['pdf', 'html'], default: 'html' },
    thresholds: { type: 'object', properties: { warn: { type: 'number', default: 0.8 }, fail: { type: 'number', default: 0.95 } } },
    nested: { type: 'object', properties: { depth: { type: 'integer', default: 3 }, name: { type: 'string' } } },
    kind: { const: 'report' },
    avatar: { type: 'string', default: false },
    report_date: { type: 'string', format: 'date' },
  },
  required: ['nested', 'kind', 'report_date'],
};

describe('defaults', () => {
  it('fills missing properties from valid defaults, builds required objects, skips defaults of the wrong type', () => {
    expect(initialValue(schema)).toEqual({ format: 'html', nested: { depth: 3 }, kind: 'report' });
  });

  it('never overwrites given values and completes present nested objects', () => {
    expect(initialValue(schema, { format: 'pdf', thresholds: { warn: 0.5 } })).toEqual({ format: 'pdf', thresholds: { warn: 0.5, fail: 0.95 }, nested: { depth: 3 }, kind: 'report' });
  });

  it('lists the required parameters a quick run would lack', () => {
    expect(missingRequired(schema, {})).toEqual(['report_date']);
    expect(missingRequired(schema, { report_date: '2024-05-01' })).toEqual([]);
  });
});
