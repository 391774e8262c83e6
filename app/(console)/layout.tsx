import Link from "next/link";
import { redirect } from "next/navigation";
import { PlatformIncidentBanner } from "./_components/platform-incident-banner";
import { can } from "@/lib/auth/actor";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { getActor } from "@/lib/auth/session";
import { ConsoleNav } from "./_components/console-nav";
import { NAV_ITEMS } from "./_components/nav-items";
import { SignOutButton } from "./_components/sign-out-button";

/**
 * The signed-in shell. It re-reads the actor (a deactivated user is signed out on the next
 * request) and shows only the sections the role may open; every page still checks on its own.
 */
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const links = NAV_ITEMS.filter((item) => can(actor, item.permission)).map(({ href, label, group }) => ({ href, label, group }));

  return (
    <div className="flex min-h-screen flex-col">
      <header className="sticky top-0 z-30 border-b bg-background/95 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-screen-2xl items-center gap-6 px-4">
          <Link href="/queue" className="font-semibold whitespace-nowrap">
            Actenzo <span className="font-normal text-muted-foreground">Onboarding</span>
          </Link>
          <ConsoleNav links={links} />
          <div className="ml-auto flex items-center gap-3">
            <div className="text-right leading-tight" data-testid="current-user">
              <div className="text-sm font-medium">{actor.name}</div>
              <div className="text-xs text-muted-foreground">{ROLE_LABELS[actor.role]}</div>
            </div>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-screen-2xl flex-1 space-y-4 px-4 py-6">
        <PlatformIncidentBanner actor={actor} />
        {children}
      </main>
    </div>
  );
}
