import { loadEnvFile } from "@/lib/load-env-file";
import { verify } from "../verify";
import { answerHelpOrUsageError } from "@/lib/cli/parse-args";
import { parseCliArgs, USAGE } from "./args";
import { humanSummary, jsonOutput } from "./output";

/**
 * `npm run --silent lightspeed -- verify --key KEY --secret SECRET [...]`
 * Exit 0 only for a healthy key, 1 for every other verdict, 2 for usage (or configuration) errors.
 * Needs no server env: only LIGHTSPEED_EU1_URL / LIGHTSPEED_US1_URL, if set.
 */
async function main(argv: string[]): Promise<number> {
  loadEnvFile();
  const args = parseCliArgs(argv);
  if (args.kind !== "run") return answerHelpOrUsageError(args, "lightspeed", USAGE);
  const { json, ...input } = args.options;
  let result;
  try {
    result = await verify(input);
  } catch (error) {
    // Only configuration errors reach here (e.g. a malformed LIGHTSPEED_EU1_URL); they carry no secret.
    process.stderr.write(`lightspeed: ${error instanceof Error ? error.message : "unexpected error"}\n`);
    return 2;
  }
  process.stdout.write(json ? `${JSON.stringify(jsonOutput(result))}\n` : `${humanSummary(result)}\n`);
  return result.verdict === "healthy" ? 0 : 1;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
