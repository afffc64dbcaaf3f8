import type { Locator, Page } from '@playwright/test';

/** A flow run's page: header, actions, tabs, graph, logs, timeline. */
export class FlowRunPage {
  readonly heading: Locator;
  readonly header: Locator;
  readonly graph: Locator;
  readonly panel: Locator;
  readonly logLines: Locator;
  readonly timeline: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('main').getByRole('heading', { level: 1 });
    this.header = page.getByRole('main').locator('header').first();
    this.graph = page.getByTestId('run-graph');
    this.panel = page.getByRole('complementary', { name: 'Selected run' });
    this.logLines = page.getByRole('log', { name: 'Log lines' });
    this.timeline = page.getByRole('list', { name: 'Timeline' });
  }

  goto(id: string, query = '') {
    return this.page.goto(`/runs/flow-run/${id}${query}`);
  }

  tab(name: string): Locator {
    return this.page.getByRole('tablist', { name: 'Flow run views' }).getByRole('tab', { name: new RegExp(`^${name}`) });
  }

  /** The state badge in the page header (text carries the state). */
  stateBadge(): Locator {
    return this.header.getByText(/^(Scheduled|Pending|Running|Completed|Failed|Cancelled|Crashed|Paused|Cancelling|Late|AwaitingRetry|Retrying)$/).first();
  }

  graphNode(label: string): Locator {
    return this.graph.locator('.react-flow__node').filter({ hasText: label });
  }

  logLevel(): Locator {
    return this.page.getByRole('combobox', { name: 'Log level' });
  }

  logSearch(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search logs' });
  }

  action(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }
}
