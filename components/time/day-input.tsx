import type { ComponentProps } from "react";
import { Input } from "@/components/ui/input";

/**
 * A calendar day typed day first ("05-12-2026"). A text field rather than `type="date"`: a
 * browser's own date field shows its locale's order (mm/dd/yyyy in a US browser), and the console
 * shows days day first everywhere. The server reads it with `parseLocalDate` / `dayParam`, which
 * also take ISO days.
 */
export function DayInput(props: Omit<ComponentProps<typeof Input>, "type">) {
  return <Input type="text" inputMode="numeric" autoComplete="off" placeholder="dd-mm-yyyy" {...props} />;
}
