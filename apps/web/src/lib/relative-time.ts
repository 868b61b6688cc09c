/**
 * "3 minutes ago" / "3 分钟前" through `Intl.RelativeTimeFormat`, so both languages come from the
 * browser's own data instead of our dictionary. `now` is a parameter so tests and renders agree.
 */
const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

export function relativeTime(date: Date, now: Date, locale: string): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
  const abs = Math.abs(seconds);
  for (const [unit, size] of units) {
    if (abs >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  // Under a minute "now" is more honest than a ticking seconds count the list does not re-render for.
  return format.format(0, "second");
}

/** The exact time for the tooltip, in the reader's locale and time zone. */
export function exactTime(date: Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" }).format(date);
}
