import { parseArgs, UsageError, usage } from "./cli/args.ts";
import { startEmulator } from "./server/start.ts";

/**
 * `pnpm --filter @style-console/oss-emulator start -- --data <dir> --access-key-id <id> …`
 * Prints `OSS emulator ready at <endpoint>` once it accepts requests; exit status 2 on a bad flag.
 */

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2), process.env.INIT_CWD ?? process.cwd());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (error.message) console.error(`oss-emulator: ${error.message}\n`);
    console.error(usage);
    process.exit(error.message ? 2 : 0);
  }
  let running: Awaited<ReturnType<typeof startEmulator>>;
  try {
    running = await startEmulator(options);
  } catch (error) {
    // Option errors (resolveOptions) and start-up failures (port in use, unreadable data) alike.
    console.error(`oss-emulator: ${(error as Error).message}`);
    process.exit(2);
  }
  const buckets = running.buckets.length
    ? running.buckets.map((b) => `${b.name}@${b.region}`).join(", ")
    : "(none yet)";
  console.log(
    `OSS emulator ready at ${running.endpoint} (region ${options.region ?? "cn-hangzhou"}, buckets: ${buckets})`,
  );
  const stop = (): void => {
    void running.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

void main();
