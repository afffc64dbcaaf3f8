import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures.ts';

// The failing receiver makes the test endpoint answer 502 on purpose.
test.use({ allowedFailingUrls: [/\/api\/flow_run_notification_policies\/[^/]+\/test$/] });

interface Received {
  method: string;
  body: { subject?: string; body?: string };
}

/** A local HTTP receiver that records each request; answers `status()` (200 unless changed). */
async function startReceiver() {
  const received: Received[] = [];
  let status = 200;
  const server: Server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    req.on('end', () => {
      received.push({ method: req.method ?? '', body: JSON.parse(text || '{}') as Received['body'] });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, setStatus: (s: number) => (status = s), close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

interface PolicyT {
  id: string;
  is_active: boolean;
  state_names: string[];
  tags: string[];
  block_document_id: string;
  message_template: string | null;
}

test('a notification policy made in the UI sends a test message to a local receiver', async ({ page, server }) => {
  const receiver = await startReceiver();
  try {
    const type = await server.getJson<{ id: string }>('/block_types/slug/custom-webhook-notification');
    const [schema] = await server.postJson<{ id: string }[]>('/block_schemas/filter', { block_schemas: { block_type_id: { any_: [type.id] } }, limit: 1 });
    const block = await server.postJson<{ id: string }>('/block_documents/', { name: 'local-receiver', block_schema_id: schema.id, block_type_id: type.id, data: { url: receiver.url } });

    await page.goto('/notifications');
    await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();
    await page.getByRole('button', { name: 'New notification' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New notification' });

    // States: Failed and Crashed are chosen to start with; add Completed, drop Crashed.
    await dialog.getByRole('checkbox', { name: 'Completed' }).check();
    await dialog.getByRole('checkbox', { name: 'Crashed' }).uncheck();
    await dialog.getByRole('textbox', { name: 'Tags', exact: true }).fill('prod');
    await dialog.getByRole('textbox', { name: 'Tags', exact: true }).press('Enter');

    // No block chosen yet: refused at the field.
    await dialog.getByRole('button', { name: 'Create notification' }).click();
    await expect(dialog.getByText('Block: choose the block that sends the message.')).toBeVisible();
    await dialog.getByRole('combobox', { name: 'Block' }).selectOption({ label: 'local-receiver (Custom Webhook Notification)' });
    await expect(dialog.getByRole('link', { name: 'Create a notification block' })).toHaveAttribute('href', '/blocks/catalog/custom-webhook-notification/create');

    // The template is checked while typing; placeholders insert at the cursor.
    const template = dialog.getByRole('textbox', { name: 'Message template' });
    await template.fill('Run {flow_run_nme}');
    await expect(dialog.getByText('Message template: Unknown placeholder {flow_run_nme}: use one of the placeholders listed below.')).toBeVisible();
    await template.fill('Run ');
    await dialog.getByRole('button', { name: /^Insert \{flow_run_name\}/ }).click();
    await expect(template).toHaveValue('Run {flow_run_name}');
    await template.press('End');
    await template.pressSequentially(' is ');
    await dialog.getByRole('button', { name: /^Insert \{flow_run_state_name\}/ }).click();
    await expect(template).toHaveValue('Run {flow_run_name} is {flow_run_state_name}');
    await dialog.getByRole('button', { name: 'Create notification' }).click();
    await expect(dialog).toBeHidden();

    const [policy] = await server.postJson<PolicyT[]>('/flow_run_notification_policies/filter', {});
    expect(policy).toMatchObject({ is_active: true, state_names: ['Failed', 'Completed'], tags: ['prod'], block_document_id: block.id, message_template: 'Run {flow_run_name} is {flow_run_state_name}' });

    const label = 'Notification on Failed, Completed for tags prod through local-receiver';
    const card = page.getByRole('region', { name: label });
    await expect(card).toContainText('When a flow run enters');
    await expect(card).toContainText('Failed');
    await expect(card).toContainText('prod');

    // Send test: the receiver gets the rendered message; the result shows on the card.
    await card.getByRole('button', { name: 'Send test' }).click();
    await expect(card.getByRole('status')).toHaveText('Test notification delivered: the receiver accepted it.');
    expect(receiver.received).toEqual([{ method: 'POST', body: { subject: 'Syntask flow run notification (test)', body: 'Run example-run is Completed' } }]);

    // A receiver that fails: the server's reason shows on the card.
    receiver.setStatus(500);
    await card.getByRole('button', { name: 'Send test' }).click();
    await expect(card.getByRole('alert')).toHaveText('The test notification was not delivered: The receiver answered 500 Internal Server Error.');

    // Pause it, then edit it back to the default message.
    await card.getByRole('switch', { name: `Active: ${label}` }).click();
    await expect(card.getByRole('switch', { name: `Active: ${label}` })).not.toBeChecked();
    await expect(card).toContainText('Paused');
    await expect.poll(async () => (await server.getJson<PolicyT>(`/flow_run_notification_policies/${policy.id}`)).is_active).toBe(false);
    await card.getByRole('button', { name: `Edit: ${label}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit notification' });
    await expect(edit.getByRole('textbox', { name: 'Message template' })).toHaveValue('Run {flow_run_name} is {flow_run_state_name}');
    await edit.getByRole('textbox', { name: 'Message template' }).fill('');
    await edit.getByRole('button', { name: 'Save' }).click();
    await expect(edit).toBeHidden();
    await expect(card).toContainText('Default message');
    expect((await server.getJson<PolicyT>(`/flow_run_notification_policies/${policy.id}`)).message_template).toBeNull();

    await card.getByRole('button', { name: `Delete: ${label}` }).click();
    await page.getByRole('dialog', { name: 'Delete notification' }).getByRole('button', { name: 'Delete notification' }).click();
    await expect(page.getByRole('heading', { name: 'No notifications yet' })).toBeVisible();
  } finally {
    await receiver.close();
  }
});
