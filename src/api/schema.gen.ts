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
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["authLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["authLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["authMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["filterUsers"];
        put?: never;
        post: operations["createUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteUser"];
        options?: never;
        head?: never;
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/api_keys/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["filterApiKeys"];
        put?: never;
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api_keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit_log/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterAuditLog"];
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
    "/api/flow_runs/{id}/graph": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["flowRunGraph"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/input": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createFlowRunInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/input/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterFlowRunInput"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/input/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowRunInput"];
        put?: never;
        post?: never;
        delete: operations["deleteFlowRunInput"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_runs/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["flowRunHeartbeat"];
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
    "/api/v2/concurrency_limits/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createGlobalConcurrencyLimit"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/concurrency_limits/{id_or_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readGlobalConcurrencyLimit"];
        put?: never;
        post?: never;
        delete: operations["deleteGlobalConcurrencyLimit"];
        options?: never;
        head?: never;
        patch: operations["updateGlobalConcurrencyLimit"];
        trace?: never;
    };
    "/api/v2/concurrency_limits/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterGlobalConcurrencyLimits"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/concurrency_limits/increment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["incrementGlobalConcurrencySlots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/concurrency_limits/decrement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["decrementGlobalConcurrencySlots"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readDeployment"];
        put?: never;
        post?: never;
        delete: operations["deleteDeployment"];
        options?: never;
        head?: never;
        patch: operations["updateDeployment"];
        trace?: never;
    };
    "/api/deployments/name/{flow_name}/{deployment_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readDeploymentByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/pause_deployment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["pauseDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/set_schedule_inactive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["setScheduleInactive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/resume_deployment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["resumeDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/set_schedule_active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["setScheduleActive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readDeploymentSchedules"];
        put?: never;
        post: operations["createDeploymentSchedules"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/schedules/{schedule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteDeploymentSchedule"];
        options?: never;
        head?: never;
        patch: operations["updateDeploymentSchedule"];
        trace?: never;
    };
    "/api/deployments/{id}/create_flow_run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createFlowRunFromDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/{id}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["scheduleDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deployments/get_scheduled_flow_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["getScheduledFlowRunsForDeployments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createWorkPool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readWorkPool"];
        put?: never;
        post?: never;
        delete: operations["deleteWorkPool"];
        options?: never;
        head?: never;
        patch: operations["updateWorkPool"];
        trace?: never;
    };
    "/api/work_pools/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterWorkPools"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countWorkPools"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{name}/get_scheduled_flow_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["getScheduledFlowRunsForPool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{pool}/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createWorkQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{pool}/queues/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readWorkQueue"];
        put?: never;
        post?: never;
        delete: operations["deleteWorkQueue"];
        options?: never;
        head?: never;
        patch: operations["updateWorkQueue"];
        trace?: never;
    };
    "/api/work_pools/{pool}/queues/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterWorkQueues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{pool}/workers/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["workerHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{pool}/workers/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterWorkers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_pools/{pool}/workers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteWorker"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_queues/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createLegacyWorkQueue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_queues/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readLegacyWorkQueue"];
        put?: never;
        post?: never;
        delete: operations["deleteLegacyWorkQueue"];
        options?: never;
        head?: never;
        patch: operations["updateLegacyWorkQueue"];
        trace?: never;
    };
    "/api/work_queues/name/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readLegacyWorkQueueByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_queues/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterLegacyWorkQueues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_queues/{id}/get_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["getLegacyWorkQueueRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work_queues/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readLegacyWorkQueueStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/variables/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createVariable"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/variables/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readVariable"];
        put?: never;
        post?: never;
        delete: operations["deleteVariable"];
        options?: never;
        head?: never;
        patch: operations["updateVariable"];
        trace?: never;
    };
    "/api/variables/name/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readVariableByName"];
        put?: never;
        post?: never;
        delete: operations["deleteVariableByName"];
        options?: never;
        head?: never;
        patch: operations["updateVariableByName"];
        trace?: never;
    };
    "/api/variables/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterVariables"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/variables/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countVariables"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved_searches/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["upsertSavedSearch"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved_searches/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readSavedSearch"];
        put?: never;
        post?: never;
        delete: operations["deleteSavedSearch"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/saved_searches/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterSavedSearches"];
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
        post: operations["taskRunDashboardCounts"];
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
        post: operations["taskRunCountsByState"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/schemas/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["validateSchemaValues"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/schedules/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Syntask extension: the next run times of an unsaved schedule. */
        post: operations["previewSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/collections/views/{view}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readCollectionView"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/templates/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["validateTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/database/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete all data except user accounts, sessions, API keys and the audit log */
        post: operations["clearDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/database/drop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Drop every table (the API answers errors until create) */
        post: operations["dropDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/database/create": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create the tables (run the migrations) */
        post: operations["createDatabase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createBlockType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockType"];
        put?: never;
        post?: never;
        delete: operations["deleteBlockType"];
        options?: never;
        head?: never;
        patch: operations["updateBlockType"];
        trace?: never;
    };
    "/api/block_types/slug/{slug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockTypeBySlug"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterBlockTypes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/slug/{slug}/block_documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockDocumentsOfType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/slug/{slug}/block_documents/name/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockDocumentOfTypeByName"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_types/install_system_block_types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["installSystemBlockTypes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_schemas/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createBlockSchema"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_schemas/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockSchema"];
        put?: never;
        post?: never;
        delete: operations["deleteBlockSchema"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_schemas/checksum/{checksum}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockSchemaByChecksum"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_schemas/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterBlockSchemas"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_capabilities/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_documents/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createBlockDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readBlockDocument"];
        put?: never;
        post?: never;
        delete: operations["deleteBlockDocument"];
        options?: never;
        head?: never;
        patch: operations["updateBlockDocument"];
        trace?: never;
    };
    "/api/block_documents/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterBlockDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/block_documents/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countBlockDocuments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createArtifact"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readArtifact"];
        put?: never;
        post?: never;
        delete: operations["deleteArtifact"];
        options?: never;
        head?: never;
        patch: operations["updateArtifact"];
        trace?: never;
    };
    "/api/artifacts/{key}/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readLatestArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterArtifacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countArtifacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/latest/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterLatestArtifacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/artifacts/latest/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countLatestArtifacts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_run_notification_policies/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createFlowRunNotificationPolicy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_run_notification_policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readFlowRunNotificationPolicy"];
        put?: never;
        post?: never;
        delete: operations["deleteFlowRunNotificationPolicy"];
        options?: never;
        head?: never;
        patch: operations["updateFlowRunNotificationPolicy"];
        trace?: never;
    };
    "/api/flow_run_notification_policies/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterFlowRunNotificationPolicies"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/flow_run_notification_policies/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["testFlowRunNotificationPolicy"];
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
    "/api/ui/flow_runs/by_id_prefix": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: flow runs whose id starts with a fragment (at least 4 characters), to find a run by the start of an id shown on screen. */
        post: operations["uiFlowRunsByIdPrefix"];
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
    "/api/ui/flow_runs/task_grid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: the last `limit` runs of a flow or deployment (scheduled ones left out) × their task keys, each cell the states of that key in that run, aggregated on the server. 404 for an unknown flow or deployment. */
        post: operations["uiFlowRunTaskGrid"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/flow_runs/delay_explanations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: why each Scheduled or Pending flow run has not started, from live facts (the first that applies: deployment paused, pool paused, no online worker, queue paused, pool or queue full, queue not polled, a retry or a time ahead), and what holds a Running one (a task run waiting for a full tag limit, or its code refused by a full global limit), with the action that resolves it. Other runs and unknown ids map to null. */
        post: operations["uiFlowRunDelayExplanations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/failures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: Failed and Crashed flow runs (or task runs) whose state was set in [start, end), grouped by failure signature, largest groups first, with the usual run filters. */
        post: operations["uiFailureGroups"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/flow_runs/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** @description Extension: two flow runs side by side — parameters key by key, each task key in both (state counts, first start, run time; slowest regressions first, keys of one run only last), the first failing task, infrastructure, and the normalized log lines (of the first 5,000 each) found in one run only (200 at most). 404 for an unknown run. */
        post: operations["uiCompareFlowRuns"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/ui/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Extension: server-sent events (text/event-stream) naming the resources that changed (`changed` {resources}), coalesced to one event per 200 ms, for live lists and counts; with `flow_run_id` (up to 10), also those runs' `state` and `logs` events as on the run stream, so a page needs one connection. */
        get: operations["uiChangeStream"];
        put?: never;
        post?: never;
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
    "/api/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/filter/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["filterEventsNextPage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/events/count-by/{countable}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["createAutomation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readAutomation"];
        put: operations["updateAutomation"];
        post?: never;
        delete: operations["deleteAutomation"];
        options?: never;
        head?: never;
        patch: operations["patchAutomation"];
        trace?: never;
    };
    "/api/automations/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterAutomations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["countAutomations"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/related-to/{resource_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readAutomationsRelatedTo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/owned-by/{resource_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["deleteAutomationsOwnedBy"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/{id}/firings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["readAutomationFirings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/last-fired": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["filterAutomationsLastFired"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["previewAutomation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/automations/render-action": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["previewAutomationAction"];
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
        Me: {
            name: string;
            role: "viewer" | "operator" | "admin";
            kind: string;
            auth_enabled: boolean;
        };
        Login: {
            name: string;
            password: string;
        };
        User: {
            id: string;
            name: string;
            role: "viewer" | "operator" | "admin";
            /** Format: date-time */
            created: string;
        };
        UserCreate: {
            name: string;
            password: string;
            role: "viewer" | "operator" | "admin";
        };
        UserUpdate: {
            role?: "viewer" | "operator" | "admin";
            password?: string;
        };
        ApiKey: {
            id: string;
            name: string;
            role: "viewer" | "operator" | "admin";
            created_by: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            expires: string | null;
            /** Format: date-time */
            last_used: string | null;
        };
        ApiKeyCreated: {
            id: string;
            name: string;
            role: "viewer" | "operator" | "admin";
            created_by: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            expires: string | null;
            /** Format: date-time */
            last_used: string | null;
            /** @description The key itself: shown once, never again. */
            key: string;
        };
        ApiKeyCreate: {
            name: string;
            role?: ("viewer" | "operator" | "admin") | null;
            /** Format: date-time */
            expires?: string | null;
        };
        AuditEntry: {
            id: string;
            /** Format: date-time */
            timestamp: string;
            actor: string;
            actor_kind: string;
            actor_role: string | null;
            address: string | null;
            method: string;
            operation: string;
            path: string;
            resource_type: string | null;
            resource_id: string | null;
            status_code: number;
            outcome: string;
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
                is_null_?: boolean | null;
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
        Artifact: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            key: string | null;
            type: string | null;
            description: string | null;
            data: unknown;
            metadata_: {
                [key: string]: string;
            } | null;
            /** Format: uuid */
            flow_run_id: string | null;
            /** Format: uuid */
            task_run_id: string | null;
        };
        ArtifactCollection: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            key: string;
            type: string | null;
            description: string | null;
            data: unknown;
            metadata_: {
                [key: string]: string;
            } | null;
            /** Format: uuid */
            flow_run_id: string | null;
            /** Format: uuid */
            task_run_id: string | null;
            /** Format: uuid */
            latest_id: string;
        };
        ArtifactCreate: {
            key?: string | null;
            type?: string | null;
            description?: string | null;
            data?: unknown;
            metadata_?: {
                [key: string]: string;
            } | null;
            /** Format: uuid */
            flow_run_id?: string | null;
            /** Format: uuid */
            task_run_id?: string | null;
        };
        ArtifactUpdate: {
            data?: unknown;
            description?: string | null;
            metadata_?: {
                [key: string]: string;
            } | null;
        };
        ArtifactFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            key?: {
                any_?: string[] | null;
                like_?: string | null;
                exists_?: boolean | null;
            } | null;
            flow_run_id?: {
                any_?: string[] | null;
            } | null;
            task_run_id?: {
                any_?: string[] | null;
            } | null;
            type?: {
                any_?: string[] | null;
                not_any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        ArtifactCollectionFilter: {
            latest_id?: {
                any_?: string[] | null;
            } | null;
            key?: {
                any_?: string[] | null;
                like_?: string | null;
                exists_?: boolean | null;
            } | null;
            flow_run_id?: {
                any_?: string[] | null;
            } | null;
            task_run_id?: {
                any_?: string[] | null;
            } | null;
            type?: {
                any_?: string[] | null;
                not_any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        /** @enum {unknown} */
        ArtifactSort: "CREATED_DESC" | "UPDATED_DESC" | "ID_DESC" | "KEY_DESC" | "KEY_ASC";
        /** @enum {unknown} */
        ArtifactCollectionSort: "CREATED_DESC" | "UPDATED_DESC" | "ID_DESC" | "KEY_DESC" | "KEY_ASC";
        BlockType: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            slug: string;
            logo_url: string | null;
            documentation_url: string | null;
            description: string | null;
            code_example: string | null;
            is_protected: boolean;
        };
        BlockTypeCreate: {
            name: string;
            slug: string;
            logo_url?: string | null;
            documentation_url?: string | null;
            description?: string | null;
            code_example?: string | null;
        };
        BlockTypeUpdate: {
            logo_url?: string | null;
            documentation_url?: string | null;
            description?: string | null;
            code_example?: string | null;
        };
        BlockSchema: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            checksum: string;
            fields: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            block_type_id: string;
            block_type: components["schemas"]["BlockType"] | null;
            capabilities: string[];
            version: string;
        };
        BlockSchemaCreate: {
            fields?: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            block_type_id: string;
            capabilities?: string[];
            version?: string;
        };
        BlockDocumentReferenceInfo: {
            block_document: {
                /** Format: uuid */
                id: string;
                name: string | null;
                block_type: components["schemas"]["BlockType"];
                is_anonymous: boolean;
                block_document_references: {
                    [key: string]: unknown;
                };
            };
        };
        BlockDocument: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string | null;
            data: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            block_schema_id: string;
            block_schema: components["schemas"]["BlockSchema"] | null;
            /** Format: uuid */
            block_type_id: string;
            block_type_name: string | null;
            block_type: components["schemas"]["BlockType"] | null;
            block_document_references: {
                [key: string]: components["schemas"]["BlockDocumentReferenceInfo"];
            };
            is_anonymous: boolean;
        };
        BlockDocumentCreate: {
            name?: string | null;
            data?: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            block_schema_id: string;
            /** Format: uuid */
            block_type_id: string;
            is_anonymous?: boolean;
        };
        BlockDocumentUpdate: {
            /** Format: uuid */
            block_schema_id?: string | null;
            data?: {
                [key: string]: unknown;
            };
            merge_existing_data?: boolean;
        };
        BlockTypeFilter: {
            name?: {
                like_?: string | null;
            } | null;
            slug?: {
                any_?: string[] | null;
            } | null;
        };
        BlockSchemaFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            block_type_id?: {
                any_?: string[] | null;
            } | null;
            block_capabilities?: {
                all_?: string[] | null;
            } | null;
            version?: {
                any_?: string[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        BlockDocumentFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            block_type_id?: {
                any_?: string[] | null;
            } | null;
            is_anonymous?: {
                eq_?: boolean | null;
            } | null;
            operator?: "and_" | "or_";
        };
        /** @enum {unknown} */
        BlockDocumentSort: "NAME_DESC" | "NAME_ASC" | "BLOCK_TYPE_AND_NAME_ASC";
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
        FlowRunWithoutPool: {
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
        IntervalSchedule: {
            interval: number | string;
            /** Format: date-time */
            anchor_date?: string | null;
            timezone?: string | null;
        };
        CronSchedule: {
            cron: string;
            timezone?: string | null;
            day_or?: boolean | null;
        };
        RRuleSchedule: {
            rrule: string;
            timezone?: string | null;
        };
        ScheduleInput: components["schemas"]["IntervalSchedule"] | components["schemas"]["CronSchedule"] | components["schemas"]["RRuleSchedule"];
        Schedule: {
            interval: number;
            /** Format: date-time */
            anchor_date: string;
            timezone: string | null;
        } | {
            cron: string;
            timezone: string | null;
            day_or: boolean;
        } | {
            rrule: string;
            timezone: string | null;
        };
        DeploymentSchedule: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            /** Format: uuid */
            deployment_id: string;
            schedule: components["schemas"]["Schedule"];
            active: boolean;
            max_active_runs: number | null;
            max_scheduled_runs: number | null;
            catchup: boolean;
        };
        DeploymentScheduleCreate: {
            schedule: components["schemas"]["ScheduleInput"];
            active?: boolean | null;
            max_active_runs?: number | null;
            max_scheduled_runs?: number | null;
            catchup?: boolean | null;
        };
        DeploymentScheduleUpdate: {
            schedule?: components["schemas"]["ScheduleInput"];
            active?: boolean | null;
            max_active_runs?: number | null;
            max_scheduled_runs?: number | null;
            catchup?: boolean | null;
        };
        Deployment: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            /** Format: uuid */
            flow_id: string;
            version: string | null;
            description: string | null;
            path: string | null;
            entrypoint: string | null;
            manifest_path: string | null;
            pull_steps: {
                [key: string]: unknown;
            }[] | null;
            paused: boolean;
            is_schedule_active: boolean;
            schedules: components["schemas"]["DeploymentSchedule"][];
            schedule: components["schemas"]["Schedule"] | null;
            infra_overrides: {
                [key: string]: unknown;
            };
            parameters: {
                [key: string]: unknown;
            };
            tags: string[];
            parameter_openapi_schema: {
                [key: string]: unknown;
            } | null;
            enforce_parameter_schema: boolean;
            work_queue_name: string | null;
            work_pool_name: string | null;
            /** Format: date-time */
            last_polled: string | null;
            /** @enum {unknown} */
            status: "READY" | "NOT_READY";
            /** Format: uuid */
            storage_document_id: string | null;
            /** Format: uuid */
            infrastructure_document_id: string | null;
            created_by: components["schemas"]["CreatedBy"] | null;
            updated_by: components["schemas"]["CreatedBy"] | null;
        };
        DeploymentCreate: {
            name: string;
            /** Format: uuid */
            flow_id: string;
            paused?: boolean | null;
            is_schedule_active?: boolean | null;
            schedules?: components["schemas"]["DeploymentScheduleCreate"][] | null;
            schedule?: components["schemas"]["ScheduleInput"] | null;
            enforce_parameter_schema?: boolean | null;
            parameters?: {
                [key: string]: unknown;
            } | null;
            tags?: string[] | null;
            manifest_path?: string | null;
            work_queue_name?: string | null;
            work_pool_name?: string | null;
            /** Format: uuid */
            storage_document_id?: string | null;
            /** Format: uuid */
            infrastructure_document_id?: string | null;
            description?: string | null;
            path?: string | null;
            version?: string | null;
            entrypoint?: string | null;
            job_variables?: {
                [key: string]: unknown;
            } | null;
            infra_overrides?: {
                [key: string]: unknown;
            } | null;
            created_by?: components["schemas"]["CreatedBy"] | null;
            updated_by?: components["schemas"]["CreatedBy"] | null;
            parameter_openapi_schema?: {
                [key: string]: unknown;
            } | null;
            pull_steps?: {
                [key: string]: unknown;
            }[] | null;
        };
        DeploymentUpdate: {
            paused?: boolean | null;
            is_schedule_active?: boolean | null;
            schedules?: components["schemas"]["DeploymentScheduleCreate"][] | null;
            schedule?: components["schemas"]["ScheduleInput"] | null;
            enforce_parameter_schema?: boolean | null;
            parameters?: {
                [key: string]: unknown;
            } | null;
            tags?: string[] | null;
            manifest_path?: string | null;
            work_queue_name?: string | null;
            work_pool_name?: string | null;
            /** Format: uuid */
            storage_document_id?: string | null;
            /** Format: uuid */
            infrastructure_document_id?: string | null;
            description?: string | null;
            path?: string | null;
            version?: string | null;
            entrypoint?: string | null;
            job_variables?: {
                [key: string]: unknown;
            } | null;
            infra_overrides?: {
                [key: string]: unknown;
            } | null;
            created_by?: components["schemas"]["CreatedBy"] | null;
            updated_by?: components["schemas"]["CreatedBy"] | null;
        };
        DeploymentFlowRunCreate: {
            state?: components["schemas"]["StateCreate"] | null;
            name?: string | null;
            parameters?: {
                [key: string]: unknown;
            } | null;
            enforce_parameter_schema?: boolean | null;
            context?: {
                [key: string]: unknown;
            } | null;
            /** Format: uuid */
            infrastructure_document_id?: string | null;
            empirical_policy?: components["schemas"]["FlowRunPolicyInput"] | null;
            tags?: string[] | null;
            idempotency_key?: string | null;
            /** Format: uuid */
            parent_task_run_id?: string | null;
            work_queue_name?: string | null;
            job_variables?: {
                [key: string]: unknown;
            } | null;
        };
        FlowRunInput: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            /** Format: uuid */
            flow_run_id: string;
            key: string;
            value: string;
            sender: string | null;
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
            /** @description The task run's task key (a subflow: its parent task's); runs of one mapped task share it. */
            task_key: string;
            /** @description Seconds spent RUNNING, summed over attempts (as on TaskRun). */
            total_run_time: number;
            /** @description total_run_time plus, while RUNNING, the time since state_timestamp. */
            estimated_run_time: number;
            /** Format: date-time */
            state_timestamp: string | null;
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
        TaskRunDependency: {
            /** Format: uuid */
            id: string;
            name: string;
            upstream_dependencies: {
                /** @enum {string} */
                input_type: "task_run";
                /** Format: uuid */
                id: string;
            }[];
            state: components["schemas"]["State"] | null;
            /** Format: date-time */
            expected_start_time: string | null;
            /** Format: date-time */
            start_time: string | null;
            /** Format: date-time */
            end_time: string | null;
            total_run_time: number;
            estimated_run_time: number;
            untrackable_result: boolean;
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
        GlobalConcurrencyLimit: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            active: boolean;
            name: string;
            limit: number;
            active_slots: number;
            denied_slots: number;
            slot_decay_per_second: number;
            avg_slot_occupancy_seconds: number;
        };
        GlobalConcurrencyLimitRead: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            active: boolean;
            name: string;
            limit: number;
            active_slots: number;
            denied_slots: number;
        };
        GlobalConcurrencyLimitCreate: {
            active?: boolean;
            name: string;
            limit: number;
            active_slots?: number;
            denied_slots?: number;
            slot_decay_per_second?: number;
        };
        GlobalConcurrencyLimitUpdate: {
            active?: boolean | null;
            name?: string | null;
            limit?: number | null;
            active_slots?: number | null;
            denied_slots?: number | null;
            slot_decay_per_second?: number | null;
        };
        MinimalConcurrencyLimitResponse: {
            /** Format: uuid */
            id: string;
            name: string;
            limit: number;
        };
        GlobalConcurrencyLimitIncrement: {
            slots: number;
            names: string[];
            mode?: "concurrency" | "rate_limit";
            /**
             * Format: uuid
             * @description Extension: the flow run asking. A refusal is remembered so its page can say which limit holds it; getting the slots forgets it.
             */
            flow_run_id?: string;
        };
        GlobalConcurrencyLimitDecrement: {
            slots: number;
            names: string[];
            occupancy_seconds?: (number | string) | null;
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
        FlowRunNotificationPolicy: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            is_active: boolean;
            state_names: string[];
            tags: string[];
            /** Format: uuid */
            block_document_id: string;
            message_template: string | null;
        };
        FlowRunNotificationPolicyCreate: {
            is_active?: boolean;
            state_names?: string[];
            tags?: string[];
            /** Format: uuid */
            block_document_id: string;
            message_template?: string | null;
        };
        FlowRunNotificationPolicyUpdate: {
            is_active?: boolean | null;
            state_names?: string[] | null;
            tags?: string[] | null;
            /** Format: uuid */
            block_document_id?: string | null;
            message_template?: string | null;
        };
        FlowRunNotificationPolicyFilter: {
            is_active?: {
                eq_?: boolean | null;
            } | null;
        };
        NotificationTestResult: {
            delivered: boolean;
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
        TaskGridCell: {
            /** @description Task runs of this key in this run (a mapped task runs many times). */
            count: number;
            /** @description Those task runs by state type; types with none are left out. */
            states: {
                SCHEDULED?: number;
                PENDING?: number;
                RUNNING?: number;
                COMPLETED?: number;
                FAILED?: number;
                CANCELLED?: number;
                CRASHED?: number;
                PAUSED?: number;
                CANCELLING?: number;
            };
            /**
             * Format: uuid
             * @description The task run the cell opens: the first failed (or crashed) one, else the latest.
             */
            task_run_id: string;
            name: string;
            state_type: components["schemas"]["StateType"];
            state_name: string | null;
            /** @description Run time of that task run in seconds (a running one up to now). */
            duration: number;
        };
        TaskGridRow: {
            task_key: string;
            /** @description The task run name without its `-<n>` suffix, else the task key. */
            label: string;
            /** @description 0 for the runs’ own tasks, 1 for the tasks of their subflows, … */
            depth: number;
            /** @description Index in `rows` of the subflow row above this one. */
            parent: number | null;
            /** @description The key’s task runs started child flow runs; their rows follow this one. */
            subflow: boolean;
            subflow_name: string | null;
            /** @description One per run, in the order of `runs`; null where the key did not run. */
            cells: (components["schemas"]["TaskGridCell"] | null)[];
        };
        TaskGridRun: {
            /** Format: uuid */
            id: string;
            name: string;
            state_type: components["schemas"]["StateType"] | null;
            state_name: string | null;
            /** Format: date-time */
            start_time: string | null;
            /** Format: date-time */
            expected_start_time: string | null;
        };
        TaskGrid: {
            /** @description Oldest first (the newest column is on the right). */
            runs: components["schemas"]["TaskGridRun"][];
            /** @description Task keys in first-seen order; a subflow row is followed by its own rows. */
            rows: components["schemas"]["TaskGridRow"][];
            /** @description Rows left out beyond 1,000. */
            omitted_rows: number;
        };
        DelayAction: {
            /** @enum {unknown} */
            kind: "resume_deployment" | "resume_work_pool" | "resume_work_queue" | "open_work_pool" | "open_global_limits" | "show_runs";
            /** Format: uuid */
            deployment_id?: string;
            work_pool_name?: string;
            /** Format: uuid */
            work_queue_id?: string;
            work_queue_name?: string;
            /** @description The runs holding the slots. */
            flow_run_ids?: string[];
        };
        DelayExplanation: {
            /** @description deployment_paused, work_pool_paused, no_online_worker, work_queue_paused, work_pool_full, work_queue_full, tag_limit_full, global_limit_full, queue_not_polled, awaiting_retry, scheduled_later or pending_start. */
            code: string;
            title: string;
            detail: string;
            /** @description Past its expected start, rather than waiting for a time still ahead. */
            late: boolean;
            action: components["schemas"]["DelayAction"] | null;
        };
        FailureGroup: {
            /** @description Exception type and message with quoted values, ids, times, paths and numbers replaced by <str>, <uuid>, <time>, <path>, <id>, <n>. */
            signature: string;
            count: number;
            /** Format: date-time */
            first_seen: string;
            /** Format: date-time */
            last_seen: string;
            /** @description Failures per equal slice of [start, end), for a sparkline. */
            buckets: number[];
            /** @description Flows affected (at most 20). */
            flow_ids: string[];
            /** @description Deployments affected (at most 20). */
            deployment_ids: string[];
            example: {
                /** Format: uuid */
                run_id: string;
                run_name: string;
                /** Format: uuid */
                flow_run_id: string | null;
                message: string | null;
                /** @description The run’s last error log line (the engine logs the stack there). */
                traceback: string | null;
            };
        };
        CompareRunSide: {
            /** Format: uuid */
            id: string;
            name: string;
            state_type: string | null;
            state_name: string | null;
            /** Format: date-time */
            start_time: string | null;
            /** Format: date-time */
            end_time: string | null;
            /** @description Run time in seconds (a running run up to now). */
            duration: number;
            /** Format: uuid */
            deployment_id: string | null;
            work_pool_name: string | null;
            work_queue_name: string | null;
            infrastructure_pid: string | null;
            job_variables: {
                [key: string]: unknown;
            } | null;
            first_failure: {
                task_key: string;
                /** Format: uuid */
                task_run_id: string;
                name: string;
                message: string | null;
            } | null;
        };
        CompareTaskSide: {
            count: number;
            states: {
                [key: string]: number;
            };
            /** Format: date-time */
            start_time: string | null;
            duration: number;
        };
        RunComparison: {
            left: components["schemas"]["CompareRunSide"];
            right: components["schemas"]["CompareRunSide"];
            parameters: {
                path: string;
                /** @enum {unknown} */
                status: "changed" | "only_left" | "only_right";
                left?: unknown;
                right?: unknown;
            }[];
            tasks: {
                task_key: string;
                left: components["schemas"]["CompareTaskSide"] | null;
                right: components["schemas"]["CompareTaskSide"] | null;
                change_seconds: number | null;
            }[];
            logs: {
                only_left: string[];
                only_right: string[];
                /** @description Lines read per run (the first ones). */
                lines_compared: number;
            };
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
            auth_enabled: boolean;
            flags: string[];
            profile: string | null;
        };
        SavedSearchFilter: {
            object: string;
            property: string;
            type: string;
            operation: string;
            value: unknown;
        };
        SavedSearch: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            filters: components["schemas"]["SavedSearchFilter"][];
        };
        SavedSearchCreate: {
            name: string;
            filters?: components["schemas"]["SavedSearchFilter"][];
        };
        Resource: {
            "syntask.resource.id": string;
            "syntask.resource.name"?: string;
        } & {
            [key: string]: string;
        };
        RelatedResource: {
            "syntask.resource.id": string;
            "syntask.resource.role": string;
            "syntask.resource.name"?: string;
        } & {
            [key: string]: string;
        };
        Event: {
            /** Format: date-time */
            occurred: string;
            event: string;
            resource: components["schemas"]["Resource"];
            related?: components["schemas"]["RelatedResource"][];
            payload?: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            follows?: string | null;
        };
        ReceivedEvent: {
            /** Format: date-time */
            occurred: string;
            event: string;
            resource: components["schemas"]["Resource"];
            related: components["schemas"]["RelatedResource"][];
            payload: {
                [key: string]: unknown;
            };
            /** Format: uuid */
            id: string;
            follows: string | null;
            /** Format: date-time */
            received: string;
        };
        ResourceSpecification: {
            [key: string]: string | string[];
        };
        EventFilter: {
            occurred?: {
                /** Format: date-time */
                since?: string | null;
                /** Format: date-time */
                until?: string | null;
            } | null;
            event?: {
                prefix?: string[] | null;
                exclude_prefix?: string[] | null;
                name?: string[] | null;
                exclude_name?: string[] | null;
            } | null;
            resource?: {
                id?: string[] | null;
                id_prefix?: string[] | null;
                labels?: components["schemas"]["ResourceSpecification"] | null;
                distinct?: boolean | null;
            } | null;
            related?: {
                id?: string[] | null;
                role?: string[] | null;
                resources_in_roles?: [
                    string,
                    string
                ][] | null;
                labels?: components["schemas"]["ResourceSpecification"] | null;
            } | null;
            any_resource?: {
                id?: string[] | null;
                id_prefix?: string[] | null;
                labels?: components["schemas"]["ResourceSpecification"] | null;
            } | null;
            id?: {
                id?: string[] | null;
            } | null;
            order?: ("DESC" | "ASC") | null;
        };
        EventPage: {
            events: components["schemas"]["ReceivedEvent"][];
            total: number;
            next_page: string | null;
        };
        EventCount: {
            value: string;
            label: string;
            count: number;
            /** Format: date-time */
            start_time: string;
            /** Format: date-time */
            end_time: string;
        };
        EventTrigger: {
            /** @enum {string} */
            type: "event";
            /** Format: uuid */
            id?: string;
            match?: components["schemas"]["ResourceSpecification"];
            match_related?: components["schemas"]["ResourceSpecification"];
            after?: string[];
            expect?: string[];
            for_each?: string[];
            posture: "Reactive" | "Proactive";
            threshold?: number;
            within?: number | string;
        };
        CompoundTrigger: {
            /** @enum {string} */
            type: "compound";
            /** Format: uuid */
            id?: string;
            triggers: components["schemas"]["Trigger"][];
            within?: (number | string) | null;
            require: number | "any" | "all";
        };
        SequenceTrigger: {
            /** @enum {string} */
            type: "sequence";
            /** Format: uuid */
            id?: string;
            triggers: components["schemas"]["Trigger"][];
            within?: (number | string) | null;
        };
        Trigger: components["schemas"]["EventTrigger"] | components["schemas"]["CompoundTrigger"] | components["schemas"]["SequenceTrigger"];
        AutomationAction: {
            /** @enum {string} */
            type: "do-nothing";
        } | {
            /** @enum {string} */
            type: "run-deployment";
            source?: "selected" | "inferred";
            /** Format: uuid */
            deployment_id?: string | null;
            parameters?: {
                [key: string]: unknown;
            } | null;
            job_variables?: {
                [key: string]: unknown;
            } | null;
        } | {
            /** @enum {string} */
            type: "pause-deployment";
            source?: "selected" | "inferred";
            /** Format: uuid */
            deployment_id?: string | null;
        } | {
            /** @enum {string} */
            type: "resume-deployment";
            source?: "selected" | "inferred";
            /** Format: uuid */
            deployment_id?: string | null;
        } | {
            /** @enum {string} */
            type: "cancel-flow-run";
        } | {
            /** @enum {string} */
            type: "suspend-flow-run";
        } | {
            /** @enum {string} */
            type: "change-flow-run-state";
            state: "SCHEDULED" | "PENDING" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED" | "CRASHED" | "PAUSED" | "CANCELLING";
            name?: string | null;
            message?: string | null;
        } | {
            /** @enum {string} */
            type: "pause-work-queue";
            source?: "selected" | "inferred";
            /** Format: uuid */
            work_queue_id?: string | null;
        } | {
            /** @enum {string} */
            type: "resume-work-queue";
            source?: "selected" | "inferred";
            /** Format: uuid */
            work_queue_id?: string | null;
        } | {
            /** @enum {string} */
            type: "pause-work-pool";
            source?: "selected" | "inferred";
            /** Format: uuid */
            work_pool_id?: string | null;
        } | {
            /** @enum {string} */
            type: "resume-work-pool";
            source?: "selected" | "inferred";
            /** Format: uuid */
            work_pool_id?: string | null;
        } | {
            /** @enum {string} */
            type: "pause-automation";
            source?: "selected" | "inferred";
            /** Format: uuid */
            automation_id?: string | null;
        } | {
            /** @enum {string} */
            type: "resume-automation";
            source?: "selected" | "inferred";
            /** Format: uuid */
            automation_id?: string | null;
        } | {
            /** @enum {string} */
            type: "send-notification";
            /** Format: uuid */
            block_document_id: string;
            subject?: string;
            body: string;
        } | {
            /** @enum {string} */
            type: "call-webhook";
            /** Format: uuid */
            block_document_id: string;
            payload?: string | {
                [key: string]: unknown;
            };
        };
        AutomationCreate: {
            name: string;
            description?: string;
            enabled?: boolean;
            trigger: components["schemas"]["Trigger"];
            actions: components["schemas"]["AutomationAction"][];
            actions_on_trigger?: components["schemas"]["AutomationAction"][];
            actions_on_resolve?: components["schemas"]["AutomationAction"][];
            owner_resource?: string | null;
        };
        AutomationUpdate: {
            name: string;
            description?: string;
            enabled?: boolean;
            trigger: components["schemas"]["Trigger"];
            actions: components["schemas"]["AutomationAction"][];
            actions_on_trigger?: components["schemas"]["AutomationAction"][];
            actions_on_resolve?: components["schemas"]["AutomationAction"][];
        };
        AutomationPartialUpdate: {
            enabled?: boolean;
        };
        Automation: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            description: string;
            enabled: boolean;
            trigger: components["schemas"]["Trigger"];
            actions: components["schemas"]["AutomationAction"][];
            actions_on_trigger: components["schemas"]["AutomationAction"][];
            actions_on_resolve: components["schemas"]["AutomationAction"][];
        };
        AutomationFilter: {
            operator?: "and_" | "or_";
            name?: {
                any_?: string[] | null;
            } | null;
            created?: {
                /** Format: date-time */
                before_?: string | null;
            } | null;
        };
        AutomationActionOutcome: {
            /** Format: uuid */
            id: string;
            action_index: number;
            action_type: string;
            status: "pending" | "running" | "executed" | "failed";
            reason: string | null;
            status_code: number | null;
            /** Format: date-time */
            started: string | null;
            /** Format: date-time */
            finished: string | null;
        };
        AutomationFiring: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            automation_id: string;
            /** Format: uuid */
            trigger_id: string;
            /** Format: date-time */
            fired: string;
            triggering_labels: {
                [key: string]: string;
            };
            triggering_event: components["schemas"]["ReceivedEvent"] | null;
            cause_event_ids: string[];
            actions: components["schemas"]["AutomationActionOutcome"][];
        };
        AutomationPreviewRequest: {
            trigger: components["schemas"]["Trigger"];
            /** Format: date-time */
            since?: string | null;
            /** Format: date-time */
            until?: string | null;
        };
        AutomationPreview: {
            /** Format: date-time */
            since: string;
            /** Format: date-time */
            until: string;
            count: number;
            firings: {
                /** Format: date-time */
                fired: string;
                triggering_labels: {
                    [key: string]: string;
                };
                event_ids: string[];
            }[];
            events_evaluated: number;
            truncated: boolean;
        };
        AutomationActionRenderRequest: {
            action: components["schemas"]["AutomationAction"];
            /** Format: uuid */
            event_id?: string | null;
            automation_name?: string | null;
        };
        AutomationActionRender: {
            subject?: string;
            body?: string;
            payload?: string;
            parameters?: {
                [key: string]: unknown;
            };
            error: string | null;
        };
        Variable: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            value: string;
            tags: string[];
        };
        VariableCreate: {
            name: string;
            value: string;
            tags?: string[] | null;
        };
        VariableUpdate: {
            name?: string | null;
            value?: string | null;
            tags?: string[] | null;
        };
        VariableFilter: {
            id?: {
                any_?: string[] | null;
            } | null;
            name?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            value?: {
                any_?: string[] | null;
                like_?: string | null;
            } | null;
            tags?: {
                all_?: string[] | null;
                is_null_?: boolean | null;
                operator?: "and_" | "or_";
            } | null;
            operator?: "and_" | "or_";
        };
        /** @enum {unknown} */
        VariableSort: "CREATED_DESC" | "UPDATED_DESC" | "NAME_DESC" | "NAME_ASC";
        WorkPool: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            description: string | null;
            type: string;
            base_job_template: {
                [key: string]: unknown;
            };
            is_paused: boolean;
            concurrency_limit: number | null;
            status: ("READY" | "NOT_READY" | "PAUSED") | null;
            /** Format: uuid */
            default_queue_id: string | null;
        };
        WorkPoolCreate: {
            name: string;
            description?: string | null;
            type?: string | null;
            base_job_template?: {
                [key: string]: unknown;
            } | null;
            is_paused?: boolean | null;
            concurrency_limit?: number | null;
        };
        WorkPoolUpdate: {
            description?: string | null;
            is_paused?: boolean | null;
            base_job_template?: {
                [key: string]: unknown;
            } | null;
            concurrency_limit?: number | null;
        };
        WorkQueueFilterCriteria: {
            tags?: string[] | null;
            deployment_ids?: string[] | null;
        };
        WorkQueue: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            description: string;
            is_paused: boolean;
            concurrency_limit: number | null;
            priority: number;
            /** Format: uuid */
            work_pool_id: string;
            work_pool_name: string;
            filter: components["schemas"]["WorkQueueFilterCriteria"] | null;
            /** Format: date-time */
            last_polled: string | null;
            /** @enum {unknown} */
            status: "READY" | "NOT_READY" | "PAUSED";
        };
        WorkQueueCreate: {
            name: string;
            description?: string | null;
            is_paused?: boolean | null;
            concurrency_limit?: number | null;
            priority?: number | null;
        };
        WorkQueueUpdate: {
            name?: string | null;
            description?: string | null;
            is_paused?: boolean | null;
            concurrency_limit?: number | null;
            priority?: number | null;
            /** Format: date-time */
            last_polled?: string | null;
        };
        Worker: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created: string;
            /** Format: date-time */
            updated: string;
            name: string;
            /** Format: uuid */
            work_pool_id: string;
            /** Format: date-time */
            last_heartbeat_time: string;
            heartbeat_interval_seconds: number | null;
            /** @enum {unknown} */
            status: "ONLINE" | "OFFLINE";
        };
        WorkerHeartbeat: {
            name: string;
            heartbeat_interval_seconds?: number | null;
        };
        WorkerFilter: {
            last_heartbeat_time?: {
                /** Format: date-time */
                before_?: string | null;
                /** Format: date-time */
                after_?: string | null;
            } | null;
            status?: {
                any_?: ("ONLINE" | "OFFLINE")[] | null;
                not_any_?: ("ONLINE" | "OFFLINE")[] | null;
            } | null;
            operator?: "and_" | "or_";
        };
        LegacyWorkQueueCreate: {
            name: string;
            description?: string | null;
            is_paused?: boolean | null;
            concurrency_limit?: number | null;
            priority?: number | null;
            filter?: components["schemas"]["WorkQueueFilterCriteria"] | null;
        };
        LegacyWorkQueueUpdate: {
            name?: string | null;
            description?: string | null;
            is_paused?: boolean | null;
            concurrency_limit?: number | null;
            priority?: number | null;
            /** Format: date-time */
            last_polled?: string | null;
            filter?: components["schemas"]["WorkQueueFilterCriteria"] | null;
        };
        WorkQueueStatusDetail: {
            healthy: boolean;
            late_runs_count: number;
            /** Format: date-time */
            last_polled: string | null;
            health_check_policy: {
                maximum_late_runs: number | null;
                maximum_seconds_since_last_polled: number | null;
            };
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
    authLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Login"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Default Response */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Default Response */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
            /** @description Default Response */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    authLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    authMe: {
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
                    "application/json": components["schemas"]["Me"];
                };
            };
        };
    };
    filterUsers: {
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
                    "application/json": components["schemas"]["User"][];
                };
            };
        };
    };
    createUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["User"];
                };
            };
        };
    };
    deleteUser: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    updateUser: {
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
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterApiKeys: {
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
                    "application/json": components["schemas"]["ApiKey"][];
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiKeyCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyCreated"];
                };
            };
        };
    };
    deleteApiKey: {
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
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    filterAuditLog: {
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
                    actor?: string | null;
                    resource_type?: string | null;
                    resource_id?: string | null;
                    outcome?: ("success" | "denied" | "failure") | null;
                    /** Format: date-time */
                    after?: string | null;
                    /** Format: date-time */
                    before?: string | null;
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
                    "application/json": components["schemas"]["AuditEntry"][];
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
    flowRunGraph: {
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
                    "application/json": components["schemas"]["TaskRunDependency"][];
                };
            };
        };
    };
    createFlowRunInput: {
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
                    key: string;
                    value: string;
                    sender?: string | null;
                };
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
    filterFlowRunInput: {
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
                    prefix: string;
                    limit?: number;
                    exclude_keys?: string[];
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
                    "application/json": components["schemas"]["FlowRunInput"][];
                };
            };
        };
    };
    readFlowRunInput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                key: string;
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
                    "text/plain": string;
                };
            };
        };
    };
    deleteFlowRunInput: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                key: string;
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
    flowRunHeartbeat: {
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
                    worker_name?: string | null;
                };
            };
        };
        responses: {
            /** @description Default Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
    createGlobalConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlobalConcurrencyLimitCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GlobalConcurrencyLimit"];
                };
            };
        };
    };
    readGlobalConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_name: string;
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
                    "application/json": components["schemas"]["GlobalConcurrencyLimitRead"];
                };
            };
        };
    };
    deleteGlobalConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_name: string;
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
    updateGlobalConcurrencyLimit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id_or_name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlobalConcurrencyLimitUpdate"];
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
    filterGlobalConcurrencyLimits: {
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
                    "application/json": components["schemas"]["GlobalConcurrencyLimit"][];
                };
            };
        };
    };
    incrementGlobalConcurrencySlots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlobalConcurrencyLimitIncrement"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinimalConcurrencyLimitResponse"][];
                };
            };
            /** @description Default Response */
            423: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HTTPError"];
                };
            };
        };
    };
    decrementGlobalConcurrencySlots: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GlobalConcurrencyLimitDecrement"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MinimalConcurrencyLimitResponse"][];
                };
            };
        };
    };
    createDeployment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
        };
    };
    readDeployment: {
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
                    "application/json": components["schemas"]["Deployment"];
                };
            };
        };
    };
    deleteDeployment: {
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
    updateDeployment: {
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
                "application/json": components["schemas"]["DeploymentUpdate"];
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
    readDeploymentByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                flow_name: string;
                deployment_name: string;
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
                    "application/json": components["schemas"]["Deployment"];
                };
            };
        };
    };
    filterDeployments: {
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
                    "application/json": components["schemas"]["Deployment"][];
                };
            };
        };
    };
    countDeployments: {
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
    pauseDeployment: {
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
    setScheduleInactive: {
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
    resumeDeployment: {
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
    setScheduleActive: {
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
    readDeploymentSchedules: {
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
                    "application/json": components["schemas"]["DeploymentSchedule"][];
                };
            };
        };
    };
    createDeploymentSchedules: {
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
                "application/json": components["schemas"]["DeploymentScheduleCreate"][];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentSchedule"][];
                };
            };
        };
    };
    deleteDeploymentSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schedule_id: string;
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
    updateDeploymentSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                schedule_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeploymentScheduleUpdate"];
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
    createFlowRunFromDeployment: {
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
                "application/json": components["schemas"]["DeploymentFlowRunCreate"];
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
    scheduleDeployment: {
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
                    /** Format: date-time */
                    start_time?: string | null;
                    /** Format: date-time */
                    end_time?: string | null;
                    min_time?: (number | string) | null;
                    min_runs?: number | null;
                    max_runs?: number | null;
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
    getScheduledFlowRunsForDeployments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    deployment_ids: string[];
                    /** Format: date-time */
                    scheduled_before?: string;
                    limit?: number;
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
    createWorkPool: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkPoolCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkPool"];
                };
            };
        };
    };
    readWorkPool: {
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
                    "application/json": components["schemas"]["WorkPool"];
                };
            };
        };
    };
    deleteWorkPool: {
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
                content?: never;
            };
        };
    };
    updateWorkPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkPoolUpdate"];
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
    filterWorkPools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
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
                    "application/json": components["schemas"]["WorkPool"][];
                };
            };
        };
    };
    countWorkPools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
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
    getScheduledFlowRunsForPool: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    work_queue_names?: string[] | null;
                    /** Format: date-time */
                    scheduled_before?: string | null;
                    /** Format: date-time */
                    scheduled_after?: string | null;
                    limit?: number | null;
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
                        work_pool_id: string;
                        /** Format: uuid */
                        work_queue_id: string;
                        flow_run: components["schemas"]["FlowRunWithoutPool"];
                    }[];
                };
            };
        };
    };
    createWorkQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkQueueCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
        };
    };
    readWorkQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
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
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
        };
    };
    deleteWorkQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
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
                content?: never;
            };
        };
    };
    updateWorkQueue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkQueueUpdate"];
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
    filterWorkQueues: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    work_queues?: components["schemas"]["WorkQueueFilter"] | null;
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
                    "application/json": components["schemas"]["WorkQueue"][];
                };
            };
        };
    };
    workerHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WorkerHeartbeat"];
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
    filterWorkers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    workers?: components["schemas"]["WorkerFilter"] | null;
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
                    "application/json": components["schemas"]["Worker"][];
                };
            };
        };
    };
    deleteWorker: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                pool: string;
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
                content?: never;
            };
        };
    };
    createLegacyWorkQueue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LegacyWorkQueueCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
        };
    };
    readLegacyWorkQueue: {
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
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
        };
    };
    deleteLegacyWorkQueue: {
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
    updateLegacyWorkQueue: {
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
                "application/json": components["schemas"]["LegacyWorkQueueUpdate"];
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
    readLegacyWorkQueueByName: {
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
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
        };
    };
    filterLegacyWorkQueues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    work_queues?: components["schemas"]["WorkQueueFilter"] | null;
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
                    "application/json": components["schemas"]["WorkQueue"][];
                };
            };
        };
    };
    getLegacyWorkQueueRuns: {
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
                    limit?: number | null;
                    /** Format: date-time */
                    scheduled_before?: string | null;
                    /** Format: uuid */
                    agent_id?: string | null;
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
    readLegacyWorkQueueStatus: {
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
                    "application/json": components["schemas"]["WorkQueueStatusDetail"];
                };
            };
        };
    };
    createVariable: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariableCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Variable"];
                };
            };
        };
    };
    readVariable: {
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
                    "application/json": components["schemas"]["Variable"];
                };
            };
        };
    };
    deleteVariable: {
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
    updateVariable: {
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
                "application/json": components["schemas"]["VariableUpdate"];
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
    readVariableByName: {
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
                    "application/json": components["schemas"]["Variable"];
                };
            };
        };
    };
    deleteVariableByName: {
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
                content?: never;
            };
        };
    };
    updateVariableByName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VariableUpdate"];
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
    filterVariables: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variables?: components["schemas"]["VariableFilter"] | null;
                    sort?: components["schemas"]["VariableSort"];
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
                    "application/json": components["schemas"]["Variable"][];
                };
            };
        };
    };
    countVariables: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    variables?: components["schemas"]["VariableFilter"] | null;
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
    upsertSavedSearch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SavedSearchCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearch"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SavedSearch"];
                };
            };
        };
    };
    readSavedSearch: {
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
                    "application/json": components["schemas"]["SavedSearch"];
                };
            };
        };
    };
    deleteSavedSearch: {
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
    filterSavedSearches: {
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
                    "application/json": components["schemas"]["SavedSearch"][];
                };
            };
        };
    };
    taskRunDashboardCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
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
    taskRunCountsByState: {
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
                    "application/json": {
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
                };
            };
        };
    };
    validateSchemaValues: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schema: {
                        [key: string]: unknown;
                    };
                    values: {
                        [key: string]: unknown;
                    };
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
                        errors: unknown[];
                        valid: boolean;
                    };
                };
            };
        };
    };
    previewSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    schedule: components["schemas"]["ScheduleInput"];
                    /** Format: date-time */
                    start?: string | null;
                    count?: number | null;
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
                        timezone: string;
                        dates: string[];
                    };
                };
            };
        };
    };
    readCollectionView: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                view: string;
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
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
        };
    };
    validateTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": string;
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
    clearDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm?: boolean;
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
    dropDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm?: boolean;
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
    createDatabase: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm?: boolean;
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
    createBlockType: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockTypeCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockType"];
                };
            };
        };
    };
    readBlockType: {
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
                    "application/json": components["schemas"]["BlockType"];
                };
            };
        };
    };
    deleteBlockType: {
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
    updateBlockType: {
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
                "application/json": components["schemas"]["BlockTypeUpdate"];
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
    readBlockTypeBySlug: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                slug: string;
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
                    "application/json": components["schemas"]["BlockType"];
                };
            };
        };
    };
    filterBlockTypes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    block_types?: components["schemas"]["BlockTypeFilter"] | null;
                    block_schemas?: components["schemas"]["BlockSchemaFilter"] | null;
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
                    "application/json": components["schemas"]["BlockType"][];
                };
            };
        };
    };
    readBlockDocumentsOfType: {
        parameters: {
            query?: {
                include_secrets?: boolean;
            };
            header?: never;
            path: {
                slug: string;
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
                    "application/json": components["schemas"]["BlockDocument"][];
                };
            };
        };
    };
    readBlockDocumentOfTypeByName: {
        parameters: {
            query?: {
                include_secrets?: boolean;
            };
            header?: never;
            path: {
                slug: string;
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
                    "application/json": components["schemas"]["BlockDocument"];
                };
            };
        };
    };
    installSystemBlockTypes: {
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
                content?: never;
            };
        };
    };
    createBlockSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockSchemaCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockSchema"];
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockSchema"];
                };
            };
        };
    };
    readBlockSchema: {
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
                    "application/json": components["schemas"]["BlockSchema"];
                };
            };
        };
    };
    deleteBlockSchema: {
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
    readBlockSchemaByChecksum: {
        parameters: {
            query?: {
                version?: string;
            };
            header?: never;
            path: {
                checksum: string;
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
                    "application/json": components["schemas"]["BlockSchema"];
                };
            };
        };
    };
    filterBlockSchemas: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    block_schemas?: components["schemas"]["BlockSchemaFilter"] | null;
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
                    "application/json": components["schemas"]["BlockSchema"][];
                };
            };
        };
    };
    readBlockCapabilities: {
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
                    "application/json": string[];
                };
            };
        };
    };
    createBlockDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockDocumentCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlockDocument"];
                };
            };
        };
    };
    readBlockDocument: {
        parameters: {
            query?: {
                include_secrets?: boolean;
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
                    "application/json": components["schemas"]["BlockDocument"];
                };
            };
        };
    };
    deleteBlockDocument: {
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
    updateBlockDocument: {
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
                "application/json": components["schemas"]["BlockDocumentUpdate"];
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
    filterBlockDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    block_documents?: components["schemas"]["BlockDocumentFilter"] | null;
                    block_types?: components["schemas"]["BlockTypeFilter"] | null;
                    block_schemas?: components["schemas"]["BlockSchemaFilter"] | null;
                    include_secrets?: boolean;
                    sort?: components["schemas"]["BlockDocumentSort"] | null;
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
                    "application/json": components["schemas"]["BlockDocument"][];
                };
            };
        };
    };
    countBlockDocuments: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    block_documents?: components["schemas"]["BlockDocumentFilter"] | null;
                    block_types?: components["schemas"]["BlockTypeFilter"] | null;
                    block_schemas?: components["schemas"]["BlockSchemaFilter"] | null;
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
    createArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ArtifactCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Artifact"];
                };
            };
        };
    };
    readArtifact: {
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
                    "application/json": components["schemas"]["Artifact"];
                };
            };
        };
    };
    deleteArtifact: {
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
    updateArtifact: {
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
                "application/json": components["schemas"]["ArtifactUpdate"];
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
    readLatestArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                key: string;
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
                    "application/json": components["schemas"]["Artifact"];
                };
            };
        };
    };
    filterArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    artifacts?: components["schemas"]["ArtifactFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    sort?: components["schemas"]["ArtifactSort"] | null;
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
                    "application/json": components["schemas"]["Artifact"][];
                };
            };
        };
    };
    countArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    artifacts?: components["schemas"]["ArtifactFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    flows?: components["schemas"]["FlowFilter"] | null;
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
    filterLatestArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    artifacts?: components["schemas"]["ArtifactCollectionFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    sort?: components["schemas"]["ArtifactCollectionSort"] | null;
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
                    "application/json": components["schemas"]["ArtifactCollection"][];
                };
            };
        };
    };
    countLatestArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    artifacts?: components["schemas"]["ArtifactCollectionFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    flows?: components["schemas"]["FlowFilter"] | null;
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
    createFlowRunNotificationPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FlowRunNotificationPolicyCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FlowRunNotificationPolicy"];
                };
            };
        };
    };
    readFlowRunNotificationPolicy: {
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
                    "application/json": components["schemas"]["FlowRunNotificationPolicy"];
                };
            };
        };
    };
    deleteFlowRunNotificationPolicy: {
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
    updateFlowRunNotificationPolicy: {
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
                "application/json": components["schemas"]["FlowRunNotificationPolicyUpdate"];
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
    filterFlowRunNotificationPolicies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    flow_run_notification_policy_filter?: components["schemas"]["FlowRunNotificationPolicyFilter"] | null;
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
                    "application/json": components["schemas"]["FlowRunNotificationPolicy"][];
                };
            };
        };
    };
    testFlowRunNotificationPolicy: {
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
                    "application/json": components["schemas"]["NotificationTestResult"];
                };
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
    uiFlowRunsByIdPrefix: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    prefix: string;
                    /** @default 10 */
                    limit?: number;
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
    uiFlowRunTaskGrid: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    flow_id?: string;
                    /** Format: uuid */
                    deployment_id?: string;
                    /** @default 25 */
                    limit?: number;
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
                    "application/json": components["schemas"]["TaskGrid"];
                };
            };
        };
    };
    uiFlowRunDelayExplanations: {
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
                        [key: string]: components["schemas"]["DelayExplanation"] | null;
                    };
                };
            };
        };
    };
    uiFailureGroups: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @default flow_runs
                     * @enum {unknown}
                     */
                    kind?: "flow_runs" | "task_runs";
                    /** Format: date-time */
                    start: string;
                    /** Format: date-time */
                    end: string;
                    /** @default 24 */
                    buckets?: number;
                    /** @default 50 */
                    limit?: number;
                    flows?: components["schemas"]["FlowFilter"] | null;
                    flow_runs?: components["schemas"]["FlowRunFilter"] | null;
                    task_runs?: components["schemas"]["TaskRunFilter"] | null;
                    deployments?: components["schemas"]["DeploymentFilter"] | null;
                    work_pools?: components["schemas"]["WorkPoolFilter"] | null;
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
                        /** @description Failed and crashed runs in the range, all groups. */
                        total: number;
                        groups: components["schemas"]["FailureGroup"][];
                    };
                };
            };
        };
    };
    uiCompareFlowRuns: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    left: string;
                    /** Format: uuid */
                    right: string;
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
                    "application/json": components["schemas"]["RunComparison"];
                };
            };
        };
    };
    uiChangeStream: {
        parameters: {
            query?: {
                flow_run_id?: string | string[];
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
                    "text/event-stream": string;
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
    createEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Event"][];
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
    filterEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filter?: components["schemas"]["EventFilter"] | null;
                    limit?: number;
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
                    "application/json": components["schemas"]["EventPage"];
                };
            };
        };
    };
    filterEventsNextPage: {
        parameters: {
            query: {
                "page-token": string;
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
                    "application/json": components["schemas"]["EventPage"];
                };
            };
        };
    };
    countEvents: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                countable: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    filter: components["schemas"]["EventFilter"];
                    time_unit?: "week" | "day" | "hour" | "minute" | "second";
                    time_interval?: number;
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
                    "application/json": components["schemas"]["EventCount"][];
                };
            };
        };
    };
    createAutomation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutomationCreate"];
            };
        };
        responses: {
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Automation"];
                };
            };
        };
    };
    readAutomation: {
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
                    "application/json": components["schemas"]["Automation"];
                };
            };
        };
    };
    updateAutomation: {
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
                "application/json": components["schemas"]["AutomationUpdate"];
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
    deleteAutomation: {
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
    patchAutomation: {
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
                "application/json": components["schemas"]["AutomationPartialUpdate"];
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
    filterAutomations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    sort?: "CREATED_DESC" | "UPDATED_DESC" | "NAME_ASC" | "NAME_DESC";
                    limit?: number;
                    offset?: number;
                    automations?: components["schemas"]["AutomationFilter"] | null;
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
                    "application/json": components["schemas"]["Automation"][];
                };
            };
        };
    };
    countAutomations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": unknown;
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
    readAutomationsRelatedTo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
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
                    "application/json": components["schemas"]["Automation"][];
                };
            };
        };
    };
    deleteAutomationsOwnedBy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                resource_id: string;
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
    readAutomationFirings: {
        parameters: {
            query?: {
                limit?: number;
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
                    "application/json": components["schemas"]["AutomationFiring"][];
                };
            };
        };
    };
    filterAutomationsLastFired: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    automation_ids: string[];
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
                        [key: string]: string | null;
                    };
                };
            };
        };
    };
    previewAutomation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutomationPreviewRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationPreview"];
                };
            };
        };
    };
    previewAutomationAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AutomationActionRenderRequest"];
            };
        };
        responses: {
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AutomationActionRender"];
                };
            };
        };
    };
}
