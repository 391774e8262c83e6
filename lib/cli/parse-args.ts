import { parseArgs, type ParseArgsConfig } from "node:util";
import type { z } from "zod";

/**
 * The command-line contract shared by the repository's CLIs (`sla`, `lightspeed`): one command
 * word, flags checked by node:util (unknown flags refused), values checked by a zod schema; `--help`
 * prints the usage on stdout (exit 0), a usage error goes to stderr with the usage (exit 2).
 */
export type CliArgs<T> = { kind: "run"; options: T } | { kind: "help" } | { kind: "usage_error"; message: string };

type Flags = NonNullable<ParseArgsConfig["options"]>;
type FlagValues = Record<string, string | boolean | undefined>;

export type CommandLine<S extends z.ZodType, T> = {
  /** The one command word, named in "expected exactly one command: …". */
  command: string;
  flags: Flags;
  schema: S;
  /** The flag values (and the command word) → the schema's input. */
  input: (values: FlagValues, command: string) => unknown;
  /** Schema fields whose messages are prefixed with their flag, and how ("--tz: …" or "--key …"). */
  flagForField: Record<string, string>;
  separator: string;
  options: (data: z.output<S>) => T;
};

/** argv (after the script name) → options, or a usage error (messages deduplicated, never a value). */
export function parseCommandLine<S extends z.ZodType, T>(argv: string[], cli: CommandLine<S, T>): CliArgs<T> {
  let raw: { values: FlagValues; positionals: string[] };
  try {
    raw = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...cli.flags, help: { type: "boolean", short: "h" } },
    }) as { values: FlagValues; positionals: string[] };
  } catch (error) {
    // node:util quotes unknown flags, not values, so its message is safe to show.
    return { kind: "usage_error", message: error instanceof Error ? error.message : "bad arguments" };
  }
  if (raw.values.help) return { kind: "help" };
  if (raw.positionals.length !== 1)
    return { kind: "usage_error", message: `expected exactly one command: ${cli.command}` };
  const parsed = cli.schema.safeParse(cli.input(raw.values, raw.positionals[0]!));
  if (!parsed.success) {
    const messages = parsed.error.issues.map((issue) => {
      const flag = cli.flagForField[String(issue.path[0] ?? "")];
      return flag && !issue.message.startsWith("--") ? `${flag}${cli.separator}${issue.message}` : issue.message;
    });
    return { kind: "usage_error", message: [...new Set(messages)].join("; ") };
  }
  return { kind: "run", options: cli.options(parsed.data) };
}

/** Prints the help (exit 0) or a usage error (exit 2) as every CLI does; returns the exit code. */
export function answerHelpOrUsageError(
  args: Exclude<CliArgs<unknown>, { kind: "run" }>,
  name: string,
  usage: string,
): number {
  if (args.kind === "help") {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  process.stderr.write(`${name}: ${args.message}\n${usage}\n`);
  return 2;
}
