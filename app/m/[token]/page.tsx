import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CircleCheckIcon, CircleIcon, ClockIcon } from "@/components/ui/icons";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { clientIp } from "@/lib/auth/client-ip";
import { isWellFormedToken } from "@/lib/connect-links/token";
import { RateLimitedError } from "@/lib/errors";
import { REMINDER_COPY } from "@/lib/reminders/email/copy";
import { browserLanguage } from "@/lib/reminders/page/browser-language";
import { getMerchantPage } from "@/lib/reminders/page/get-merchant-page";
import { MERCHANT_PAGE_COPY } from "@/lib/reminders/page/page-copy";
import { ConnectForm } from "../../connect/[token]/connect-form";
import { PreferenceForms } from "./preference-forms";

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ do?: string }> };

/**
 * One load per request, shared by the tab title and the page (React's cache), so a view counts
 * once against the link's rate limit. "limited" when that limit is reached; null for a link that
 * cannot be used.
 */
const loadPage = cache(async (token: string) =>
  getMerchantPage(token, clientIp(await headers())).catch((error: unknown) => {
    if (error instanceof RateLimitedError) return "limited" as const;
    throw error;
  }),
);

/** The shop's language; for a link that cannot be used (no shop known), the browser's. */
async function pageLanguage(page: Awaited<ReturnType<typeof loadPage>>) {
  return page && page !== "limited" ? page.language : browserLanguage((await headers()).get("accept-language"));
}

// The token is a credential: keep the page out of indexes and its URL out of Referer headers.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { token } = await params;
  const page = isWellFormedToken(token) ? await loadPage(token) : null;
  return {
    title: { absolute: MERCHANT_PAGE_COPY[await pageLanguage(page)].tabTitle },
    robots: { index: false, follow: false },
    referrer: "no-referrer",
  };
}

/**
 * Public (signed link from a reminder): the merchant's progress, the guide for what is open, the key
 * form, all in the shop's language like the emails. An unusable link has no shop: it is explained
 * in the browser's language.
 */
export default async function MerchantOwnPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { do: focus } = await searchParams;
  if (!isWellFormedToken(token)) notFound();
  const page = await loadPage(token);
  if (page === "limited" || !page) {
    const language = await pageLanguage(page);
    const { unusable } = MERCHANT_PAGE_COPY[language];
    return (
      <Shell>
        <Card className="w-full max-w-xl" lang={language} data-testid="merchant-page-unusable">
          <CardHeader>
            <CardTitle>
              <h1 className="text-xl">{page === "limited" ? unusable.limitedTitle : unusable.invalidTitle}</h1>
            </CardTitle>
            <CardDescription>{page === "limited" ? unusable.limitedBody : unusable.invalidBody}</CardDescription>
          </CardHeader>
        </Card>
      </Shell>
    );
  }
  const copy = MERCHANT_PAGE_COPY[page.language];
  return (
    <Shell>
      <Card className="w-full max-w-2xl" lang={page.language} data-testid="merchant-page">
        <CardHeader>
          <CardTitle>
            <h1 className="text-xl">{copy.heading(page.shopName)}</h1>
          </CardTitle>
          <CardDescription>{copy.lead}</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          <section aria-label={copy.waitingForYou} className="grid gap-3">
            <h2 className="font-medium">{copy.waitingForYou}</h2>
            {page.waitingForYou.length === 0 && <p className="text-sm">{copy.nothingForYou}</p>}
            {page.waitingForYou.map((s) => (
              <div key={s.step} className="grid gap-1 rounded-md border p-3" data-step={s.step}>
                <p className="flex items-center gap-2 font-medium">
                  <CircleIcon className="size-4 text-warning" aria-hidden /> {s.title}
                </p>
                {s.missing && <p className="text-sm">{s.missing}</p>}
                <ol className="list-decimal pl-5 text-sm text-muted-foreground">
                  {s.instructions.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ol>
                {s.unticked.length > 0 && (
                  <p className="text-sm">
                    {REMINDER_COPY[page.language].unticked} {s.unticked.join(", ")}
                  </p>
                )}
              </div>
            ))}
            {page.connectToken && <ConnectForm token={page.connectToken} language={page.language} />}
          </section>
          <section aria-label={copy.waitingForUs} className="grid gap-1">
            <h2 className="font-medium">{copy.waitingForUs}</h2>
            {page.waitingForUs.map((s) => (
              <p key={s.stage} className="flex items-center gap-2 text-sm">
                <ClockIcon className="size-4 text-muted-foreground" aria-hidden /> {s.label}
              </p>
            ))}
          </section>
          <section aria-label={copy.done} className="grid gap-1">
            <h2 className="font-medium">{copy.done}</h2>
            {page.done.map((s) => (
              <p key={s.stage} className="flex items-center gap-2 text-sm">
                <CircleCheckIcon className="size-4 text-success" aria-hidden /> {s.label}
              </p>
            ))}
          </section>
          <section aria-label={copy.reminders} className="grid gap-2 border-t pt-4">
            <h2 className="font-medium">{copy.reminders}</h2>
            {page.unsubscribed ? (
              <p className="text-sm">{copy.unsubscribedNote}</p>
            ) : (
              <PreferenceForms token={token} focus={focus} language={page.language} />
            )}
          </section>
        </CardContent>
      </Card>
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return <main className="flex min-h-screen items-start justify-center bg-muted/40 px-4 py-12">{children}</main>;
}
