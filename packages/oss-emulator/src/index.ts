/**
 * `@style-console/oss-emulator`: an OSS-compatible HTTP server (Signature V4, the style API, objects,
 * atomic persistence, fault injection) for tests and local development.
 */
export type { EmulatorCredential } from "./auth/index.ts";
export type { FaultKind, FaultOptions } from "./faults/plan.ts";
export { ProcessGate } from "./objects/process-gate.ts";
export type { EmulatorOptions } from "./server/options.ts";
export { type RunningEmulator, startEmulator } from "./server/start.ts";
