import { redis } from "@/lib/redis";

/**
 * Fixed-window attempt budgets in Redis, reserved atomically. One Lua script reads every
 * counter and, only if all are under their limit, increments all of them (the first increment
 * opens the window). Because the check and the increment are one step, N parallel attempts
 * are granted at most `limit` times; the expensive work (argon2, a Lightspeed call) runs only
 * after a grant. A refused attempt changes nothing, so it neither extends nor shortens a window.
 */
export type Budget = { key: string; limit: number; windowMs: number };

/** One counter as it was before this attempt: attempts in the window and the time left in it. */
export type BudgetCounter = { used: number; msLeft: number };

export type Reservation = { granted: boolean; counters: BudgetCounter[] };

const RESERVE = `
local n = #KEYS
local before = {}
local granted = 1
for i = 1, n do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  before[2 * i - 1] = used
  before[2 * i] = redis.call('PTTL', KEYS[i])
  if used >= tonumber(ARGV[2 * i - 1]) then granted = 0 end
end
if granted == 1 then
  for i = 1, n do
    redis.call('INCR', KEYS[i])
    -- A counter without expiry would block forever: (re)arm the window whenever one is missing.
    if redis.call('PTTL', KEYS[i]) < 0 then redis.call('PEXPIRE', KEYS[i], ARGV[2 * i]) end
  end
end
table.insert(before, 1, granted)
return before
`;

/** Gives one reserved attempt back (never below zero, never creating a key). */
const RELEASE = `
for i = 1, #KEYS do
  local used = tonumber(redis.call('GET', KEYS[i]) or '0')
  if used > 0 then redis.call('DECR', KEYS[i]) end
end
return 1
`;

export async function reserveAttempt(budgets: Budget[]): Promise<Reservation> {
  const args = budgets.flatMap((b) => [String(b.limit), String(b.windowMs)]);
  const reply = (await redis().eval(RESERVE, budgets.length, ...budgets.map((b) => b.key), ...args)) as number[];
  const counters = budgets.map((_, i) => ({ used: Number(reply[1 + 2 * i]), msLeft: Number(reply[2 + 2 * i]) }));
  return { granted: reply[0] === 1, counters };
}

export async function releaseAttempt(keys: string[]): Promise<void> {
  if (keys.length) await redis().eval(RELEASE, keys.length, ...keys);
}

/** Seconds until the latest full budget frees up (a counter without expiry counts as a full window). */
export function secondsUntilFree(budgets: Budget[], counters: BudgetCounter[]): number {
  const waits = budgets
    .map((b, i) => ({ b, c: counters[i]! }))
    .filter(({ b, c }) => c.used >= b.limit)
    .map(({ b, c }) => (c.msLeft > 0 ? c.msLeft : b.windowMs));
  return Math.ceil(Math.max(0, ...waits) / 1000);
}
