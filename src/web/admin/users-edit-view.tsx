// The forms for one account: a new newsroom member (invited by mail, no password typed here), and
// an existing account's role, name and byline, with a way to send a fresh password link.
import { ROLES } from '../../accounts/roles.js';
import { INVITE_ROLES } from '../../accounts/staff-invite.js';
import type { UserListItem } from '../../accounts/user-directory.js';
import { BYLINE_LIMITS } from '../../newsroom/staff-members.js';
import type { SiteDeps } from '../site/deps.js';
import { when } from '../site/views/format.js';
import type { Frame } from '../site/views/frame.js';
import { type Notice, StaffLayout } from './layout.js';
import { SelectField, TextAreaField, TextField } from './staff-fields.js';
import { NEW_USER_URL, USERS_URL, userUrl } from './users-view.js';

export type UserFormValues = Record<string, string>;

export interface NewUserPageData {
  values: UserFormValues;
  errors: Record<string, string>;
  /** The account that already has the typed address. */
  existingId: number | null;
  csrf: string;
  notice: Notice | null;
}

const roleOptions = (f: Frame, roles: readonly (keyof Frame['t']['staff']['roles'])[]) =>
  roles.map((r) => [r, `${f.t.staff.roles[r]} — ${f.t.staff.roleHints[r]}`] as const);

export function NewUserPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: NewUserPageData }) {
  const t = f.t.staff;
  return (
    <StaffLayout frame={f} assets={assets} title={t.newUser} section="users" notice={d.notice}>
      <p>{t.newUserIntro}</p>
      <form method="post" action={USERS_URL} class="stacked-form staff-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <TextField
          id="user-email"
          name="email"
          type="email"
          label={t.email}
          value={d.values.email ?? ''}
          maxLength={254}
          autocomplete="off"
          error={d.errors.email}
        />
        {d.existingId !== null ? (
          <p>
            <a href={userUrl(d.existingId)}>{t.openExisting}</a>
          </p>
        ) : null}
        <TextField
          id="user-name"
          name="display_name"
          label={t.displayName}
          value={d.values.display_name ?? ''}
          maxLength={60}
          hint={t.displayNameHint}
          error={d.errors.display_name}
        />
        <SelectField
          id="user-role"
          name="role"
          label={t.role}
          value={d.values.role ?? 'author'}
          options={roleOptions(f, INVITE_ROLES)}
          error={d.errors.role}
        />
        <button type="submit" class="button">
          {t.createAndInvite}
        </button>
      </form>
    </StaffLayout>
  );
}

export interface UserPageData {
  user: UserListItem;
  /** The admin looking: their own role is not theirs to change. */
  self: boolean;
  showByline: boolean;
  /** The byline fields are there for show only: the current role writes no articles. */
  bylineIdle: boolean;
  values: UserFormValues;
  errors: Record<string, string>;
  csrf: string;
  notice: Notice | null;
}

export function UserPage({ f, assets, d }: { f: Frame; assets: SiteDeps['assets']; d: UserPageData }) {
  const t = f.t.staff;
  const u = d.user;
  return (
    <StaffLayout frame={f} assets={assets} title={u.displayName} section="users" notice={d.notice}>
      <p>
        <a href={USERS_URL}>{t.usersTitle}</a> · <a href={NEW_USER_URL}>{t.newUser}</a>
      </p>
      <dl class="reader-facts">
        <div>
          <dt>{t.colEmail}</dt>
          <dd>{u.email}</dd>
        </div>
        <div>
          <dt>{t.colRole}</dt>
          <dd data-role={u.role}>{t.roles[u.role]}</dd>
        </div>
        <div>
          <dt>{t.colCreated}</dt>
          <dd>{when(f, u.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.colLastSeen}</dt>
          <dd>{u.lastSeenAt === null ? t.never : when(f, u.lastSeenAt)}</dd>
        </div>
        <div>
          <dt>{t.verifiedLabel}</dt>
          <dd>{u.verified ? t.verifiedYes : t.verifiedNo}</dd>
        </div>
      </dl>
      <form method="post" action={userUrl(u.id)} class="stacked-form staff-form" noValidate>
        <input type="hidden" name="_csrf" value={d.csrf} />
        <TextField
          id="user-name"
          name="display_name"
          label={t.displayName}
          value={d.values.display_name ?? ''}
          maxLength={60}
          hint={t.displayNameHint}
          error={d.errors.display_name}
        />
        <SelectField
          id="user-role"
          name="role"
          label={t.role}
          value={d.values.role ?? u.role}
          options={roleOptions(f, ROLES)}
          disabled={d.self}
          hint={d.self ? t.ownRoleHint : undefined}
          error={d.errors.role}
        />
        {d.showByline ? (
          <fieldset class="staff-fieldset">
            <legend>{t.byline}</legend>
            <p class="hint">{d.bylineIdle ? t.bylineNoWrite : t.bylineHint}</p>
            <TextField
              id="byline-name"
              name="byline_name"
              label={t.bylineName}
              value={d.values.byline_name ?? ''}
              maxLength={BYLINE_LIMITS.name}
              error={d.errors.byline_name}
            />
            <TextField
              id="byline-title"
              name="byline_title"
              label={t.bylineTitle}
              value={d.values.byline_title ?? ''}
              maxLength={BYLINE_LIMITS.title}
              error={d.errors.byline_title}
            />
            <TextAreaField
              id="byline-bio"
              name="byline_bio"
              label={t.bylineBio}
              value={d.values.byline_bio ?? ''}
              maxLength={BYLINE_LIMITS.bio}
              rows={5}
              error={d.errors.byline_bio}
            />
          </fieldset>
        ) : null}
        <button type="submit" class="button">
          {t.saveChanges}
        </button>
      </form>
      {u.role === 'reader' ? null : (
        <section class="staff-aside" aria-labelledby="resend-title">
          <h2 class="staff-subtitle" id="resend-title">
            {t.resendTitle}
          </h2>
          <p class="hint">{t.resendHint}</p>
          <form method="post" action={`${userUrl(u.id)}/invite`} class="inline-form">
            <input type="hidden" name="_csrf" value={d.csrf} />
            <button type="submit" class="button button-secondary">
              {t.resend}
            </button>
          </form>
        </section>
      )}
    </StaffLayout>
  );
}
