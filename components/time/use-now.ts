"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

/** The current minute, ticking, so "3 h ago" and "waiting 3 d 4 h" stay true while a page is open. */
const everyMinute = (onChange: () => void) => {
  const id = setInterval(onChange, MINUTE);
  return () => clearInterval(id);
};
const currentMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

export function useNow(): Date {
  return new Date(useSyncExternalStore(everyMinute, currentMinute, currentMinute));
}
