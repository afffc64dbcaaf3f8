import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type Schemas } from './client.ts';

/** Automations (events-automations.md A4–A7) and this server's extensions: firings, last fired, preview, rendered templates. */

export type Automation = Schemas['Automation'];
export type Trigger = Schemas['Trigger'];
export type EventTrigger = Schemas['EventTrigger'];
export type AutomationAction = Schemas['AutomationAction'];
export type AutomationActionType = AutomationAction['type'];
export type AutomationCreate = Schemas['AutomationCreate'];
export type AutomationUpdate = Schemas['AutomationUpdate'];
export type AutomationFiring = Schemas['AutomationFiring'];
export type AutomationPreview = Schemas['AutomationPreview'];
export type AutomationActionRender = Schemas['AutomationActionRender'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const automationKeys = {
  all: ['automations'] as const,
  lists: () => [...automationKeys.all, 'list'] as const,
  detail: (id: string) => [...automationKeys.all, 'detail', id] as const,
  firings: (id: string) => [...automationKeys.all, 'detail', id, 'firings'] as const,
  lastFired: (ids: readonly string[]) => [...automationKeys.all, 'last-fired', ids] as const,
  relatedTo: (resourceId: string) => [...automationKeys.all, 'related-to', resourceId] as const,
  preview: (trigger: Trigger) => [...automationKeys.all, 'preview', trigger] as const,
  render: (action: AutomationAction, eventId: string | null, name: string) => [...automationKeys.all, 'render', action, eventId, name] as const,
};

/** Every automation, by name (the server's page limit is 200). */
export function buildAutomationsQuery() {
  return queryOptions({
    queryKey: automationKeys.lists(),
    queryFn: ({ signal }) => unwrap(api.POST('/api/automations/filter', { body: { sort: 'NAME_ASC', limit: 200 }, signal })),
  });
}

export function buildAutomationQuery(id: string) {
  return queryOptions({
    queryKey: automationKeys.detail(id),
    enabled: UUID.test(id),
    retry: (failures, error) => (error as { status?: number }).status !== 404 && failures < 3,
    queryFn: ({ signal }) => unwrap(api.GET('/api/automations/{id}', { params: { path: { id } }, signal })),
  });
}

/** The newest 50 firings, newest first, each with its cause and its actions' outcomes. */
export function buildAutomationFiringsQuery(id: string) {
  return queryOptions({
    queryKey: automationKeys.firings(id),
    enabled: UUID.test(id),
    queryFn: ({ signal }) => unwrap(api.GET('/api/automations/{id}/firings', { params: { path: { id }, query: { limit: 50 } }, signal })),
  });
}

/** When each automation last fired (`null`: never), in one request for the list. */
export function buildLastFiredQuery(ids: readonly string[]) {
  const sorted = [...new Set(ids)].sort();
  return queryOptions({
    queryKey: automationKeys.lastFired(sorted),
    enabled: sorted.length > 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/automations/last-fired', { body: { automation_ids: sorted }, signal })),
  });
}

/** Automations whose trigger or actions name a resource (`syntask.deployment.<id>`…). */
export function buildRelatedAutomationsQuery(resourceId: string) {
  return queryOptions({
    queryKey: automationKeys.relatedTo(resourceId),
    queryFn: ({ signal }) => unwrap(api.GET('/api/automations/related-to/{resource_id}', { params: { path: { resource_id: resourceId } }, signal })),
  });
}

/** When a trigger would have fired over the stored events of the last 7 days (nothing acts). */
export function buildAutomationPreviewQuery(trigger: Trigger | null) {
  return queryOptions({
    queryKey: automationKeys.preview(trigger ?? ({} as Trigger)),
    enabled: trigger !== null,
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/automations/preview', { body: { trigger: trigger! }, signal })),
  });
}

/** An action's templates rendered for a stored event (the server's newest when `eventId` is null). */
export function buildActionRenderQuery(action: AutomationAction | null, eventId: string | null, automationName: string) {
  return queryOptions({
    queryKey: automationKeys.render(action ?? ({} as AutomationAction), eventId, automationName),
    enabled: action !== null,
    staleTime: 30_000,
    retry: false,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => unwrap(api.POST('/api/automations/render-action', { body: { action: action!, ...(eventId ? { event_id: eventId } : {}), automation_name: automationName || null }, signal })),
  });
}

function useInvalidateAutomations() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: automationKeys.all });
}

export function useCreateAutomation() {
  const invalidate = useInvalidateAutomations();
  return useMutation({ mutationFn: (body: AutomationCreate) => unwrap(api.POST('/api/automations/', { body })), onSettled: invalidate, meta: { inlineErrors: [422] } });
}

export function useUpdateAutomation() {
  const invalidate = useInvalidateAutomations();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: AutomationUpdate }) => unwrap(api.PUT('/api/automations/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate,
    meta: { inlineErrors: [422] },
  });
}

/** The enable switch (`PATCH {enabled}`); the server re-validates, so enabling may be refused. */
export function useSetAutomationEnabled() {
  const invalidate = useInvalidateAutomations();
  return useMutation({
    mutationFn: ({ id, enabled }: { id: string; enabled: boolean }) => unwrap(api.PATCH('/api/automations/{id}', { params: { path: { id } }, body: { enabled } })),
    onSettled: invalidate,
  });
}

export function useDeleteAutomation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/automations/{id}', { params: { path: { id } } })),
    // The deleted automation's page is not read again (a 404) while it is still on screen.
    onSettled: (_d, _e, id) => queryClient.invalidateQueries({ queryKey: automationKeys.all, predicate: (q) => !(q.queryKey[1] === 'detail' && q.queryKey[2] === id) }),
  });
}
