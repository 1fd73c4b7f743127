// The date archive and "На днешната дата".
import type { FastifyInstance } from 'fastify';
import { archiveMonths, listPublished, pagePublished } from '../../../content/lists.js';
import {
  dayRange,
  formatDate,
  formatDayMonth,
  localParts,
  monthNameTitle,
  monthRange,
  parseYmd,
  zonedTimeToEpoch,
} from '../../../text/dates.js';
import type { SiteDeps } from '../deps.js';
import { articleTags, buildFrame, pageParam, sendPage } from '../respond.js';
import { urls } from '../urls.js';
import { ArchiveIndexPage, ArchiveListPage, OnThisDayPage } from '../views/archive.js';
import { sendError } from './errors.js';
import { PAGE_SIZE } from './reading.js';

const YEAR = /^(19|2[0-9])[0-9]{2}$/;
const MONTH = /^(0[1-9]|1[0-2])$/;
const DAY = /^(0[1-9]|[12][0-9]|3[01])$/;

export function archiveRoutes(app: FastifyInstance, deps: SiteDeps): void {
  const tz = deps.config.timeZone;

  app.get('/arhiv', async (request, reply) => {
    const months = await archiveMonths(deps.db, deps.clock.now());
    const years = new Map<number, number[]>();
    for (const ym of months) {
      const [y, m] = ym.split('-').map(Number) as [number, number];
      years.set(y, [...(years.get(y) ?? []), m]);
    }
    const list = [...years].map(([year, ms]) => ({ year, months: ms.sort((a, b) => a - b) }));
    return sendPage(
      deps,
      request,
      reply,
      <ArchiveIndexPage frame={buildFrame(deps, urls.archive(), request)} years={list} />,
      {
        tags: ['lists'],
      },
    );
  });

  app.get<{ Params: { year: string; month: string } }>('/arhiv/:year/:month', async (request, reply) => {
    const { year, month } = request.params;
    const t = buildFrame(deps, '/').t;
    if (!YEAR.test(year) || !MONTH.test(month)) return sendError(deps, request, reply, 404, t.badDate);
    const page = pageParam(request.query);
    if (page === null) return sendError(deps, request, reply, 400, t.badPage);
    const [y, m] = [Number(year), Number(month)];
    const result = await pagePublished(
      deps.db,
      deps.clock.now(),
      { range: monthRange(y, m, tz) },
      page,
      PAGE_SIZE,
    );
    if (page > result.pages) return sendError(deps, request, reply, 404);
    const frame = buildFrame(deps, urls.archiveMonth(y, m), request);
    const title = `${monthNameTitle(m, frame.locale)} ${y}`;
    const view = (
      <ArchiveListPage
        frame={frame}
        title={title}
        page={result}
        pageUrl={(p) => urls.archiveMonth(y, m, p)}
      />
    );
    return sendPage(deps, request, reply, view, { tags: ['lists', ...articleTags(result.items)] });
  });

  app.get<{ Params: { year: string; month: string; day: string } }>(
    '/arhiv/:year/:month/:day',
    async (request, reply) => {
      const { year, month, day } = request.params;
      const t = buildFrame(deps, '/').t;
      const ymd = `${year}-${month}-${day}`;
      if (!YEAR.test(year) || !MONTH.test(month) || !DAY.test(day) || !parseYmd(ymd)) {
        return sendError(deps, request, reply, 404, t.badDate);
      }
      const page = pageParam(request.query);
      if (page === null) return sendError(deps, request, reply, 400, t.badPage);
      const range = dayRange(ymd, tz);
      const result = await pagePublished(deps.db, deps.clock.now(), { range }, page, 50);
      const frame = buildFrame(deps, urls.archiveDay(ymd), request);
      const title = formatDate(range[0] + 12 * 3_600_000, frame.locale, tz);
      const view = (
        <ArchiveListPage frame={frame} title={title} page={result} pageUrl={() => urls.archiveDay(ymd)} />
      );
      return sendPage(deps, request, reply, view, { tags: ['lists', ...articleTags(result.items)] });
    },
  );

  const onThisDay = async (
    md: string | undefined,
    request: import('fastify').FastifyRequest,
    reply: import('fastify').FastifyReply,
  ) => {
    const now = deps.clock.now();
    const today = localParts(now, tz);
    const t = buildFrame(deps, '/').t;
    let target = today.md;
    if (md !== undefined) {
      const m = /^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/.exec(md);
      // 29 February exists in leap years: check the date against one.
      if (!m || !parseYmd(`2024-${md}`)) return sendError(deps, request, reply, 404, t.badDate);
      target = md;
    }
    const isToday = target === today.md;
    const startOfToday = dayRange(today.ymd, tz)[0];
    const [todays, earlier] = await Promise.all([
      isToday ? listPublished(deps.db, now, { range: dayRange(today.ymd, tz) }, 20) : Promise.resolve([]),
      listPublished(deps.db, now, { monthDay: target, range: [0, startOfToday] }, 100),
    ]);
    const [mm, dd] = target.split('-').map(Number) as [number, number];
    const frame = buildFrame(deps, urls.onThisDay(md), request);
    const label = formatDayMonth(zonedTimeToEpoch(2024, mm, dd, 12, 0, tz), frame.locale, tz);
    const view = (
      <OnThisDayPage frame={frame} dateLabel={label} today={todays} earlier={earlier} isToday={isToday} />
    );
    return sendPage(deps, request, reply, view, { tags: ['lists', ...articleTags([...todays, ...earlier])] });
  };

  app.get('/na-dneshnata-data', (request, reply) => onThisDay(undefined, request, reply));
  app.get<{ Params: { md: string } }>('/na-dneshnata-data/:md', (request, reply) =>
    onThisDay(request.params.md, request, reply),
  );
}
