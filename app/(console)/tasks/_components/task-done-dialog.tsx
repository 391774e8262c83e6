"use client";

import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { ActionDialog, FieldError } from "../../merchants/[id]/_components/action-form";
import { completeTaskAction } from "../actions";

/** "Done": what the call to the merchant came to, written down when the task is closed. */
export function TaskDoneDialog({ taskId, shopName }: { taskId: string; shopName: string }) {
  return (
    <ActionDialog
      trigger={
        <Button size="sm" data-testid="task-done">
          Done
        </Button>
      }
      title={`Called ${shopName}?`}
      description="Close the task with what the call came to; it goes on the merchant's timeline."
      action={completeTaskAction}
      submitLabel="Mark done"
    >
      {(state) => (
        <div className="grid gap-2">
          <input type="hidden" name="taskId" value={taskId} />
          <Label htmlFor={`outcome-${taskId}`}>Outcome</Label>
          <Textarea
            id={`outcome-${taskId}`}
            name="outcome"
            required
            maxLength={2000}
            placeholder="e.g. Spoke to the owner; they send the key today."
            aria-describedby="outcome-error"
          />
          <FieldError state={state} name="outcome" />
        </div>
      )}
    </ActionDialog>
  );
}
