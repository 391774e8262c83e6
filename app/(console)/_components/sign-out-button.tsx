"use client";

import { signOut } from "next-auth/react";
import { LogOutIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";

export function SignOutButton() {
  return (
    <Button variant="ghost" size="sm" onClick={() => signOut({ callbackUrl: "/login" })}>
      <LogOutIcon />
      Sign out
    </Button>
  );
}
