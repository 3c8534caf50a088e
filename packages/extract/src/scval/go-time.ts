/**
 * Unix seconds → the date texts Go's `time` package prints, for any int64 (years outside
 * 0..9999 included).
 */

/**
 * Go's `unixToInternal + internalToAbsolute`: Unix seconds → seconds since Go's "absolute" epoch
 * (January 1 of year -292277022399, the start of a 400-year Gregorian cycle). Go formats dates from
 * that sum taken as a uint64, so instants beyond its range wrap around.
 */
const UNIX_TO_ABSOLUTE = 9223372028715321600n;

interface Civil {
  year: bigint;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

/** Proleptic Gregorian UTC date and time of Unix seconds, as Go's `time.Unix(s, 0).UTC()` holds it. */
function civil(unixSeconds: bigint): Civil {
  const s = BigInt.asUintN(64, unixSeconds + UNIX_TO_ABSOLUTE) - UNIX_TO_ABSOLUTE;
  const days = floorDiv(s, 86400n);
  const secOfDay = Number(s - days * 86400n);
  // Days → civil date (Hinnant's algorithm, era-based, exact for any integer day count).
  const z = days + 719468n;
  const era = floorDiv(z, 146097n);
  const doe = z - era * 146097n;
  const yoe = (doe - doe / 1460n + doe / 36524n - doe / 146096n) / 365n;
  const doy = doe - (365n * yoe + yoe / 4n - yoe / 100n);
  const mp = (5n * doy + 2n) / 153n;
  const day = Number(doy - (153n * mp + 2n) / 5n + 1n);
  const month = Number(mp < 10n ? mp + 3n : mp - 9n);
  const year = yoe + era * 400n + (month <= 2 ? 1n : 0n);
  return { year, month, day, hour: Math.floor(secOfDay / 3600), minute: Math.floor(secOfDay / 60) % 60, second: secOfDay % 60 };
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Go's 4-digit year: at least four digits, a leading `-` for negative years. */
function goYear(y: bigint): string {
  const abs = (y < 0n ? -y : y).toString().padStart(4, '0');
  return y < 0n ? `-${abs}` : abs;
}

/**
 * `time.Unix(s, 0).UTC().Format(time.RFC3339)`, e.g. `2024-01-01T00:00:00Z`.
 * `plusForLargeYears` prepends `+` when the year exceeds 9999 (the SDK's claim-predicate JSON).
 */
export function goRfc3339(unixSeconds: bigint, plusForLargeYears = false): string {
  const c = civil(unixSeconds);
  const text = `${goYear(c.year)}-${pad2(c.month)}-${pad2(c.day)}T${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)}Z`;
  return plusForLargeYears && c.year > 9999n ? `+${text}` : text;
}

/** `time.Unix(s, 0).String()` in UTC, e.g. `2024-01-01 00:00:00 +0000 UTC`. */
export function goTimeString(unixSeconds: bigint): string {
  const c = civil(unixSeconds);
  return `${goYear(c.year)}-${pad2(c.month)}-${pad2(c.day)} ${pad2(c.hour)}:${pad2(c.minute)}:${pad2(c.second)} +0000 UTC`;
}
