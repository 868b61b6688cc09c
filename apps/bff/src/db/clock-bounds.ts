/**
 * How fast the database's clock and this process's monotonic clock may run apart, as a fraction
 * (1e-3: 1 ms a second). Each is disciplined by NTP, which slews a clock by at most 500 ppm; the two
 * may slew in opposite directions.
 */
export const MAX_CLOCK_DRIFT = 1e-3;

/**
 * What is known of `offset = database clock − local clock`: an interval sure to hold it.
 *
 * Each reading of the database clock, taken at some local instant between sending and receiving,
 * gives an interval `[dbNow − received, dbNow − sent]`; intersecting readings narrows it. But the
 * intersection is only sure while the offset stands still, and it does not: the two clocks run at
 * slightly different rates. A bound narrowed by a fast round trip would then stay narrow while the
 * offset walks out of it, and intersecting a later reading that still overlaps would keep the stale
 * side (up to one round trip wrong, until a reading misses the interval altogether), so a slot could
 * be given early. So the interval widens by {@link MAX_CLOCK_DRIFT} per local millisecond since it
 * was last narrowed: it is never narrower than what the readings prove. After an idle spell it has
 * widened past what a slot may tolerate, and the clock is read again before the next claim.
 *
 * @example
 * const bounds = clockBounds();
 * bounds.narrow(1_700_000_000_000, 10, 12); // the reading arrived 2 ms after it was asked for
 * bounds.at(12); // { low: 1_699_999_999_987.998, high: 1_699_999_999_990.002 }
 */
export function clockBounds(maxDrift = MAX_CLOCK_DRIFT) {
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  let since = 0;
  const at = (t: number) => {
    const slack = Math.max(0, t - since) * maxDrift;
    return { low: low - slack, high: high + slack };
  };
  return {
    /** The interval at local time `t`: the last one, widened by the drift possible since. */
    at,
    /** Narrows the interval by a reading `dbNow` taken at some local instant in [sent, received]. */
    narrow(dbNow: number, sent: number, received: number): void {
      // The reading holds the offset of its instant; by `received` it may have drifted that much more.
      const inFlight = (received - sent) * maxDrift;
      const sampleLow = dbNow - received - inFlight;
      const sampleHigh = dbNow - sent + inFlight;
      const now = at(received);
      if (sampleLow > now.high || sampleHigh < now.low) {
        // A clock stepped (the database host's): start again from this reading.
        low = sampleLow;
        high = sampleHigh;
      } else {
        low = Math.max(now.low, sampleLow);
        high = Math.min(now.high, sampleHigh);
      }
      since = received;
    },
  };
}
