import type { AuditTables } from "../audit/tables.ts";
import type { FleetTables } from "../fleet/tables.ts";
import type { HistoryTables } from "../history/tables.ts";
import type { UploadTables } from "../preview/sources/object-uploads.ts";
import type { SessionTables } from "../session/tables.ts";
import type { UsageTables } from "../usage/tables.ts";
import type { UsersTables } from "../users/tables.ts";
import type { OssRateTables } from "./oss-rate.ts";

/**
 * Every table of the console's database, as Kysely sees it. Each feature declares its own tables in its
 * folder (`<feature>/tables.ts`, an interface `<Feature>Tables`) and adds it to this list; its migration
 * (`db/migrations/YYYYMMDDHHMM_<what>.ts`) creates them.
 */
export interface Database
  extends AuditTables,
    SessionTables,
    UsersTables,
    OssRateTables,
    UploadTables,
    UsageTables,
    HistoryTables,
    FleetTables {}
