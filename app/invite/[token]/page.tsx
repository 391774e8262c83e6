import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findInvite } from "@/lib/staff/accept-invite";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { AcceptInviteForm } from "./accept-invite-form";

// The token is a credential: keep the page out of indexes and its URL out of Referer headers.
export const metadata: Metadata = {
  title: "Choose your password",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const UNUSABLE = {
  expired: "This invite has expired. Ask an admin to send you a new one.",
  used: "This invite has already been used. Sign in with the password you chose.",
  invalid: "This invite link is not valid. Ask an admin to send you a new one.",
} as const;

/** Public (no staff login): the one-time link from the invite email. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Invite tokens are 32 random bytes in base64url; anything else is our 404 page, not a lookup.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) notFound();
  const invite = await findInvite(token);

  return (
    <main className="flex min-h-screen items-center justify-center bg-muted/40 px-4">
      <Card className="w-full max-w-sm">
        <CardHeader>
          <CardTitle className="text-xl">Welcome to the Onboarding Console</CardTitle>
          <CardDescription>
            {invite.status === "valid" ? `Choose a password for ${invite.email}.` : UNUSABLE[invite.status]}
          </CardDescription>
        </CardHeader>
        <CardContent>
          {invite.status === "valid" ? (
            <AcceptInviteForm token={token} />
          ) : (
            <Button asChild variant="outline">
              <Link href="/login">Go to sign in</Link>
            </Button>
          )}
        </CardContent>
      </Card>
    </main>
  );
}
