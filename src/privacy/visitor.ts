// A visitor is known only as a hash of IP + user agent + a salt that changes every day.
// Salts live in the settings table (so processes agree) and are deleted after two days,
// after which nobody, not even we, can link a hash back to an address.
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/index.js';
import { localParts } from '../text/dates.js';

const PREFIX = 'visitor_salt:';

export class VisitorHasher {
  private day = '';
  private salt = '';
  private pending: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly timeZone: string,
  ) {}

  /** Loads (or creates) today's salt; call at start and then on a timer. */
  async refresh(now: number): Promise<void> {
    const day = localParts(now, this.timeZone).ymd;
    if (day === this.day) return;
    const key = PREFIX + day;
    await this.db
      .insertInto('settings')
      .values({ key, value: randomBytes(32).toString('hex') })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    const row = await this.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    const keep = [key, PREFIX + localParts(now - 86_400_000, this.timeZone).ymd];
    await this.db
      .deleteFrom('settings')
      .where('key', 'like', `${PREFIX}%`)
      .where('key', 'not in', keep)
      .execute();
    this.day = day;
    this.salt = row.value;
  }

  /** Synchronous for the hot path; when the day has turned it rolls the salt in the background. */
  hash(ip: string, userAgent: string, now: number): string {
    if (this.salt === '' || localParts(now, this.timeZone).ymd !== this.day) {
      this.pending ??= this.refresh(now).finally(() => {
        this.pending = null;
      });
    }
    return createHash('sha256')
      .update(this.salt)
      .update('\0')
      .update(ip)
      .update('\0')
      .update(userAgent)
      .digest('base64url')
      .slice(0, 22);
  }
}
