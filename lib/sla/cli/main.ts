import { businessSeconds } from "../business-time";
import { answerHelpOrUsageError } from "@/lib/cli/parse-args";
import { parseCliArgs, USAGE } from "./args";
import { humanSummary, jsonOutput } from "./output";

/**
 * `npm run --silent sla -- business-time --from … --to … --tz … [--country] [--hours] [--days] [--closed] [--json]`
 * Exit 0 with the figure on stdout, 2 with a message on stderr (and nothing on stdout) for bad
 * arguments. Pure arithmetic: loads no env, database or crypto module.
 */
function main(argv: string[]): number {
  const args = parseCliArgs(argv);
  if (args.kind !== "run") return answerHelpOrUsageError(args, "sla", USAGE);
  const { from, to, calendar, json } = args.options;
  const seconds = businessSeconds(from, to, calendar);
  process.stdout.write(
    json
      ? `${JSON.stringify(jsonOutput(from, to, calendar, seconds))}\n`
      : `${humanSummary(from, to, calendar, seconds)}\n`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
