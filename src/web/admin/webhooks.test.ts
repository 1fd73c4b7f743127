// The webhooks pages over HTTP: who may use them, the form's checks (nothing saved on bad input),
// the secret shown once, switching, rotating, the test ping, the delivery log and redelivery.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../db/testing.js';
import { listWebhooks } from '../../webhooks/subscriptions.js';
import { type Receiver, startReceiver } from '../../webhooks/testing.js';
import { createTestSite, type TestSite } from '../testing.js';
import { get, post, signIn, type TestUser, tokenOf } from './testing.js';

const LIST = '/admin/webhooks';
const secretOf = (html: string) => /<code data-secret="true">([^<]+)<\/code>/.exec(html)?.[1] ?? '';

describeEachDatabase('the webhooks pages', (getDb) => {
  let site: TestSite;
  let admin: TestUser;
  let editor: TestUser;
  let receiver: Receiver;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', WEBHOOKS_ALLOW_PRIVATE: 'on' });
    admin = await signIn(site, 'admin', 'Ана Администраторова');
    editor = await signIn(site, 'editor', 'Елена Редакторова');
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await site.close();
    await receiver.close();
  });
  beforeEach(() => {
    receiver.received.length = 0;
  });

  const count = async () => (await listWebhooks(site.services.db)).length;
  const token = async (url = `${LIST}/new`) => tokenOf((await get(site, url, admin.cookie)).body);
  const good = () => ({
    name: 'Мобилно приложение',
    url: receiver.url,
    events: ['article.published'],
    active: '1',
  });
  const create = async (fields: Record<string, string | string[]> = good()) =>
    post(site, `${LIST}/new`, { _csrf: await token(), ...fields }, admin.cookie);
  const idOf = (html: string) => Number(/action="\/admin\/webhooks\/(\d+)\/rotate"/.exec(html)?.[1]);

  it('is in the admins’ settings menu only; others get 403, visitors are sent to sign in', async () => {
    // One "Settings" item in the main menu; its second row has the webhooks.
    expect((await get(site, '/admin/settings', admin.cookie)).body).toContain(`href="${LIST}"`);
    expect((await get(site, '/admin', editor.cookie)).body).not.toContain(`href="${LIST}"`);
    expect((await get(site, LIST, editor.cookie)).statusCode).toBe(403);
    expect((await get(site, `${LIST}/new`, editor.cookie)).statusCode).toBe(403);
    const posted = await post(site, `${LIST}/new`, { _csrf: 'x', ...good() }, editor.cookie);
    expect(posted.statusCode).toBe(403);
    expect((await get(site, LIST)).statusCode).toBe(303);
    expect(await count()).toBe(0);
  });

  it.each([
    [{ url: 'ftp://example.com/in' }, 'url', 'Адресът трябва да започва с http:// или https://.'],
    [{ url: 'не е адрес' }, 'url', 'Това не е валиден адрес (URL).'],
    [{ url: '' }, 'url', 'Напишете адреса, на който да се изпращат заявките.'],
    [{ events: [] }, 'events', 'Изберете поне едно събитие.'],
    [{ events: ['article.published', 'article.deleted'] }, 'events', 'Изберете събития само от списъка.'],
    [{ name: '  ' }, 'name', 'Напишете име.'],
    [{ name: 'я'.repeat(101) }, 'name', 'Името може да е най-много 100 знака.'],
  ])('refuses %j with a 400 naming the field, and saves nothing', async (change, field, message) => {
    const res = await create({ ...good(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Нищо не е запазено. Поправете отбелязаното.');
    expect(res.body).toContain(`id="wh-${field}-error">${message}</p>`);
    expect(await count()).toBe(0);
  });

  it('refuses a form without its token (403) and saves nothing', async () => {
    const res = await post(site, `${LIST}/new`, good(), admin.cookie);
    expect(res.statusCode).toBe(403);
    expect(await count()).toBe(0);
  });

  it('creates one and shows its secret in full in that answer only', async () => {
    const res = await create();
    expect(res.statusCode).toBe(201);
    const secret = secretOf(res.body);
    expect(secret).toMatch(/^whsec_/);
    const id = idOf(res.body);
    const stored = (await listWebhooks(site.services.db))[0];
    expect(stored).toMatchObject({ id, name: 'Мобилно приложение', url: receiver.url, active: true, secret });
    const again = await get(site, `${LIST}/${id}`, admin.cookie);
    expect(again.statusCode).toBe(200);
    expect(again.body).not.toContain(secret);
    expect(again.body).toContain(secret.slice(0, 10));
    const list = await get(site, LIST, admin.cookie);
    expect(list.body).toContain('Мобилно приложение');
    expect(list.body).not.toContain(secret);
  });

  it('edits one, refusing bad input without changing it', async () => {
    const id = idOf((await create({ ...good(), name: 'За редакция' })).body);
    const url = `${LIST}/${id}`;
    const bad = await post(site, url, { _csrf: await token(url), ...good(), events: [] }, admin.cookie);
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Изберете поне едно събитие.');
    const fields = { ...good(), name: 'Партньор', events: ['comment.created', 'article.updated'] };
    const saved = await post(site, url, { _csrf: await token(url), ...fields }, admin.cookie);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`${url}?done=saved`);
    const hook = (await listWebhooks(site.services.db)).find((w) => w.id === id);
    expect(hook).toMatchObject({
      name: 'Партньор',
      events: ['article.updated', 'comment.created'],
      active: true,
    });
    const off = await post(site, url, { _csrf: await token(url), ...fields, active: [] }, admin.cookie);
    expect(off.statusCode).toBe(303);
    expect((await listWebhooks(site.services.db)).find((w) => w.id === id)?.active).toBe(false);
  });

  it('turns one off and on, rotates its secret, and refuses those without a token', async () => {
    const made = await create({ ...good(), name: 'Превключване' });
    const id = idOf(made.body);
    const url = `${LIST}/${id}`;
    const active = async () => (await listWebhooks(site.services.db)).find((w) => w.id === id)?.active;
    expect((await post(site, `${url}/disable`, {}, admin.cookie)).statusCode).toBe(403);
    expect(await active()).toBe(true);
    const off = await post(site, `${url}/disable`, { _csrf: await token(url) }, admin.cookie);
    expect(off.headers.location).toBe(`${url}?done=disabled`);
    expect(await active()).toBe(false);
    await post(site, `${url}/enable`, { _csrf: await token(url) }, admin.cookie);
    expect(await active()).toBe(true);
    expect((await post(site, `${url}/rotate`, {}, admin.cookie)).statusCode).toBe(403);
    const rotated = await post(site, `${url}/rotate`, { _csrf: await token(url) }, admin.cookie);
    expect(rotated.statusCode).toBe(200);
    const fresh = secretOf(rotated.body);
    expect(fresh).toMatch(/^whsec_/);
    expect(fresh).not.toBe(secretOf(made.body));
    expect((await listWebhooks(site.services.db)).find((w) => w.id === id)?.secret).toBe(fresh);
  });

  it('sends a test ping, shows a failed delivery in the log, and sends it again', async () => {
    const id = idOf((await create({ ...good(), name: 'Дневник' })).body);
    const url = `${LIST}/${id}`;
    receiver.answers.push({ status: 404, body: 'няма такъв адрес' });
    const pinged = await post(site, `${url}/ping`, { _csrf: await token(url) }, admin.cookie);
    expect(pinged.headers.location).toBe(`${url}?done=pinged`);
    await site.services.webhooks.worker.tick();
    expect(receiver.received.map((r) => r.headers['vestnik-event'])).toEqual(['ping']);
    const log = await get(site, url, admin.cookie);
    expect(log.body).toMatch(
      /data-status="failed"[\s\S]*?Проба<\/td><td>Неуспешна<\/td><td>1<\/td><td>404<\/td>/,
    );
    const deliveryId = Number(/href="\/admin\/webhooks\/\d+\/deliveries\/(\d+)"/.exec(log.body)?.[1]);
    const detail = await get(site, `${url}/deliveries/${deliveryId}`, admin.cookie);
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain('няма такъв адрес');
    expect(detail.body).toContain('&quot;event&quot;: &quot;ping&quot;');
    const again = `${url}/deliveries/${deliveryId}/redeliver`;
    expect((await post(site, again, {}, admin.cookie)).statusCode).toBe(403);
    const sent = await post(site, again, { _csrf: tokenOf(detail.body) }, admin.cookie);
    expect(sent.headers.location).toBe(`${url}/deliveries/${deliveryId}?done=redelivered`);
    await site.services.webhooks.worker.tick();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]?.headers['vestnik-delivery']).toBe(
      receiver.received[1]?.headers['vestnik-delivery'],
    );
    const done = await get(site, `${url}/deliveries/${deliveryId}`, admin.cookie);
    expect(done.body).toContain('data-status="delivered"');
    // Only a failed one goes again.
    const refused = await post(site, again, { _csrf: await token(url) }, admin.cookie);
    expect(refused.statusCode).toBe(409);
    expect((await get(site, `${url}/deliveries/999999`, admin.cookie)).statusCode).toBe(404);
    expect((await get(site, `${url}?page=abc`, admin.cookie)).statusCode).toBe(400);
  });

  it('deletes one with its log only when confirmed', async () => {
    const id = idOf((await create({ ...good(), name: 'За изтриване' })).body);
    const url = `${LIST}/${id}`;
    await site.services.webhooks.ping(id);
    const before = await count();
    const unconfirmed = await post(site, `${url}/delete`, { _csrf: await token(url) }, admin.cookie);
    expect(unconfirmed.statusCode).toBe(400);
    expect(await count()).toBe(before);
    const deleted = await post(
      site,
      `${url}/delete`,
      { _csrf: await token(url), confirm: '1' },
      admin.cookie,
    );
    expect(deleted.headers.location).toBe(`${LIST}?done=deleted`);
    expect(await count()).toBe(before - 1);
    expect((await get(site, url, admin.cookie)).statusCode).toBe(404);
    const rows = await site.services.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', '=', id)
      .execute();
    expect(rows).toHaveLength(0);
  });
});

describeEachDatabase('the webhooks pages without WEBHOOKS_ALLOW_PRIVATE', (getDb) => {
  let site: TestSite;
  let admin: TestUser;

  beforeAll(async () => {
    site = await createTestSite(getDb(), { PASSWORD_COST: '10', LOCALE: 'en' });
    admin = await signIn(site, 'admin', 'Ana Admin');
  });
  afterAll(async () => site.close());

  it('refuses a loopback or private target, in the reader’s language', async () => {
    for (const url of ['http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://192.168.1.5/']) {
      const form = await get(site, `${LIST}/new`, admin.cookie);
      const fields = { _csrf: tokenOf(form.body), name: 'Inside', url, events: 'article.published' };
      const res = await post(site, `${LIST}/new`, fields, admin.cookie);
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Addresses on the local or a private network are not allowed');
    }
    expect(await listWebhooks(site.services.db)).toEqual([]);
  });
});
