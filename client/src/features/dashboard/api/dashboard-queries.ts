import { DashboardSchema, TaskSchema, type Dashboard, type Task } from '@app/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { caseKey, caseListsKey, dashboardKey } from '@/lib/query-keys';

export const fetchDashboard = (signal?: AbortSignal): Promise<Dashboard> =>
  api.get('/dashboard', DashboardSchema, signal ? { signal } : {});

export const dashboardQueries = {
  all: dashboardKey,
  dashboard: () =>
    queryOptions({
      queryKey: dashboardQueries.all(),
      queryFn: ({ signal }) => fetchDashboard(signal),
    }),
};

// Only manual tasks are completed by hand; rule deadlines close by themselves (the server answers 409).
export const completeTask = (taskId: string): Promise<Task> =>
  api.post(`/tasks/${encodeURIComponent(taskId)}/complete`, undefined, TaskSchema);

export const useCompleteTask = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: { id: string; caseId: string }) => completeTask(task.id),
    onSuccess: (_task, { caseId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: dashboardQueries.all() }),
        queryClient.invalidateQueries({ queryKey: caseKey(caseId) }),
        queryClient.invalidateQueries({ queryKey: caseListsKey() }),
      ]),
  });
};
