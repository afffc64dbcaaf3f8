import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, unwrap } from './client.ts';
import type { ScheduleInput } from './deployments.ts';

export const scheduleKeys = {
  all: ['schedules'] as const,
  preview: (schedule: ScheduleInput, start: string | undefined, count: number) => [...scheduleKeys.all, 'preview', schedule, start ?? null, count] as const,
};

/**
 * The next run times of an unsaved schedule, from the server (`schedule_preview` extension):
 * computed by the scheduler's own code, so what the preview shows is what will run.
 */
export function buildSchedulePreviewQuery(schedule: ScheduleInput | null, options: { start?: string; count?: number; enabled: boolean }) {
  const count = options.count ?? 10;
  return queryOptions({
    queryKey: scheduleKeys.preview(schedule ?? { interval: 0 }, options.start, count),
    enabled: options.enabled && schedule !== null,
    placeholderData: keepPreviousData,
    retry: false,
    queryFn: ({ signal }) => unwrap(api.POST('/api/ui/schedules/preview', { body: { schedule: schedule!, ...(options.start ? { start: options.start } : {}), count }, signal })),
  });
}
