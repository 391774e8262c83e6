"use client";

import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_AGENCY_TIME_ZONE } from "@/lib/time";

/**
 * The signed-in staff member's zone, set once by the console layout from the server (never the
 * browser's own offset), so every client component shows times the same way the server does.
 */
const TimeZoneContext = createContext<string>(DEFAULT_AGENCY_TIME_ZONE);

export function TimeZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <TimeZoneContext value={zone}>{children}</TimeZoneContext>;
}

export function useTimeZone(): string {
  return useContext(TimeZoneContext);
}
