"use client";

import { Bar, BarChart, CartesianGrid, XAxis, YAxis } from "recharts";
import {
  ChartContainer,
  ChartLegend,
  ChartLegendContent,
  ChartTooltip,
  ChartTooltipContent,
  type ChartConfig,
} from "@/components/ui/chart";

const config = {
  achieved: { label: "Steps achieved", color: "var(--success)" },
  breached: { label: "Steps breached", color: "var(--destructive)" },
} satisfies ChartConfig;

/** Actenzo steps decided per week: achieved and breached stacked. */
export function TrendChart({ data }: { data: { week: string; achieved: number; breached: number }[] }) {
  return (
    <ChartContainer config={config} className="h-64 w-full" aria-label="Weekly trend chart">
      <BarChart data={data} accessibilityLayer>
        <CartesianGrid vertical={false} />
        <XAxis dataKey="week" tickLine={false} axisLine={false} tickMargin={8} />
        <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={32} />
        <ChartTooltip content={<ChartTooltipContent />} />
        <ChartLegend content={<ChartLegendContent />} />
        <Bar dataKey="achieved" stackId="a" fill="var(--color-achieved)" />
        <Bar dataKey="breached" stackId="a" fill="var(--color-breached)" radius={[4, 4, 0, 0]} />
      </BarChart>
    </ChartContainer>
  );
}
