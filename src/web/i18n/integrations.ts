// Words of the back office's integrations: the API keys page (/admin/api-keys). Merged into the
// site's messages as `ig`.
import type { ApiKeyKind } from '../../db/schema.js';
import type { ApiScope } from '../../integrations/api-keys.js';

const bg = {
  nav: 'API ключове',
  title: 'API ключове',
  intro:
    'Ключове за Content API (четене на публикуваното от приложения и партньори) и токени за Admin API (писане на статии от името на служител). Описание на API: /api/docs.',
  listTitle: 'Издадени ключове',
  empty: 'Все още няма издадени ключове.',
  colName: 'Име',
  colKind: 'Вид',
  colPrefix: 'Начало',
  colScopes: 'Права',
  colUser: 'От името на',
  colCreated: 'Създаден',
  colLastUsed: 'Последно ползван',
  colStatus: 'Състояние',
  never: 'никога',
  active: 'активен',
  revokedAt: (date: string) => `отменен на ${date}`,
  kinds: { content: 'Content API ключ', admin: 'Admin API токен' } satisfies Record<ApiKeyKind, string>,
  scopes: {
    'content:read': 'четене на публикуваното',
    'articles:write': 'създаване и редакция на статии',
    'articles:publish': 'публикуване и сваляне на статии',
    'media:write': 'качване на изображения',
  } satisfies Record<ApiScope, string>,
  revoke: 'Отмени',
  revokeLabel: (name: string) => `Отмени ключа „${name}“`,
  revoked: 'Ключът е отменен. Заявките с него вече се отказват.',
  newContentTitle: 'Нов Content API ключ',
  newContentHint: 'Само за четене на публикуваните статии, раздели, теми и автори.',
  newAdminTitle: 'Нов Admin API токен',
  newAdminHint:
    'Действа от името на избрания служител: може само това, което ролята му позволява, и спира да работи, ако акаунтът бъде блокиран.',
  name: 'Име',
  nameHint: 'За кого или за какво е, например „Мобилно приложение“.',
  scopesLegend: 'Права',
  user: 'От името на',
  create: 'Създай',
  createdTitle: (name: string) => `Ключът „${name}“ е създаден`,
  secretLabel: 'Ключ',
  secretWarning:
    'Копирайте ключа сега и го пазете като парола: той не се съхранява и няма да бъде показан отново.',
  hasErrors: 'Ключът не е създаден. Поправете отбелязаното.',
  errors: {
    'name-missing': 'Напишете име.',
    'name-too-long': 'Името може да е най-много 80 знака.',
    'scopes-missing': 'Изберете поне едно право.',
    'scope-unknown': 'Непознато право.',
    'user-missing': 'Изберете служител.',
  },
  userUnknown: 'Изберете служител от списъка.',
  badKind: 'Непознат вид ключ.',
  keyMissing: 'Няма такъв ключ.',
};

type IntegrationWords = typeof bg;

const en: IntegrationWords = {
  nav: 'API keys',
  title: 'API keys',
  intro:
    'Keys for the Content API (reading what is published, for apps and partners) and tokens for the Admin API (writing articles on behalf of a staff member). API reference: /api/docs.',
  listTitle: 'Issued keys',
  empty: 'No keys issued yet.',
  colName: 'Name',
  colKind: 'Kind',
  colPrefix: 'Starts with',
  colScopes: 'Scopes',
  colUser: 'Acts as',
  colCreated: 'Created',
  colLastUsed: 'Last used',
  colStatus: 'Status',
  never: 'never',
  active: 'active',
  revokedAt: (date: string) => `revoked on ${date}`,
  kinds: { content: 'Content API key', admin: 'Admin API token' },
  scopes: {
    'content:read': 'read published content',
    'articles:write': 'create and edit articles',
    'articles:publish': 'publish and unpublish articles',
    'media:write': 'upload images',
  },
  revoke: 'Revoke',
  revokeLabel: (name: string) => `Revoke the key “${name}”`,
  revoked: 'The key is revoked. Requests with it are refused.',
  newContentTitle: 'New Content API key',
  newContentHint: 'Read-only access to published articles, sections, topics and authors.',
  newAdminTitle: 'New Admin API token',
  newAdminHint:
    'Acts as the chosen staff member: it can do only what their role allows, and stops working if the account is blocked.',
  name: 'Name',
  nameHint: 'Who or what it is for, e.g. “Mobile app”.',
  scopesLegend: 'Scopes',
  user: 'Acts as',
  create: 'Create',
  createdTitle: (name: string) => `The key “${name}” was created`,
  secretLabel: 'Key',
  secretWarning:
    'Copy the key now and keep it like a password: it is not stored and will not be shown again.',
  hasErrors: 'The key was not created. Please correct the marked fields.',
  errors: {
    'name-missing': 'Enter a name.',
    'name-too-long': 'The name can be at most 80 characters.',
    'scopes-missing': 'Choose at least one scope.',
    'scope-unknown': 'Unknown scope.',
    'user-missing': 'Choose a staff member.',
  },
  userUnknown: 'Choose a staff member from the list.',
  badKind: 'Unknown kind of key.',
  keyMissing: 'No such key.',
};

export const integrationMessages = { bg, en };
