// Makes sure the BFF's database tests have a PostgreSQL on 127.0.0.1:5432 (user `postgres`, trust auth)
// before they start, as e2e/scripts/ensure-browser.mjs does for Chromium. `TEST_DATABASE_URL` names
// another server. None answering: on Debian as root (CI, the team's machines) it installs Debian's
// `postgresql`, lets local TCP connections in without a password, and starts the cluster as the
// `postgres` user; elsewhere it stops with what to do. Never a silent skip.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import pg from "pg";

const url = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function answers() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function run(command, args) {
  console.log(`ensure-postgres: ${command} ${args.join(" ")}`);
  execFileSync(command, args, {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

if (await answers()) {
  console.log(`ensure-postgres: PostgreSQL answers at ${new URL(url).host}`);
} else if (
  process.env.TEST_DATABASE_URL === undefined &&
  process.platform === "linux" &&
  process.getuid?.() === 0 &&
  existsSync("/usr/bin/apt-get")
) {
  if (!existsSync("/usr/lib/postgresql")) {
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "postgresql"]);
  }
  const version = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(b) - Number(a))[0];
  const hba = `/etc/postgresql/${version}/main/pg_hba.conf`;
  const rules = readFileSync(hba, "utf8");
  // Test databases only: trust on loopback, as CI's and the developers' servers are set up.
  if (!rules.startsWith("# style-console tests")) {
    writeFileSync(
      hba,
      `# style-console tests: trust on loopback\nhost all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust\n${rules}`,
    );
  }
  run("pg_ctlcluster", [version, "main", "restart"]);
  for (let i = 0; i < 30 && !(await answers()); i++) await new Promise((r) => setTimeout(r, 500));
  if (!(await answers()))
    throw new Error(
      "ensure-postgres: installed and started PostgreSQL, but it does not answer on 127.0.0.1:5432",
    );
} else {
  console.error(
    `ensure-postgres: no PostgreSQL answers at ${new URL(url).host}. Start one (trust auth for user postgres on 127.0.0.1:5432), or set TEST_DATABASE_URL; as root on Debian this script installs one itself.`,
  );
  process.exit(1);
}
