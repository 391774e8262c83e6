import type { Metadata } from "next";
import Link from "next/link";
import { TimeStamp } from "@/components/time/time-stamp";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/session";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { listMyTasks } from "@/lib/tasks/list-tasks";
import { TASK_LEVEL_LABELS } from "@/lib/tasks/task-rules";
import { TaskDoneDialog } from "./_components/task-done-dialog";

export const metadata: Metadata = { title: "Tasks" };
export const dynamic = "force-dynamic";

/**
 * Open escalation tasks: merchants whose reminders ran out and who need a call. A specialist sees
 * their own; leads and admins also the unassigned ones (every lead task). Oldest first.
 */
export default async function TasksPage() {
  const actor = await requirePagePermission("tasks:work");
  const tasks = await listMyTasks(actor);
  return (
    <div className="grid gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Tasks</h1>
        <p className="text-sm text-muted-foreground">
          The reminders to these merchants ran out: call them, then mark the task done with what came of it. A task
          closes by itself when the step is done or the merchant is put on hold or cancelled.
        </p>
      </div>
      {tasks.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>No open tasks</CardTitle>
            <CardDescription>Nobody needs a call right now.</CardDescription>
          </CardHeader>
        </Card>
      ) : (
        <ul className="grid gap-3" aria-label="Open tasks">
          {tasks.map((t) => (
            <li key={t.id}>
              <Card data-testid="task" data-merchant-id={t.merchantId}>
                <CardContent className="flex flex-wrap items-center justify-between gap-3">
                  <div className="grid gap-1">
                    <p className="font-medium">
                      Call{" "}
                      <Link href={`/merchants/${t.merchantId}`} className="underline-offset-4 hover:underline">
                        {t.company} ({t.shopName})
                      </Link>
                    </p>
                    <p className="text-sm text-muted-foreground">
                      Reminders about “{STEP_LABELS[t.stage]}” ran out · since <TimeStamp date={t.createdAt} />
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <Badge variant={t.level === "lead" ? "destructive" : "secondary"}>
                      {TASK_LEVEL_LABELS[t.level]}
                      {t.assigneeId === null ? " · any lead" : ""}
                    </Badge>
                    <TaskDoneDialog taskId={t.id} shopName={t.shopName} />
                  </div>
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
