/**
 * The SMTP sink (tests/helpers/smtp-sink.ts) for demos and development: accepts every message on 127.0.0.1, writes it
 * to `.demo/mail/<time>-<n>.eml` (open it in any mail client) and logs one line per message.
 * `npm run demo` starts it in-process; `tsx scripts/dev-mail-sink.ts [--port 2525] [--dir path]`
 * runs it alone.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { startSmtpSink } from "@/tests/helpers/smtp-sink";

export type MailSink = { port: number; dir: string; close(): Promise<void> };

export async function startMailSink(
  options: { port?: number; host?: string; dir?: string; log?: (line: string) => void } = {},
): Promise<MailSink> {
  const dir = path.resolve(options.dir ?? ".demo/mail");
  const log = options.log ?? ((line: string) => console.log(line));
  await mkdir(dir, { recursive: true });
  let count = 0;
  const sink = await startSmtpSink({
    host: options.host,
    port: options.port ?? 2525,
    size: 10 * 1024 * 1024,
    onMail: async ({ mail, raw, rcptTo }) => {
      const file = path.join(dir, `${new Date().toISOString().replace(/[:.]/g, "-")}-${++count}.eml`);
      await writeFile(file, raw);
      log(
        `to=${rcptTo.join(", ")} subject=${JSON.stringify(mail.subject ?? "")} → ${path.relative(process.cwd(), file)}`,
      );
    },
  });
  return { port: sink.port, dir, close: sink.close };
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === import.meta.filename;
if (isMain) {
  const { values } = parseArgs({ options: { port: { type: "string" }, dir: { type: "string" } } });
  const sink = await startMailSink({ port: values.port ? Number(values.port) : 2525, dir: values.dir });
  console.log(`Mail sink on smtp://127.0.0.1:${sink.port}, writing to ${sink.dir}`);
  const stop = () => void sink.close().then(() => process.exit(0));
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
