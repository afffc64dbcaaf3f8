/**
 * Generated from the server's OpenAPI document by `npm run gen:api`. Do not edit:
 * change the server schemas and regenerate (a test fails when this file is stale).
 */

export interface paths {
    "/api/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["apiVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hello": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["hello"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["serverVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ui-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["uiSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/csrf-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["csrfToken"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createFlow"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlow"];
        put?: never;
        post?: never;
        delete: operations["deleteFlow"];
        options?: never;
        head?: never;
        patch: operations["updateFlow"];
        trace?: never;
    };
    "/api/flows/name/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterFlows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flows/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countFlows"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createFlowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowRun"];
        put?: never;
        post?: never;
        delete: operations["deleteFlowRun"];
        options?: never;
        head?: never;
        patch: operations["updateFlowRun"];
        trace?: never;
    };
    "/api/flow_runs/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterFlowRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countFlowRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/lateness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["flowRunLateness"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/set_state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["setFlowRunState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["resumeFlowRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/graph-v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["flowRunGraphV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_runs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createTaskRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_runs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readTaskRun"];
        put?: never;
        post?: never;
        delete: operations["deleteTaskRun"];
        options?: never;
        head?: never;
        patch: operations["updateTaskRun"];
        trace?: never;
    };
    "/api/task_runs/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterTaskRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_runs/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countTaskRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_runs/{id}/set_state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["setTaskRunState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_run_states/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowRunStates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_run_states/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowRunState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_run_states/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readTaskRunStates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_run_states/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readTaskRunState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logs/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logs/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["flowRunHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/task_runs/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["taskRunHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/flow_runs/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["uiFlowRunHistory"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/concurrency_limits/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createConcurrencyLimit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/concurrency_limits/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readConcurrencyLimit"];
        put?: never;
        post?: never;
        delete: operations["deleteConcurrencyLimit"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/concurrency_limits/tag/{tag}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readConcurrencyLimitByTag"];
        put?: never;
        post?: never;
        delete: operations["deleteConcurrencyLimitByTag"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/concurrency_limits/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterConcurrencyLimits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/concurrency_limits/tag/{tag}/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["resetConcurrencyLimit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/flow_runs/task_run_counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: task runs by state type for each of the given flow runs, in one request. */
        post: operations["uiFlowRunTaskRunCounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/task_runs/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["uiTaskRunCounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/task_runs/dashboard/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["uiTaskRunDashboardCounts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/logs/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: the number of log lines matching a log filter. */
        post: operations["countLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/flow_runs/{id}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Extension: server-sent events (text/event-stream) of the flow run's state changes, its task runs' state changes and log arrivals. */
        get: operations["uiFlowRunStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        HTTPError: {
            detail: unknown;
        };
        ValidationError: {
            exception_message: string;
            exception_detail: {
                loc: (string | number)[];
                msg: string;
                type: string;
            }[];
            request_body: unknown;
        };
        /** @enum {unknown} */
        StateType: "SCHEDULED" | "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED" | "PAUSED" | "CANCELLING";
        StateDetails: {
            /** Format: uuid */
            flow_run_id: string | null;
            /** Format: uuid */
            task_run_id: string | null;
            /** Format: uuid */
            child_flow_run_id: string | null;
            /** Format: date-time */
            scheduled_time: string | null;
            cache_key: string | null;
            /** Format: date-time */
            cache_expiration: string | null;
            untrackable_result: boolean;
            /** Format: date-time */
            pause_timeout: string | null;
            pause_reschedule: boolean;
            pause_key: string | null;
            run_input_keyset: {
                [key: string]: string;
            } | null;
            refresh_cache: boolean | null;
            retriable: boolean | null;
            /** Format: uuid */
            transition_id: string | null;
            /** Format: uuid */
            task_parameters_id: string | null;
        };
        StateDetailsCreate: {
            /** Format: uuid */
            flow_run_id?: string | null;
            /** Format: uuid */
            task_run_id?: string | null;
            /** Format: uuid */
            child_flow_run_id?: string | null;
            /** Format: date-time */
            scheduled_time?: string | null;
            cache_key?: string | null;
            /** Format: date-time */
            cache_expiration?: string | null;
            untrackable_result?: boolean;
            /** Format: date-time */
            pause_timeout?: string | null;
            pause_reschedule?: boolean;
            pause_key?: string | null;
            run_input_keyset?: {
                [key: string]: string;
            } | null;
            refresh_cache?: boolean | null;
            retriable?: boolean | null;
            /** Format: uuid */
            transition_id?: string | null;
            /** Format: uuid */
            task_parameters_id?: string | null;
        };
        State: {
            /** Format: uuid */
            id: string;
            type: components["schemas"]["StateType"];
            name: string;
            /** Format: date-time */
            timestamp: string;
            message: string | null;
            data: unknown;
            state_details: components["schemas"]["StateDetails"];
        };
        StateCreate: {
            type: components["schemas"]["StateType"];
            name?: string | null;
            message?: string | null;
            data?: unknown;
            state_details?: components["schemas"]["StateDetailsCreate"];
            /** Format: uuid */
            id?: string | null;
            /** Format: date-time */
            timestamp?: string | null;
        };
        OrchestrationResult: {
            state: components["schemas"]["State"] | null;
            /** @enum {unknown} */
            status: "ACCEPT" | "REJECT" | "WAIT" | "ABORT";
            details: {
                /** @enum {unknown} */
                type: "accept_details" | "reject_details" | "wait_details" | "abort_details";
                reason?: string | null;
                delay_seconds?: number;
            };
        };
        ConcurrencyLimit: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            tag: string;
            concurrency_limit: number;
            active_slots: string[];
        };
        ConcurrencyLimitCreate: {
            tag: string;
            concurrency_limit: number;
        };
        FlowFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            tags?: {
                all_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            deployment?: {
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            operator?: "and_" | "or_";
        };
        FlowRunFilter: {
            id?: {
                any_?: string[] | null;
                not_any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            tags?: {
                all_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            deployment_id?: {
                any_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            work_queue_name?: {
                any_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            state?: {
                type?: {
                    any_?: components["schemas"]["StateType"][] | null;
                } | null;
                name?: {
                    any_?: string[] | null;
                } | null;
                operator?: "and_" | "or_";
            } | null;
            flow_version?: {
                any_?: string[] | null;
            } | null;
            start_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
                is_null_?: boolean | null;
            } | null;
            expected_start_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
            } | null;
            next_scheduled_start_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
            } | null;
            parent_flow_run_id?: {
                any_?: string[] | null;
                operator?: "and_" | "or_";
            } | null;
            parent_task_run_id?: {
                any_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            idempotency_key?: {
                any_?: string[] | null;
                not_any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        TaskRunFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            tags?: {
                all_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            state?: {
                type?: {
                    any_?: components["schemas"]["StateType"][] | null;
                } | null;
                name?: {
                    any_?: string[] | null;
                } | null;
                operator?: "and_" | "or_";
            } | null;
            start_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
                is_null_?: boolean | null;
            } | null;
            expected_start_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
            } | null;
            subflow_runs?: {
                exists_?: boolean | null;
            } | null;
            flow_run_id?: {
                any_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            operator?: "and_" | "or_";
        };
        DeploymentFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            paused?: {
                eq_?: boolean | null;
            } | null;
            is_schedule_active?: {
                eq_?: boolean | null;
            } | null;
            tags?: {
                all_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            work_queue_name?: {
                any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        WorkPoolFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
            } | null;
            type?: {
                any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        WorkQueueFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                startswith_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        LogFilter: {
            level?: {
                ge_?: number | null;
                le_?: number | null;
            } | null;
            timestamp?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
            } | null;
            flow_run_id?: {
                any_?: string[] | null;
            } | null;
            task_run_id?: {
                any_?: string[] | null;
            } | null;
            message?: {
                like_?: string | null;
            } | null;
            operator?: "and_" | "or_";
        };
        /** @enum {unknown} */
        FlowRunSort: "ID_DESC" | "START_TIME_ASC" | "START_TIME_DESC" | "EXPECTED_START_TIME_ASC" | "EXPECTED_START_TIME_DESC" | "NAME_ASC" | "NAME_DESC" | "NEXT_SCHEDULED_START_TIME_ASC" | "END_TIME_DESC";
        /** @enum {unknown} */
        TaskRunSort: "ID_DESC" | "EXPECTED_START_TIME_ASC" | "EXPECTED_START_TIME_DESC" | "NAME_ASC" | "NAME_DESC" | "NEXT_SCHEDULED_START_TIME_ASC" | "END_TIME_DESC";
        /** @enum {unknown} */
        FlowSort: "CREATED_DESC" | "UPDATED_DESC" | "NAME_ASC" | "NAME_DESC";
        /** @enum {unknown} */
        LogSort: "TIMESTAMP_ASC" | "TIMESTAMP_DESC";
        FlowRunPolicy: {
            max_retries: number;
            retry_delay_seconds: number;
            retries: number | null;
            retry_delay: number | null;
            pause_keys: string[];
            resuming: boolean;
            retry_type: ("in_process" | "reschedule") | null;
        };
        FlowRunPolicyInput: {
            max_retries?: number;
            retry_delay_seconds?: number;
            retries?: number | null;
            retry_delay?: number | null;
            pause_keys?: string[] | null;
            resuming?: boolean | null;
            retry_type?: ("in_process" | "reschedule") | null;
        };
        CreatedBy: {
            /** Format: uuid */
            id?: string | null;
            type?: string | null;
            display_value?: string | null;
        };
        FlowRun: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            /** Format: uuid */
            flow_id: string;
            /** Format: uuid */
            state_id: string | null;
            state: components["schemas"]["State"] | null;
            state_type: components["schemas"]["StateType"] | null;
            state_name: string | null;
            run_count: number;
            /** Format: date-time */
            expected_start_time: string | null;
            /** Format: date-time */
            next_scheduled_start_time: string | null;
            /** Format: date-time */
            start_time: string | null;
            /** Format: date-time */
            end_time: string | null;
            total_run_time: number;
            estimated_run_time: number;
            estimated_start_time_delta: number;
            /** Format: uuid */
            deployment_id: string | null;
            deployment_version: string | null;
            /** Format: uuid */
            work_queue_id: string | null;
            work_queue_name: string | null;
            /** Format: uuid */
            work_pool_id: string | null;
            work_pool_name: string | null;
            flow_version: string | null;
            parameters: {
                [key: string]: unknown;
            };
            idempotency_key: string | null;
            context: {
                [key: string]: unknown;
            };
            empirical_policy: components["schemas"]["FlowRunPolicy"];
            tags: string[];
            /** Format: uuid */
            parent_task_run_id: string | null;
            auto_scheduled: boolean;
            /** Format: uuid */
            infrastructure_document_id: string | null;
            infrastructure_pid: string | null;
            created_by: components["schemas"]["CreatedBy"] | null;
            job_variables: {
                [key: string]: unknown;
            } | null;
        };
        FlowRunWithoutPool: Record<string, never>;
        FlowRunCreate: {
            /** Format: uuid */
            flow_id: string;
            name?: string | null;
            flow_version?: string | null;
            parameters?: {
                [key: string]: unknown;
            };
            context?: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            parent_task_run_id?: string | null;
            /** Format: uuid */
            infrastructure_document_id?: string | null;
            empirical_policy?: components["schemas"]["FlowRunPolicyInput"] | null;
            tags?: string[];
            idempotency_key?: string | null;
            /** Format: uuid */
            deployment_id?: string | null;
            state?: components["schemas"]["StateCreate"] | null;
        };
        FlowRunUpdate: {
            name?: string | null;
            flow_version?: string | null;
            parameters?: {
                [key: string]: unknown;
            };
            empirical_policy?: components["schemas"]["FlowRunPolicyInput"];
            tags?: string[];
            infrastructure_pid?: string | null;
            job_variables?: {
                [key: string]: unknown;
            } | null;
        };
        TaskRunPolicy: {
            max_retries: number;
            retry_delay_seconds: number;
            retries: number | null;
            retry_delay: number | number[] | null;
            retry_jitter_factor: number | null;
        };
        TaskRunPolicyInput: {
            max_retries?: number;
            retry_delay_seconds?: number;
            retries?: number | null;
            retry_delay?: number | number[] | null;
            retry_jitter_factor?: number | null;
        };
        TaskRunInput: {
            /** @enum {unknown} */
            input_type: "task_run";
            /** Format: uuid */
            id: string;
        } | {
            /** @enum {unknown} */
            input_type: "parameter";
            name: string;
        } | {
            /** @enum {unknown} */
            input_type: "constant";
            type: string;
        };
        TaskRun: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            /** Format: uuid */
            flow_run_id: string | null;
            task_key: string;
            dynamic_key: string;
            cache_key: string | null;
            /** Format: date-time */
            cache_expiration: string | null;
            task_version: string | null;
            empirical_policy: components["schemas"]["TaskRunPolicy"];
            tags: string[];
            task_inputs: {
                [key: string]: components["schemas"]["TaskRunInput"][];
            };
            flow_run_run_count: number;
            /** Format: uuid */
            state_id: string | null;
            state: components["schemas"]["State"] | null;
            state_type: components["schemas"]["StateType"] | null;
            state_name: string | null;
            run_count: number;
            /** Format: date-time */
            expected_start_time: string | null;
            /** Format: date-time */
            next_scheduled_start_time: string | null;
            /** Format: date-time */
            start_time: string | null;
            /** Format: date-time */
            end_time: string | null;
            total_run_time: number;
            estimated_run_time: number;
            estimated_start_time_delta: number;
        };
        TaskRunCreate: {
            /** Format: uuid */
            id?: string | null;
            task_key: string;
            dynamic_key: string;
            /** Format: uuid */
            flow_run_id?: string | null;
            name?: string | null;
            cache_key?: string | null;
            /** Format: date-time */
            cache_expiration?: string | null;
            task_version?: string | null;
            empirical_policy?: components["schemas"]["TaskRunPolicyInput"] | null;
            tags?: string[];
            task_inputs?: {
                [key: string]: components["schemas"]["TaskRunInput"][];
            };
            state?: components["schemas"]["StateCreate"] | null;
        };
        TaskRunUpdate: {
            name?: string | null;
        };
        GraphArtifact: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            key: string | null;
            type: string | null;
            is_latest: boolean;
        };
        GraphNode: {
            /** @enum {unknown} */
            kind: "flow-run" | "task-run";
            /** Format: uuid */
            id: string;
            label: string;
            state_type: components["schemas"]["StateType"] | null;
            /** Format: date-time */
            start_time: string;
            /** Format: date-time */
            end_time: string | null;
            parents: {
                /** Format: uuid */
                id: string;
            }[];
            children: {
                /** Format: uuid */
                id: string;
            }[];
            artifacts: components["schemas"]["GraphArtifact"][];
        };
        Graph: {
            /** Format: date-time */
            start_time: string;
            /** Format: date-time */
            end_time: string | null;
            root_node_ids: string[];
            nodes: [
                string,
                components["schemas"]["GraphNode"]
            ][];
            artifacts: components["schemas"]["GraphArtifact"][];
            states: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                timestamp: string;
                type: components["schemas"]["StateType"];
                name: string;
            }[];
        };
        Flow: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            tags: string[];
        };
        FlowCreate: {
            name: string;
            tags?: string[];
        };
        FlowUpdate: {
            tags?: string[];
        };
        HistoryResponse: {
            /** Format: date-time */
            interval_start: string;
            /** Format: date-time */
            interval_end: string;
            states: {
                state_type: components["schemas"]["StateType"];
                state_name: string;
                count_runs: number;
                sum_estimated_run_time: number;
                sum_estimated_lateness: number;
            }[];
        };
        Log: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            level: number;
            message: string;
            /** Format: date-time */
            timestamp: string;
            /** Format: uuid */
            flow_run_id: string | null;
            /** Format: uuid */
            task_run_id: string | null;
        };
        LogCreate: {
            name: string;
            level: number;
            message: string;
            /** Format: date-time */
            timestamp: string;
            /** Format: uuid */
            flow_run_id?: string | null;
            /** Format: uuid */
            task_run_id?: string | null;
        };
        StateCounts: {
            SCHEDULED: number;
            PENDING: number;
            RUNNING: number;
            COMPLETED: number;
            FAILED: number;
            CANCELLED: number;
            CRASHED: number;
            PAUSED: number;
            CANCELLING: number;
        };
        CsrfToken: {
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            token: string;
            client: string;
            /** Format: date-time */
            expiration: string;
        };
        UiSettings: {
            api_url: string;
            csrf_enabled: boolean;
            flags: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": boolean;
                };
            };
        };
    };
    apiVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    hello: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
            /** @description Default Response */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        message: string;
                    };
                };
            };
        };
    };
    serverVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": string;
                };
            };
        };
    };
    readSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    uiSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UiSettings"];
                };
            };
        };
    };
    csrfToken: {
        parameters: {
            query: {
                client: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CsrfToken"];
                };
            };
        };
    };
    createFlow: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
        };
    };
    readFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
        };
    };
    deleteFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateFlow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    readFlowByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"];
                };
            };
        };
    };
    filterFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                    sort?: components["schemas"]["FlowSort"];
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Flow"][];
                };
            };
        };
    };
    countFlows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
        };
    };
    createFlowRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowRunCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRun"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRun"];
                };
            };
        };
    };
    readFlowRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRun"];
                };
            };
        };
    };
    deleteFlowRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateFlowRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowRunUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterFlowRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                    sort?: components["schemas"]["FlowRunSort"];
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRun"][];
                };
            };
        };
    };
    countFlowRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
        };
    };
    flowRunLateness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number | null;
                };
            };
        };
    };
    setFlowRunState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    state: components["schemas"]["StateCreate"];
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
        };
    };
    resumeFlowRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    run_input?: {
                        [key: string]: unknown;
                    } | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
        };
    };
    flowRunGraphV2: {
        parameters: {
            query?: {
                since?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Graph"];
                };
            };
        };
    };
    createTaskRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskRunCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRun"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRun"];
                };
            };
        };
    };
    readTaskRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRun"];
                };
            };
        };
    };
    deleteTaskRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateTaskRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TaskRunUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterTaskRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    sort?: components["schemas"]["TaskRunSort"];
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRun"][];
                };
            };
        };
    };
    countTaskRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
        };
    };
    setTaskRunState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    state: components["schemas"]["StateCreate"];
                    force?: boolean;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrchestrationResult"];
                };
            };
        };
    };
    readFlowRunStates: {
        parameters: {
            query: {
                flow_run_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["State"][];
                };
            };
        };
    };
    readFlowRunState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["State"];
                };
            };
        };
    };
    readTaskRunStates: {
        parameters: {
            query: {
                task_run_id: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["State"][];
                };
            };
        };
    };
    readTaskRunState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["State"];
                };
            };
        };
    };
    createLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LogCreate"][];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    logs?: components["schemas"]["LogFilter"] | null;
                    sort?: components["schemas"]["LogSort"];
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Log"][];
                };
            };
        };
    };
    flowRunHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    history_start: string;
                    /** Format: date-time */
                    history_end: string;
                    history_interval_seconds: number | string;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_queues?: components["schemas"]["WorkQueueFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryResponse"][];
                };
            };
        };
    };
    taskRunHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    history_start: string;
                    /** Format: date-time */
                    history_end: string;
                    history_interval_seconds: number | string;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryResponse"][];
                };
            };
        };
    };
    uiFlowRunHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_pool_queues?: components["schemas"]["WorkQueueFilter"] | null;
                    sort?: components["schemas"]["FlowRunSort"];
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        id: string;
                        state_type: components["schemas"]["StateType"] | null;
                        /** Format: date-time */
                        timestamp: string | null;
                        duration: number;
                        lateness: number;
                    }[];
                };
            };
        };
    };
    createConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConcurrencyLimitCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrencyLimit"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrencyLimit"];
                };
            };
        };
    };
    readConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrencyLimit"];
                };
            };
        };
    };
    deleteConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    readConcurrencyLimitByTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrencyLimit"];
                };
            };
        };
    };
    deleteConcurrencyLimitByTag: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterConcurrencyLimits: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    limit?: number;
                    offset?: number;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConcurrencyLimit"][];
                };
            };
        };
    };
    resetConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                tag: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    slot_override?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    uiFlowRunTaskRunCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flow_run_ids: string[];
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: components["schemas"]["StateCounts"];
                    };
                };
            };
        };
    };
    uiTaskRunCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateCounts"];
                };
            };
        };
    };
    uiTaskRunDashboardCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
                    work_queues?: components["schemas"]["WorkQueueFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        completed: number;
                        failed: number;
                    }[];
                };
            };
        };
    };
    countLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    logs?: components["schemas"]["LogFilter"] | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": number;
                };
            };
        };
    };
    uiFlowRunStream: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
        };
    };
}
