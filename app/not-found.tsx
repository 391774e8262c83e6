import type { Metadata } from "next";
import Link from "next/link";
import { FileQuestionIcon } from "@/components/ui/icons";
import { Button } from "@/components/ui/button";

export const metadata: Metadata = { title: "Page not found", robots: { index: false, follow: false } };

/** Our 404 for unknown paths, notFound() and malformed links (see proxy.ts). */
export default function NotFound() {
  return (
    <main
      className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center"
      data-testid="not-found"
    >
      <FileQuestionIcon className="size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-semibold">404 · Page not found</h1>
      <p className="max-w-md text-muted-foreground">
        This address does not lead anywhere in the Actenzo Onboarding Console. If you followed a link from one of our
        emails, copy the whole link into the address bar, or reply to that email.
      </p>
      <Button asChild variant="outline">
        <Link href="/queue">Go to the console</Link>
      </Button>
    </main>
  );
}
