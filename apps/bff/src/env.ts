import { z } from "zod";

/**
 * The BFF's configuration, parsed once at start-up from the environment. Nothing else reads `process.env`.
 * Every bad variable is reported by name, all at once.
 */
const envSchema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce
    .number({ error: "PORT must be a port number" })
    .int("PORT must be a whole number")
    .min(0, "PORT must be 0–65535")
    .max(65535, "PORT must be 0–65535")
    .default(8787),
  WEB_DIST: z.string().min(1).optional(),
});

export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment into a typed config, or throws a {@link ConfigError} naming every bad variable.
 * @example
 * const env = parseEnv({ PORT: "9000" }); // { HOST: "127.0.0.1", PORT: 9000 }
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const name = issue.path.join(".") || "(environment)";
      return issue.message.startsWith(name) ? issue.message : `${name}: ${issue.message}`;
    }),
  );
}
