import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getConnectLinkContext } from "@/lib/connect-links";
import { CONNECT_GUIDE_STEPS } from "@/lib/connect-links/connect-guide";
import { isWellFormedToken } from "@/lib/connect-links/token";
import { formatLongDate } from "@/lib/time";
import { ConnectForm } from "./connect-form";

// The token is a credential: keep the page out of indexes and its URL out of Referer headers.
export const metadata: Metadata = {
  title: "Connect your Lightspeed shop",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const UNUSABLE = {
  unknown: {
    title: "This link is not valid",
    text: "Please use the link from our email. If it still does not work, reply to that email and we will send you a new one.",
  },
  expired: {
    title: "This link has expired",
    text: "Links work for 7 days. Reply to our email and we will send you a new one.",
  },
  revoked: { title: "This link is no longer active", text: "Reply to our email and we will send you a new one." },
  spent: {
    title: "Your shop is connected",
    text: "A working key was already submitted through this link. There is nothing more to do.",
  },
} as const;

/** Public (no staff login): the merchant's one-time page for entering the API key and secret. */
export default async function ConnectPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Not a token we could have issued (truncated, mangled): our 404 page, not a lookup.
  if (!isWellFormedToken(token)) notFound();
  const context = await getConnectLinkContext(token);

  if (context.state !== "valid") {
    const copy = UNUSABLE[context.state];
    return (
      <Shell>
        <Card className="w-full max-w-xl" data-testid="connect-unusable" data-state={context.state}>
          <CardHeader>
            <CardTitle>
              <h1 className="text-xl">{copy.title}</h1>
            </CardTitle>
            <CardDescription>{copy.text}</CardDescription>
          </CardHeader>
        </Card>
      </Shell>
    );
  }

  const { merchant } = context;
  return (
    <Shell>
      <Card className="w-full max-w-2xl">
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">Connect {merchant.shopName} to Actenzo</h1>
          </CardTitle>
          <CardDescription>
            For {merchant.company}. Create an API key in your Lightspeed back office and enter it below; we check it
            right away.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <ol className="grid gap-3" aria-label="How to create the API key">
            {CONNECT_GUIDE_STEPS.map((step, index) => (
              <li key={step.title} className="grid grid-cols-[1.75rem_1fr] gap-x-2">
                <span className="flex size-6 items-center justify-center rounded-full bg-primary text-xs font-medium text-primary-foreground">
                  {index + 1}
                </span>
                <div>
                  <p className="font-medium">{step.title}</p>
                  <p className="text-sm text-muted-foreground">{step.detail}</p>
                </div>
              </li>
            ))}
          </ol>
          <ConnectForm token={token} />
          <p className="text-xs text-muted-foreground">
            This link works until {/* Its last day on the merchant's own calendar, as the email says. */}
            {formatLongDate(new Date(context.expiresAt.getTime() - 1), context.merchant.timeZone, "en-GB")}. Questions?
            Reply to our email.
          </p>
        </CardContent>
      </Card>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return <main className="flex min-h-screen items-start justify-center bg-muted/40 px-4 py-12">{children}</main>;
}
