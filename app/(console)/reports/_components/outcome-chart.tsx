"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import { ChartContainer, ChartTooltip, ChartTooltipContent, type ChartConfig } from "@/components/ui/chart";

const config = {
  achieved: { label: "Achieved", color: "var(--success)" },
  breached: { label: "Breached", color: "var(--destructive)" },
} satisfies ChartConfig;

/** Achieved vs breached per step, side by side with the table below it. */
export function OutcomeChart({ data }: { data: { step: string; achieved: number; breached: number }[] }) {
  return (
    <ChartContainer config={config} className="h-56 w-full" aria-label="Achieved vs breached chart">
      <BarChart data={data} layout="vertical" accessibilityLayer>
        <CartesianGrid horizontal={false} />
        <XAxis type="number" allowDecimals={false} tickLine={false} axisLine={false} />
        <YAxis type="category" dataKey="step" width={120} tickLine={false} axisLine={false} />
        <ChartTooltip content={<ChartTooltipContent />} />
        <Bar dataKey="achieved" stackId="a" fill="var(--color-achieved)" />
        <Bar dataKey="breached" stackId="a" fill="var(--color-breached)" radius={[0, 4, 4, 0]} />
      </BarChart>
    </ChartContainer>
  );
}
