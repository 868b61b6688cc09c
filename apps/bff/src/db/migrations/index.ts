import type { Migration } from "kysely/migration";
import * as foundation from "./202611291400_foundation.ts";
import * as people from "./202611291430_people.ts";
import * as ossRate from "./202611291500_oss_rate.ts";

/**
 * Every migration, by name, imported statically so the esbuild bundle carries them (a folder scan would
 * find nothing next to `dist/main.js`). Names are `YYYYMMDDHHMM_<what>`: Kysely applies them in name
 * order, and timestamps keep parallel branches from colliding. Add one line per new migration file.
 */
export const migrations: Record<string, Migration> = {
  "202611291400_foundation": foundation,
  "202611291430_people": people,
  "202611291500_oss_rate": ossRate,
};
