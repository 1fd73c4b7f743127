// CSRF tokens for forms on cached public pages. A cached article page is the same for every
// reader, so its token cannot be tied to a session: it is signed with the site secret, bound
// to what the form acts on ("comment:42") and valid for a limited time. Made and checked by
// @fastify/csrf, the library behind @fastify/csrf-protection (see docs/decisions.md).
import Tokens from '@fastify/csrf';

export const FORM_TOKEN_VALIDITY_MS = 24 * 3_600_000;

const REUSE_MS = 10 * 60_000;

export type TokenCheck = 'valid' | 'expired' | 'invalid';

export class FormTokens {
  private readonly timed: Tokens.TokensUserinfo;
  private readonly recent = new Map<string, { token: string; at: number }>();
  // Same format, a validity no tab stays open for: tells "too old" from "not ours".
  private readonly lenient: Tokens.TokensUserinfo = Tokens({
    userInfo: true,
    validity: 10 * 365 * 86_400_000,
  });

  constructor(
    private readonly secret: string,
    validityMs = FORM_TOKEN_VALIDITY_MS,
  ) {
    this.timed = Tokens({ userInfo: true, validity: validityMs });
  }

  /**
   * A token for this purpose. The same one is handed out for a few minutes so that renders of
   * the same page are byte-identical and ETags hold.
   */
  create(purpose: string): string {
    const now = Date.now();
    const cached = this.recent.get(purpose);
    if (cached && now - cached.at < REUSE_MS) return cached.token;
    const token = this.timed.create(this.secret, purpose);
    if (this.recent.size > 50_000) this.recent.clear();
    this.recent.set(purpose, { token, at: now });
    return token;
  }

  check(token: unknown, purpose: string): TokenCheck {
    if (typeof token !== 'string' || token.length === 0 || token.length > 512) return 'invalid';
    if (this.timed.verify(this.secret, token, purpose)) return 'valid';
    // Signed by us for this purpose but too old: the reader's tab sat open for a day.
    return this.lenient.verify(this.secret, token, purpose) ? 'expired' : 'invalid';
  }
}
