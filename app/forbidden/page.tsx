import type { Metadata } from "next";
import Link from "next/link";
import { ShieldAlertIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Not allowed" };

/** Where requirePagePermission() sends a signed-in user whose role lacks the page's permission. */
export default function ForbiddenPage() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <ShieldAlertIcon className="size-10 text-destructive" aria-hidden />
      <h1 className="text-2xl font-semibold">403 · Not allowed</h1>
      <p className="max-w-md text-muted-foreground">
        Your role does not give access to this page. If you need it, ask an admin to change your role.
      </p>
      <Button asChild variant="outline">
        <Link href="/queue">Back to the queue</Link>
      </Button>
    </main>
  );
}
