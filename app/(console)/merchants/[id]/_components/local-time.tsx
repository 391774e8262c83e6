"use client";

import { useSyncExternalStore } from "react";
import { formatExact, formatRelative } from "@/lib/onboarding/workspace/present";

const subscribe = () => () => {};

/** False during server rendering and hydration, true afterwards. */
export function useIsClient(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

/**
 * A time in the viewer's own zone. The server renders UTC; after hydration the browser switches
 * to local time (useSyncExternalStore renders the server snapshot first, so nothing mismatches).
 */
export function LocalTime({ date, mode = "both" }: { date: Date; mode?: "relative" | "exact" | "both" }) {
  const onClient = useIsClient();
  const zone = onClient ? undefined : "UTC";
  const exact = formatExact(date, zone);
  const relative = formatRelative(date, new Date());
  return (
    <time dateTime={date.toISOString()} title={exact} suppressHydrationWarning>
      {mode === "exact" ? exact : mode === "relative" ? relative : `${relative} · ${exact}`}
    </time>
  );
}
