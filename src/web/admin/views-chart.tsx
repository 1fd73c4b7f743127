// Views per hour as an inline SVG drawn on the server: no script, no library, nothing fetched.
// Screen readers get the title and description, and a hidden table with every number.
import type { HourlyViews } from '../../newsroom/dashboard.js';
import { HOUR_MS } from '../../ranking/store-sql.js';
import { localParts } from '../../text/dates.js';
import { formatNumber, plural } from '../../text/numbers.js';
import type { Frame } from '../site/views/frame.js';

const WIDTH = 720;
const HEIGHT = 220;
const TOP = 26;
const BOTTOM = 24;
const SIDE = 6;
const PLOT = HEIGHT - TOP - BOTTOM;

/** "14:00" for the hour starting at this epoch hour, on the site's clock (DST included). */
export function hourLabel(epochHour: number, timeZone: string): string {
  return `${String(localParts(epochHour * HOUR_MS, timeZone).hour).padStart(2, '0')}:00`;
}

export function ViewsChart({ f, hourly }: { f: Frame; hourly: HourlyViews }) {
  const t = f.t.cur;
  const n = hourly.views.length;
  const max = Math.max(0, ...hourly.views);
  const total = hourly.views.reduce((a, b) => a + b, 0);
  const step = (WIDTH - 2 * SIDE) / n;
  const labels = hourly.views.map((_, i) => hourLabel(hourly.firstHour + i, f.timeZone));
  const views = (v: number) => plural(v, t.viewForms, f.locale);
  const lastLabel = labels[n - 1] ?? '';
  const desc = t.chartDesc(views(total), views(max), labels[0] ?? '', lastLabel);
  return (
    <figure class="views-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby="views-chart-title views-chart-desc"
        focusable="false"
      >
        <title id="views-chart-title">{t.chartTitle}</title>
        <desc id="views-chart-desc">{desc}</desc>
        <line class="chart-axis" x1={SIDE} x2={WIDTH - SIDE} y1={TOP + PLOT} y2={TOP + PLOT} />
        <line class="chart-max" x1={SIDE} x2={WIDTH - SIDE} y1={TOP} y2={TOP} />
        <text class="chart-max-label" x={WIDTH - SIDE} y={TOP - 8} text-anchor="end">
          {t.chartMax(formatNumber(max, f.locale))}
        </text>
        {hourly.views.map((v, i) => {
          const h = max > 0 ? Math.max(v > 0 ? 1 : 0, Math.round((v / max) * PLOT)) : 0;
          const x = SIDE + i * step;
          return (
            <rect
              key={hourly.firstHour + i}
              class="chart-bar"
              x={(x + 2).toFixed(1)}
              y={TOP + PLOT - h}
              width={(step - 4).toFixed(1)}
              height={h}
            >
              <title>{`${labels[i]} – ${views(v)}`}</title>
            </rect>
          );
        })}
        {labels.map((label, i) =>
          i % 3 === 2 || i === n - 1 ? (
            <text
              key={label + String(i)}
              class="chart-hour"
              x={(SIDE + i * step + step / 2).toFixed(1)}
              y={HEIGHT - 6}
              text-anchor="middle"
            >
              {label.slice(0, 2)}
            </text>
          ) : null,
        )}
      </svg>
      <table class="visually-hidden">
        <caption>{t.tableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colHour}</th>
            <th scope="col">{t.colViews}</th>
          </tr>
        </thead>
        <tbody>
          {hourly.views.map((v, i) => (
            <tr key={hourly.firstHour + i}>
              <th scope="row">{labels[i]}</th>
              <td>{formatNumber(v, f.locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
