import { randomUUID } from 'node:crypto';
import { createFlow, createFlowRun, setFlowState } from './data.ts';
import { expect, test } from './fixtures.ts';

/**
 * The event feed: a run's state changes are events, found by name prefix and resource, kept
 * in the URL; an event's page links its resource and related resources to their pages.
 */

test('a failed run\'s events: filtered by prefix and resource, opened, and followed to its flow', async ({ page, server }) => {
  const flow = await createFlow(server, `events-${randomUUID().slice(0, 6)}`, ['e2e-events']);
  const run = await createFlowRun(server, flow.id, { name: `evented-${randomUUID().slice(0, 6)}` });
  await setFlowState(server, run.id, { type: 'RUNNING' }, false);
  await setFlowState(server, run.id, { type: 'FAILED', message: 'row 17 did not parse' }, false);
  // A client's own event about the run, related to it.
  await server.postJson('/events', [{ occurred: new Date().toISOString(), event: 'acme.audit.checked', resource: { 'syntask.resource.id': 'acme.audit.1', 'syntask.resource.name': 'nightly audit' }, related: [{ 'syntask.resource.id': `syntask.flow-run.${run.id}`, 'syntask.resource.role': 'subject', 'syntask.resource.name': run.name }], id: randomUUID() }]);

  await page.goto('/events');
  await expect(page.getByRole('heading', { name: 'Event feed' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Resource id' }).fill(`syntask.flow-run.${run.id}`);
  const events = page.getByRole('list', { name: 'Events' });
  // Primary or related: the run's three state events and the client's event about it.
  await expect(events.getByRole('listitem')).toHaveCount(4);
  await expect(page).toHaveURL(/resource=syntask\.flow-run\./);
  // Live: an event stored now shows up without a reload (the change stream names `events`).
  await server.postJson('/events', [{ occurred: new Date().toISOString(), event: 'acme.audit.rechecked', resource: { 'syntask.resource.id': 'acme.audit.2' }, related: [{ 'syntask.resource.id': `syntask.flow-run.${run.id}`, 'syntask.resource.role': 'subject' }], id: randomUUID() }]);
  await expect(events.getByRole('listitem')).toHaveCount(5);
  await expect(events.getByRole('listitem').first()).toContainText('acme.audit.rechecked');
  await page.getByRole('combobox', { name: 'Event name starts with' }).fill('syntask.flow-run.F');
  await expect(events.getByRole('listitem')).toHaveCount(1);
  await expect(page).toHaveURL(/prefix=syntask\.flow-run\.F/);

  // The filters are in the URL: a reload shows the same list.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Event name starts with' })).toHaveValue('syntask.flow-run.F');
  const item = events.getByRole('listitem');
  await expect(item).toHaveCount(1);
  await expect(item.getByRole('link', { name: run.name })).toHaveAttribute('href', `/runs/flow-run/${run.id}`);
  await item.getByRole('link', { name: 'Flow run Failed' }).click();

  await expect(page.getByRole('heading', { name: 'Flow run Failed' })).toBeVisible();
  await expect(page.getByText('row 17 did not parse').first()).toBeVisible();
  await expect(page.getByText('"to": "FAILED"')).toBeVisible();
  await page.getByRole('link', { name: flow.name }).click();
  await expect(page).toHaveURL(new RegExp(`/flows/flow/${flow.id}`));
});
