import { flow, getRunLogger, task } from 'syntask';

/** Always fails, with a stack trace from a few calls deep inside a task. */

function parseAmount(raw: string): number {
  const value = Number(raw);
  if (Number.isNaN(value)) throw new TypeError(`Cannot parse amount "${raw}" in row 17 of invoices.csv`);
  return value;
}
const parseRow = (row: string) => row.split(',').map(parseAmount);
const parseFile = (rows: string[]) => rows.map(parseRow);

const validateInvoices = task({ name: 'validate-invoices' }, async (files: string[]) => {
  getRunLogger().info(`Validating 17 invoice rows from ${files.join(', ')}`);
  return parseFile(['10,20', '30,40', '12.5,n/a']);
});

const prepare = task({ name: 'prepare-batch' }, async () => ['invoices.csv']);

export const invoiceCheck = flow({ name: 'invoice-check', description: 'Validates invoices; fails on a malformed row (a failure to inspect).' }, async () => {
  const files = await prepare();
  await validateInvoices(files);
});
