export type HandOverCandidate = { id: string; name: string; openMerchants: number };

/**
 * Spreads merchants across candidates by load: each merchant in turn goes to whoever has the
 * fewest open merchants at that moment (counting the ones just handed over). Ties go by name,
 * then id, so the same situation always gives the same plan. Returns merchant id → staff id.
 */
export function planSpreadByLoad(
  merchantIds: readonly string[],
  candidates: readonly HandOverCandidate[],
): Map<string, string> {
  if (candidates.length === 0) throw new Error("planSpreadByLoad: no candidates");
  const load = candidates.map((c) => ({ ...c }));
  const plan = new Map<string, string>();
  for (const merchantId of [...merchantIds].sort()) {
    load.sort((a, b) => a.openMerchants - b.openMerchants || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const next = load[0]!;
    plan.set(merchantId, next.id);
    next.openMerchants += 1;
  }
  return plan;
}
