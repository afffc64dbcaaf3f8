import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { blockReferenceKeys } from './block-references.ts';
import { api, unwrap, type Schemas } from './client.ts';

/** Flow run notification policies (contract §3.13) and the blocks that can send them. */

export type NotificationPolicy = Schemas['FlowRunNotificationPolicy'];
export type NotificationPolicyCreate = Schemas['FlowRunNotificationPolicyCreate'];
export type NotificationPolicyUpdate = Schemas['FlowRunNotificationPolicyUpdate'];

export const notificationPolicyKeys = {
  all: ['notification-policies'] as const,
  list: () => [...notificationPolicyKeys.all, 'list'] as const,
};

const PAGE = 200;

/** Every policy, ordered by id as the server returns them. */
export function buildNotificationPoliciesQuery() {
  return queryOptions({
    queryKey: notificationPolicyKeys.list(),
    queryFn: async ({ signal }) => {
      const all: NotificationPolicy[] = [];
      for (let offset = 0; ; offset += PAGE) {
        const page = await unwrap(api.POST('/api/flow_run_notification_policies/filter', { body: { limit: PAGE, offset }, signal }));
        all.push(...page);
        if (page.length < PAGE) return all;
      }
    },
  });
}

/** Named block documents whose schema has the `notify` capability: what a policy can send through. Under the block-documents root so block changes refresh it. */
export function buildNotifyBlocksQuery() {
  return queryOptions({
    queryKey: [...blockReferenceKeys.documents, 'with-capability', 'notify'] as const,
    queryFn: ({ signal }) => unwrap(api.POST('/api/block_documents/filter', { body: { block_schemas: { block_capabilities: { all_: ['notify'] } }, sort: 'BLOCK_TYPE_AND_NAME_ASC', limit: 200 }, signal })),
  });
}

function useInvalidatePolicies() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: notificationPolicyKeys.all });
}

export function useCreateNotificationPolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({ mutationFn: (body: NotificationPolicyCreate) => unwrap(api.POST('/api/flow_run_notification_policies/', { body })), onSettled: invalidate, meta: { inlineErrors: [422] } });
}

/** Used by the edit form (422s at their fields) and the Active switch. */
export function useUpdateNotificationPolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: NotificationPolicyUpdate }) => unwrap(api.PATCH('/api/flow_run_notification_policies/{id}', { params: { path: { id } }, body })),
    onSettled: invalidate, meta: { inlineErrors: [422] },
  });
}

export function useDeleteNotificationPolicy() {
  const invalidate = useInvalidatePolicies();
  return useMutation({ mutationFn: (id: string) => unwrap(api.DELETE('/api/flow_run_notification_policies/{id}', { params: { path: { id } } })), onSettled: invalidate });
}

/** The `notification_policy_test` extension: sends one test message through the policy's block now. */
export function useTestNotificationPolicy() {
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/flow_run_notification_policies/{id}/test', { params: { path: { id } } })),
    // The result is shown on the policy's card, not as a toast.
    meta: { inlineErrors: [404, 409, 502] },
  });
}
