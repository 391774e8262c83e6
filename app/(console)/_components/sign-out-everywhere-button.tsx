"use client";

import { useTransition } from "react";
import { signOut } from "next-auth/react";
import { MonitorXIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { signOutEverywhereAction } from "../_actions/sign-out-everywhere";

/** Icon-sized on purpose: the header's user area stays as narrow as it was. */
export function SignOutEverywhereButton() {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      variant="ghost"
      size="icon"
      aria-label="Sign out everywhere"
      title="Sign out everywhere (every browser and device)"
      disabled={pending}
      onClick={() => {
        if (!window.confirm("Sign out in every browser and on every device?")) return;
        startTransition(async () => {
          await signOutEverywhereAction();
          await signOut({ callbackUrl: "/login" });
        });
      }}
    >
      <MonitorXIcon />
    </Button>
  );
}
