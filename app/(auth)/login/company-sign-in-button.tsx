"use client";

import { useTransition } from "react";
import { signIn } from "next-auth/react";
import { BuildingIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";
import { COMPANY_PROVIDER_ID } from "@/lib/auth/company-provider-id";

/** Starts the company sign-in (a full-page redirect to the identity provider and back). */
export function CompanySignInButton({ name, callbackUrl }: { name: string; callbackUrl: string }) {
  const [pending, startTransition] = useTransition();
  return (
    <Button
      type="button"
      variant="outline"
      className="w-full"
      disabled={pending}
      onClick={() =>
        startTransition(async () => {
          await signIn(COMPANY_PROVIDER_ID, { callbackUrl });
        })
      }
    >
      <BuildingIcon aria-hidden />
      {pending ? "Redirecting…" : `Sign in with ${name}`}
    </Button>
  );
}
