import Link from "next/link";
import { CLUSTERS } from "@/lib/lightspeed/clusters";
import { KEY_HEALTH_STATES, KEY_HEALTH_STATE_LABELS, type KeyHealthState } from "@/lib/key-health/states";
import { cn } from "@/lib/utils";
import { healthHref, type HealthParams } from "../search-params";

/** State chips (toggle, several at once) and cluster links; all plain links, the URL is the state. */
export function HealthFilters({
  params,
  counts,
}: {
  params: HealthParams;
  counts: Partial<Record<KeyHealthState, number>>;
}) {
  const toggle = (state: KeyHealthState) =>
    healthHref({
      ...params,
      page: 1,
      state: params.state.includes(state) ? params.state.filter((s) => s !== state) : [...params.state, state],
    });
  return (
    <nav aria-label="Filters" className="flex flex-wrap items-center gap-2 text-sm">
      <Chip href={healthHref({ ...params, state: [], page: 1 })} active={params.state.length === 0}>
        All
      </Chip>
      {KEY_HEALTH_STATES.map((state) => (
        <Chip key={state} href={toggle(state)} active={params.state.includes(state)} testId={`state-${state}`}>
          {KEY_HEALTH_STATE_LABELS[state]} <span className="text-muted-foreground">{counts[state] ?? 0}</span>
        </Chip>
      ))}
      <span className="mx-2 h-5 w-px bg-border" aria-hidden />
      <Chip href={healthHref({ ...params, cluster: undefined, page: 1 })} active={!params.cluster}>
        Any cluster
      </Chip>
      {CLUSTERS.map((cluster) => (
        <Chip key={cluster} href={healthHref({ ...params, cluster, page: 1 })} active={params.cluster === cluster}>
          {cluster}
        </Chip>
      ))}
    </nav>
  );
}

function Chip({
  href,
  active,
  children,
  testId,
}: {
  href: string;
  active: boolean;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Link
      href={href}
      aria-current={active ? "true" : undefined}
      data-testid={testId}
      className={cn(
        "inline-flex items-center gap-1.5 rounded-md border px-2.5 py-1",
        active ? "border-primary bg-primary/10 font-medium" : "hover:bg-accent",
      )}
    >
      {children}
    </Link>
  );
}
