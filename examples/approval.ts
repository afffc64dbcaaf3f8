import { flow, getRunLogger, pauseFlowRun, z } from 'syntask';

/** Pauses until a person approves or holds the release from the dashboard (open the run, press Resume). */

export const releaseDecision = z
  .object({
    choice: z.enum(['ship', 'hold']).meta({ title: 'Decision' }).describe('Ship the release now, or hold it back'),
    reason: z.string().min(3).meta({ title: 'Reason' }).describe('Why; kept in the run logs'),
  })
  .meta({ title: 'Release approval' });

export const releaseApproval = flow(
  { name: 'release-approval', description: 'Builds a release, then waits for someone to approve it with a reason (resume it from the dashboard).' },
  async () => {
    const logger = getRunLogger();
    logger.info('Release 2.4.0 is built and its checks passed; waiting for approval');
    const decision = await pauseFlowRun({
      timeout: 24 * 3600,
      waitForInput: releaseDecision,
      description: '**Release 2.4.0** is ready.\n\n- 14 changes, all checks green\n- Choose *ship* to publish it now, or *hold* to keep it back, and say why.',
    });
    logger.info(`Decision: ${decision.choice} (reason: ${decision.reason})`);
    if (decision.choice === 'ship') logger.info('Publishing release 2.4.0');
    else logger.warning('Release 2.4.0 is held back');
    return decision;
  },
);
