/**
 * Requests per day as a bar chart (SVG, no library): one bar per day, the tallest day full height. The
 * numbers are in the `<title>` of each bar and in the chart's label, so screen readers get them too.
 */
export function DailyChart({
  daily,
  label,
  width = 180,
  height = 32,
}: {
  daily: ReadonlyArray<{ day: string; requests: number }>;
  label: string;
  width?: number;
  height?: number;
}) {
  const max = Math.max(1, ...daily.map((d) => d.requests));
  const bar = width / Math.max(1, daily.length);
  return (
    <svg className="usage-chart" width={width} height={height} role="img" aria-label={label}>
      {daily.map((d, i) => {
        const h = d.requests === 0 ? 1 : Math.max(2, (d.requests / max) * height);
        return (
          <rect
            key={d.day}
            x={i * bar}
            y={height - h}
            width={Math.max(1, bar - 1)}
            height={h}
            className={d.requests === 0 ? "usage-bar-zero" : "usage-bar"}
          >
            <title>{`${d.day}: ${d.requests}`}</title>
          </rect>
        );
      })}
    </svg>
  );
}
