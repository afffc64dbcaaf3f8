import { flow, getRunLogger, z } from 'syntask';

/** A flow whose parameters exercise the form: nested objects, enums, lists, optional fields, unions and dates. */

export const reportParameters = z.object({
  report_date: z.iso.date().meta({ title: 'Report date' }).describe('Day the report covers'),
  window_start: z.iso.datetime({ offset: true }).optional().meta({ title: 'Window start' }).describe('Only data after this time (optional)'),
  format: z.enum(['pdf', 'html', 'csv']).default('html').meta({ title: 'Format' }),
  recipients: z.array(z.email()).default(['ops@example.com']).meta({ title: 'Recipients' }),
  regions: z.array(z.enum(['eu-west', 'us-east', 'ap-south'])).default(['eu-west']).meta({ title: 'Regions' }),
  thresholds: z
    .object({
      warn: z.number().min(0).default(0.8).meta({ title: 'Warn at' }),
      fail: z.number().min(0).default(0.95).meta({ title: 'Fail at' }),
    })
    .default({ warn: 0.8, fail: 0.95 })
    .meta({ title: 'Thresholds' }),
  limit: z.union([z.number().int().positive(), z.literal('all')]).default('all').meta({ title: 'Row limit' }).describe('A number of rows, or "all"'),
  note: z.string().nullable().default(null).meta({ title: 'Note' }),
});

export const parameterizedReport = flow(
  { name: 'parameterized-report', description: 'Builds a report from typed parameters (try a custom run from the dashboard).', parameters: reportParameters },
  async (params) => {
    const logger = getRunLogger();
    logger.info(`Building a ${params.format} report for ${params.report_date} covering ${params.regions.join(', ')}`);
    logger.info(`Thresholds: warn ${params.thresholds.warn}, fail ${params.thresholds.fail}; limit ${params.limit}`);
    logger.info(`Sending to ${params.recipients.join(', ')}${params.note ? ` with note "${params.note}"` : ''}`);
    return { pages: params.regions.length * 3 };
  },
);
