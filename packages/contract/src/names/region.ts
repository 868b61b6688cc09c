/**
 * A region as OSS's V4 signature scopes it: the region ID (`cn-hangzhou`), lower-case words of letters and
 * digits joined by `-` (oss-api.md §1.4, D-REGIONS).
 */
const REGION_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const OSS_PREFIX = "oss-";

/**
 * The one region rule of the console, the client and the emulator. A region is written as its region ID
 * (`cn-hangzhou`); the "OSS region ID" form of host names (`oss-cn-hangzhou`) is accepted too and read
 * as the same region, as ali-oss's `getStandardRegion` does, because people copy it from an endpoint.
 * Returns the region ID, or `undefined` when `input` is neither form.
 * @example
 * parseRegion("cn-hangzhou"); // "cn-hangzhou"
 * parseRegion("oss-cn-hangzhou"); // "cn-hangzhou"
 * parseRegion("CN_Hangzhou"); // undefined
 */
export function parseRegion(input: string): string | undefined {
  const id = input.startsWith(OSS_PREFIX) ? input.slice(OSS_PREFIX.length) : input;
  return REGION_ID.test(id) && !id.startsWith(OSS_PREFIX) ? id : undefined;
}

/** What {@link parseRegion} expects, for error messages. */
export const REGION_EXPECTED = 'a region ID such as cn-hangzhou (or its "oss-cn-hangzhou" form)';
