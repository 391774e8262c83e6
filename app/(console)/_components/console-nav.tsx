"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import type { NavLink } from "./nav-items";

export function ConsoleNav({ links }: { links: NavLink[] }) {
  const pathname = usePathname();
  const work = links.filter((l) => l.group === "work");
  const admin = links.filter((l) => l.group === "admin");
  return (
    <nav aria-label="Main" className="flex items-center gap-1 text-sm whitespace-nowrap">
      {work.map((link) => (
        <NavItem key={link.href} link={link} active={isActive(pathname, link.href)} />
      ))}
      {admin.length ? <span className="mx-2 h-5 w-px bg-border" aria-hidden /> : null}
      {admin.length ? <span className="mr-1 text-xs tracking-wide text-muted-foreground uppercase">Admin</span> : null}
      {admin.map((link) => (
        <NavItem key={link.href} link={link} active={isActive(pathname, link.href)} />
      ))}
    </nav>
  );
}

function NavItem({ link, active }: { link: NavLink; active: boolean }) {
  return (
    <Link
      href={link.href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "rounded-md px-3 py-1.5 font-medium text-muted-foreground transition-colors hover:bg-accent hover:text-foreground",
        active && "bg-accent text-foreground",
      )}
    >
      {link.label}
      {link.count ? (
        <span
          className="ml-1.5 rounded-full bg-primary px-1.5 py-0.5 text-xs text-primary-foreground tabular-nums"
          aria-label={`${link.count} ${link.href === "/tasks" ? "open" : "waiting"}`}
          data-testid={`nav-count-${link.href.slice(1)}`}
        >
          {link.count}
        </span>
      ) : null}
    </Link>
  );
}

function isActive(pathname: string, href: string) {
  return (
    pathname === href || pathname.startsWith(`${href}/`) || (href === "/queue" && pathname.startsWith("/merchants/"))
  );
}
