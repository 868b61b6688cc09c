import type { Migration } from "kysely/migration";
import * as foundation from "./202611291400_foundation.ts";
import * as people from "./202611291430_people.ts";
import * as ossRate from "./202611291500_oss_rate.ts";
import * as uploads from "./202611291510_uploads.ts";
import * as usage from "./202611291530_usage.ts";
import * as history from "./202611291600_history.ts";
import * as fleetJobs from "./202611291815_fleet_jobs.ts";
import * as ossRateSchedule from "./202611291816_oss_rate_schedule.ts";
import * as bucketEvents from "./202611291820_bucket_events.ts";
import * as draftEvents from "./202611292100_draft_events.ts";
import * as draftEventsAfter from "./202611292130_draft_events_after.ts";

/**
 * Every migration, by name, imported statically so the esbuild bundle carries them (a folder scan would
 * find nothing next to `dist/main.js`). Names are `YYYYMMDDHHMM_<what>`: Kysely applies them in name
 * order, and timestamps keep parallel branches from colliding. Add one line per new migration file.
 */
export const migrations: Record<string, Migration> = {
  "202611291400_foundation": foundation,
  "202611291430_people": people,
  "202611291500_oss_rate": ossRate,
  "202611291510_uploads": uploads,
  "202611291530_usage": usage,
  "202611291600_history": history,
  "202611291815_fleet_jobs": fleetJobs,
  "202611291816_oss_rate_schedule": ossRateSchedule,
  "202611291820_bucket_events": bucketEvents,
  "202611292100_draft_events": draftEvents,
  "202611292130_draft_events_after": draftEventsAfter,
};
