import Link from "next/link";
import { redirect } from "next/navigation";
import { TimeZoneProvider } from "@/components/time/time-zone-provider";
import { PlatformIncidentBanner } from "./_components/platform-incident-banner";
import { can } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { loadActorAndShellFacts } from "@/lib/console/shell-facts";
import { actorTimeZone } from "@/lib/staff/time-zone";
import { ConsoleNav } from "./_components/console-nav";
import { devMailEnabled } from "@/lib/dev-mail/list-captured-mail";
import { NAV_ITEMS } from "./_components/nav-items";
import { SignOutButton } from "./_components/sign-out-button";
import { SignOutEverywhereButton } from "./_components/sign-out-everywhere-button";

/**
 * The signed-in shell. It re-reads the actor (a deactivated user is signed out on the next
 * request) and shows only the sections the role may open; every page still checks on its own.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  // The actor and the shell's facts in one statement (decision 0041); the page's getActor() reuses the actor.
  const { actor, shell } = await loadActorAndShellFacts();
  if (!actor) redirect("/login");
  // The mailbox triage and open-task counts ride on their links.
  const counts: Record<string, number> = { "/intake": shell.triage, "/tasks": shell.openTasks };
  const links = NAV_ITEMS.filter((item) => can(actor, item.permission) && (!item.devOnly || devMailEnabled())).map(
    ({ href, label, group }) => ({ href, label, group, ...(href in counts ? { count: counts[href] } : {}) }),
  );

  return (
    <TimeZoneProvider zone={actorTimeZone(actor)}>
      <div className="flex min-h-screen flex-col">
        {/* Below md the nav gets its own row and scrolls inside itself, so the name and Sign out always fit. */}
        <header className="sticky top-0 z-30 border-b bg-background/95 backdrop-blur">
          <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2 md:h-14 md:flex-nowrap md:py-0">
            <Link href="/queue" className="font-semibold whitespace-nowrap">
              Actenzo <span className="font-normal text-muted-foreground">Onboarding</span>
            </Link>
            <div className="order-last -mx-4 w-[calc(100%+2rem)] overflow-x-auto px-4 md:order-none md:mx-0 md:w-auto md:px-0">
              <ConsoleNav links={links} />
            </div>
            <div className="ml-auto flex min-w-0 items-center gap-3">
              <Link
                href="/profile"
                className="min-w-0 text-right leading-tight hover:underline"
                data-testid="current-user"
                title="Your profile and time zone"
              >
                <div className="truncate text-sm font-medium">{actor.name}</div>
                <div className="text-xs text-muted-foreground">{ROLE_LABELS[actor.role]}</div>
              </Link>
              <SignOutButton />
              <SignOutEverywhereButton />
            </div>
          </div>
        </header>
        <main className="mx-auto w-full max-w-screen-2xl min-w-0 flex-1 space-y-4 px-4 py-6">
          <PlatformIncidentBanner incident={shell.incident} zone={actorTimeZone(actor)} />
          {children}
        </main>
      </div>
    </TimeZoneProvider>
  );
}
