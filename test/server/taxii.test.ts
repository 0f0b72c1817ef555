/**
 * The TAXII 2.1 feed of an exercise, on a real server, checked against the TAXII 2.1 specification
 * (OASIS Standard, 10 June 2021) and the OASIS STIX 2.1 JSON schemas. Sections checked:
 * - 1.6.8 content negotiation: responses are application/taxii+json;version=2.1; 406 for an Accept
 *   that admits no TAXII 2.1 JSON; 415 for a POST body of another type;
 * - 1.6.8.1/3.6.1 errors are TAXII error messages (title, http_status) with that media type;
 * - 3.4 pagination: limit, next/more, X-TAXII-Date-Added-First and -Last on each page;
 * - 3.5 filtering: added_after (exclusive), match[type], match[id], match[version];
 * - 3.7 envelope (more, next, objects), an empty envelope for no objects;
 * - 4.1 discovery (title, default, api_roots), 4.2 API root (title, versions, max_content_length);
 * - 5.1/5.2 collections (id, title, can_read true, can_write false, media_types);
 * - 5.3 manifest (id, date_added, version, media_type), 5.4 objects, 5.5 object by id, 5.8 versions;
 * - 5.4 (POST) and 5.7 (DELETE) on a collection that cannot be written: 403;
 * - 1.6.6 authentication: 401 with WWW-Authenticate without a valid token of the exercise.
 * And the exercise's rules: a blue seat sees only its own collection (another team's answers exactly
 * like one that does not exist), a collection holds only what its team received (each report it holds
 * was sent or received by the team), every object valid against the STIX 2.1 schemas with a TLP 2.0
 * marking, ids stable from one poll to the next while the exercise goes on.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../interchange/helpers.ts';
import type { CreateExerciseResponse } from '../../protocol/index.ts';
import { TEST_OPERATOR_TOKEN, api, startTestServer, type TestServer } from './helpers.ts';
import { stixValidator } from '../interchange/exports/shared.ts';

const TAXII = 'application/taxii+json;version=2.1';
let server: TestServer;
let ex: CreateExerciseResponse;
const tokenOf = (seat: string) => ex.seats.find((s) => s.seat === seat)!.token;

async function taxii(path: string, token?: string, init: { accept?: string; method?: string; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = { accept: init.accept ?? TAXII };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.type) headers['content-type'] = init.type;
  const res = await fetch(`${server.url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: init.body }) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text === '' ? undefined : (JSON.parse(text) as Record<string, any>) };
}

const share = (_team: string, partners: string[], title: string, indicators: string[], tlp: string) => ({
  type: 'share-intel',
  partners,
  report: { title, text: `${title}.`, indicators, technique: 'T1566.001', tlp },
});

beforeAll(async () => {
  server = await startTestServer();
  // The flagship, played as a tabletop so that the test moves its clock.
  const flagship = readFileSync(join(repoRoot, 'scenarios/gulf-shield.yaml'), 'utf8').replace('modes: [realtime, headless]', 'modes: [realtime, tabletop, headless]');
  const created = await api<CreateExerciseResponse>(server.url, 'POST', '/api/exercises', { scenario: { text: flagship }, mode: 'tabletop', seed: 7 }, TEST_OPERATOR_TOKEN);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  ex = created.body;
  const host = server.manager.host(ex.exerciseId)!;
  const ok = async (actor: object, command: object) => expect(await host.submit(actor as never, command as never)).toMatchObject({ ok: true });
  await ok({ role: 'white' }, { type: 'start' });
  await ok({ role: 'white' }, { type: 'advance', to: 600_000 });
  await ok({ role: 'blue', team: 'xs' }, share('xs', ['xr'], 'Lure sender seen', ['lure@example.invalid', '198.51.100.7'], 'AMBER'));
  await ok({ role: 'white' }, { type: 'advance', to: 1_200_000 });
  await ok({ role: 'blue', team: 'xm' }, share('xm', ['xz'], 'C2 domain', ['c2.example.invalid'], 'GREEN'));
  await ok({ role: 'blue', team: 'xs' }, share('xs', ['xr', 'xz'], 'Dropper hash', ['d41d8cd98f00b204e9800998ecf8427e', '198.51.100.7'], 'AMBER+STRICT'));
});
afterAll(async () => server?.dispose());

const root = () => `/taxii2/${ex.exerciseId}/`;

describe('TAXII 2.1 discovery, API root and collections', () => {
  it('answers discovery and the API root in TAXII JSON to a seat token (4.1, 4.2, 1.6.8)', async () => {
    const d = await taxii('/taxii2/', tokenOf('blue:xs'));
    expect(d.status).toBe(200);
    expect(d.headers.get('content-type')).toBe(TAXII);
    expect(d.body).toMatchObject({ title: expect.any(String), default: root(), api_roots: [root()] });
    const r = await taxii(root(), tokenOf('blue:xs'));
    expect(r.body).toMatchObject({ title: expect.any(String), versions: [TAXII], max_content_length: expect.any(Number) });
  });

  it('refuses without a valid token (401 with WWW-Authenticate), an unacceptable Accept (406), writes (415, 403)', async () => {
    for (const token of [undefined, 'x'.repeat(43), tokenOf('blue:xs').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'))]) {
      const r = await taxii(root(), token);
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(r.headers.get('content-type')).toBe(TAXII);
      expect(r.body).toMatchObject({ title: 'Unauthorized', http_status: '401' });
    }
    expect((await taxii(root(), tokenOf('blue:xs'), { accept: 'application/json' })).status).toBe(406);
    expect((await taxii(root(), tokenOf('blue:xs'), { accept: 'application/taxii+json;version=2.0' })).status).toBe(406);
    expect((await taxii(root(), tokenOf('blue:xs'), { accept: 'application/taxii+json' })).status).toBe(200);
    const cs = (await taxii(`${root()}collections/`, tokenOf('blue:xs'))).body!.collections as { id: string }[];
    const objects = `${root()}collections/${cs[0]!.id}/objects/`;
    expect((await taxii(objects, tokenOf('blue:xs'), { method: 'POST', body: '{}', type: 'application/json' })).status).toBe(415);
    const post = await taxii(objects, tokenOf('blue:xs'), { method: 'POST', body: '{"objects":[]}', type: TAXII });
    expect(post).toMatchObject({ status: 403, body: { http_status: '403' } });
  });

  it("gives a blue seat its own collection only; another team's answers exactly like none (5.1, 5.2)", async () => {
    const mine = await taxii(`${root()}collections/`, tokenOf('blue:xs'));
    expect(mine.body!.collections).toHaveLength(1);
    expect(mine.body!.collections[0]).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: expect.any(String),
      can_read: true,
      can_write: false,
      media_types: ['application/stix+json;version=2.1'],
    });
    const all = (await taxii(`${root()}collections/`, tokenOf('evaluator'))).body!.collections as { id: string; title: string }[];
    expect(all).toHaveLength(5);
    expect((await taxii(`${root()}collections/`, tokenOf('red'))).body).toEqual({});
    const other = all.find((c) => c.id !== mine.body!.collections[0].id)!;
    const theirs = await taxii(`${root()}collections/${other.id}/objects/`, tokenOf('blue:xs'));
    const none = await taxii(`${root()}collections/00000000-0000-5000-8000-000000000000/objects/`, tokenOf('blue:xs'));
    expect(theirs.status).toBe(404);
    expect(theirs.text).toBe(none.text);
    expect([...theirs.headers.entries()].filter(([k]) => k !== 'date')).toEqual([...none.headers.entries()].filter(([k]) => k !== 'date'));
  });
});

describe('TAXII 2.1 objects', () => {
  const collectionOf = async (seat: string) => ((await taxii(`${root()}collections/`, tokenOf(seat))).body!.collections as { id: string }[])[0]!.id;

  it('holds only what the team received, valid STIX 2.1 with TLP 2.0 markings (5.4, STIX schemas)', async () => {
    const { ajv, schemaFor } = stixValidator();
    const seen: Record<string, string[]> = {};
    for (const team of ['xs', 'xr', 'xn', 'xm', 'xz']) {
      const r = await taxii(`${root()}collections/${await collectionOf(`blue:${team}`)}/objects/`, tokenOf(`blue:${team}`));
      expect(r.status).toBe(200);
      const objects = (r.body?.objects ?? []) as Record<string, any>[];
      for (const o of objects) {
        const ok = ajv.validate(schemaFor(o.type), o);
        expect(ok, `${o.type} ${o.id}: ${ajv.errorsText()}`).toBe(true);
        if (o.type !== 'marking-definition') expect(o.object_marking_refs?.length, o.id).toBeGreaterThan(0);
      }
      seen[team] = objects
        .filter((o) => o.type === 'report')
        .map((o) => String(o.name))
        .sort();
      // Every indicator value it holds came in a report it sent or received.
      const text = JSON.stringify(objects);
      if (team !== 'xm' && team !== 'xz') expect(text).not.toContain('c2.example.invalid');
    }
    expect(seen.xs).toEqual(['[EXERCISE] Dropper hash', '[EXERCISE] Lure sender seen']);
    expect(seen.xr).toEqual(['[EXERCISE] Dropper hash', '[EXERCISE] Lure sender seen']);
    expect(seen.xz).toEqual(['[EXERCISE] C2 domain', '[EXERCISE] Dropper hash']);
    expect(seen.xm).toEqual(['[EXERCISE] C2 domain']);
    expect(seen.xn).toEqual([]);
  });

  it('pages by limit and next with the date-added headers, filters by added_after, type, id and version (3.4, 3.5, 3.7)', async () => {
    const c = await collectionOf('blue:xz');
    const base = `${root()}collections/${c}/objects/`;
    const all = (await taxii(base, tokenOf('blue:xz'))).body!.objects as { id: string; type: string }[];
    const got: string[] = [];
    let next: string | undefined;
    let lastAdded = '';
    do {
      const r = await taxii(`${base}?limit=2${next ? `&next=${next}` : ''}`, tokenOf('blue:xz'));
      expect(r.status).toBe(200);
      const first = r.headers.get('x-taxii-date-added-first')!;
      const last = r.headers.get('x-taxii-date-added-last')!;
      expect(Date.parse(first)).toBeLessThanOrEqual(Date.parse(last));
      expect(first >= lastAdded).toBe(true);
      lastAdded = last;
      got.push(...(r.body!.objects as { id: string }[]).map((o) => o.id));
      expect(r.body!.objects.length).toBeLessThanOrEqual(2);
      next = r.body!.more ? r.body!.next : undefined;
      if (r.body!.more) expect(typeof r.body!.next).toBe('string');
    } while (next);
    expect(got).toEqual(all.map((o) => o.id));
    const manifest = (await taxii(`${root()}collections/${c}/manifest/`, tokenOf('blue:xz'))).body!.objects as { id: string; date_added: string; version: string; media_type: string }[];
    expect(manifest.map((m) => m.id)).toEqual(all.map((o) => o.id));
    const cut = manifest.find((m) => m.date_added !== manifest[0]!.date_added)!;
    const after = await taxii(`${base}?added_after=${encodeURIComponent(manifest[0]!.date_added)}`, tokenOf('blue:xz'));
    expect((after.body!.objects as { id: string }[]).map((o) => o.id)).toEqual(manifest.filter((m) => m.date_added > manifest[0]!.date_added).map((m) => m.id));
    expect(cut).toBeDefined();
    const latest = manifest[manifest.length - 1]!.date_added;
    expect(await taxii(`${base}?added_after=${encodeURIComponent(latest)}`, tokenOf('blue:xz')).then((r) => r.body)).toEqual({});
    const reports = (await taxii(`${base}?match[type]=report`, tokenOf('blue:xz'))).body!.objects as { type: string }[];
    expect(reports.map((o) => o.type)).toEqual(['report', 'report']);
    const one = all.find((o) => o.type === 'indicator')!;
    expect((await taxii(`${base}?match[id]=${one.id}`, tokenOf('blue:xz'))).body!.objects).toHaveLength(1);
    const obj = await taxii(`${base}${one.id}/`, tokenOf('blue:xz'));
    expect(obj.body!.objects).toEqual([all.find((o) => o.id === one.id)]);
    const versions = await taxii(`${base}${one.id}/versions/`, tokenOf('blue:xz'));
    expect(versions.body).toMatchObject({ more: false, versions: [manifest.find((m) => m.id === one.id)!.version] });
    expect((await taxii(`${base}?added_after=yesterday`, tokenOf('blue:xz'))).status).toBe(400);
    expect((await taxii(`${base}indicator--00000000-0000-4000-8000-000000000000/`, tokenOf('blue:xz'))).status).toBe(404);
    expect((await taxii(`${base}${one.id}/`, tokenOf('blue:xz'), { method: 'DELETE' })).status).toBe(403);
  });

  it('keeps ids while the exercise goes on, and a later report arrives after the last poll', async () => {
    const c = await collectionOf('blue:xr');
    const base = `${root()}collections/${c}/objects/`;
    const before = await taxii(base, tokenOf('blue:xr'));
    const last = before.headers.get('x-taxii-date-added-last')!;
    const host = server.manager.host(ex.exerciseId)!;
    expect(await host.submit({ role: 'white' }, { type: 'advance', to: 1_800_000 } as never)).toMatchObject({ ok: true });
    expect(await host.submit({ role: 'blue', team: 'xn' } as never, share('xn', ['xr'], 'Scheduled task name', ['svc-update'], 'GREEN') as never)).toMatchObject({ ok: true });
    const after = await taxii(base, tokenOf('blue:xr'));
    const ids = new Set((after.body!.objects as { id: string }[]).map((o) => o.id));
    for (const o of before.body!.objects as { id: string }[]) expect(ids.has(o.id), o.id).toBe(true);
    const fresh = await taxii(`${base}?added_after=${encodeURIComponent(last)}`, tokenOf('blue:xr'));
    const names = (fresh.body!.objects as { type: string; name?: string }[]).filter((o) => o.type === 'report').map((o) => o.name);
    expect(names).toEqual(['[EXERCISE] Scheduled task name']);
  });
});
