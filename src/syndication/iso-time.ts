// ISO 8601 with the site's UTC offset ("2026-11-26T16:05:00+02:00"), as search engines and social
// sites want publication times: the local wall clock a reader saw, and the instant it was.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** The instant `ms` as the wall clock in `timeZone` shows it, with that zone's offset then. */
export function isoWithOffset(ms: number, timeZone: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const p: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(whole)) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  const year = p.year ?? 1970;
  const month = p.month ?? 1;
  const day = p.day ?? 1;
  const hour = p.hour ?? 0;
  const minute = p.minute ?? 0;
  const second = p.second ?? 0;
  const offsetMinutes = Math.round((Date.UTC(year, month - 1, day, hour, minute, second) - whole) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${offset}`;
}
