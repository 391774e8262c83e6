import { PhoneCallIcon } from "@/components/ui/icons";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { TimeStamp } from "@/components/time/time-stamp";
import type { StaffActor } from "@/lib/auth/actor";
import { STEP_LABELS } from "@/lib/pipeline/pipeline";
import { listMerchantOpenTasks } from "@/lib/tasks/list-tasks";
import { mayCloseTask } from "@/lib/tasks/task-rules";
import { TaskDoneDialog } from "../../../tasks/_components/task-done-dialog";

/** The reminders ran out: the open "call the merchant" task(s), with "Done" for whoever may close them. */
export async function TaskBanner({ actor, merchantId }: { actor: StaffActor; merchantId: string }) {
  const tasks = await listMerchantOpenTasks(actor, merchantId);
  if (!tasks.length) return null;
  return (
    <div className="space-y-3">
      {tasks.map((t) => (
        <Alert key={t.id} variant="warning" data-testid="task-banner">
          <PhoneCallIcon aria-hidden />
          <AlertTitle>Reminders ran out: call the merchant</AlertTitle>
          <AlertDescription className="flex flex-wrap items-center justify-between gap-2">
            <span>
              Nobody answered the reminders about “{STEP_LABELS[t.stage]}”.{" "}
              {t.level === "lead" ? "The lead is asked to step in" : "The specialist is asked to call"} (since{" "}
              <TimeStamp date={t.createdAt} />
              ).
            </span>
            {mayCloseTask(actor, t) && <TaskDoneDialog taskId={t.id} shopName={t.shopName} />}
          </AlertDescription>
        </Alert>
      ))}
    </div>
  );
}
