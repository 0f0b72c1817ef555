/**
 * A read-only TAXII 2.1 server per exercise, so that a team's own threat intelligence platform (MISP,
 * OpenCTI) can poll what the team received during the exercise. Mounted at /taxii2/:
 *
 *   GET /taxii2/                                           Discovery (section 4.1)
 *   GET /taxii2/:exercise/                                 API Root (4.2)
 *   GET /taxii2/:exercise/collections/                     Collections (5.1)
 *   GET /taxii2/:exercise/collections/:id/                 Collection (5.2)
 *   GET /taxii2/:exercise/collections/:id/manifest/        Manifest (5.3)
 *   GET /taxii2/:exercise/collections/:id/objects/         Objects (5.4), paged by added_after/next/limit
 *   GET /taxii2/:exercise/collections/:id/objects/:obj/    Object (5.5)
 *   GET /taxii2/:exercise/collections/:id/objects/:obj/versions/   Object versions (5.8)
 *
 * Writing (5.4 POST, 5.7 DELETE) is refused with 403: the collections are not writable (can_write
 * false). Every request is authenticated by a seat token of the exercise (Authorization: Bearer); a
 * blue seat sees its own team's collection only, the controller and evaluators every team's, the red
 * cell none. Another team's collection answers exactly as one that does not exist (404, same body).
 * The collections are built by replaying the exercise's log (see feed.ts); a replay is kept per
 * exercise until its log changes.
 */
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { loadExercise, logFromFile, type ExerciseRecord } from '../../interchange/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { SeatRecord } from '../store/types.ts';
import { bearerToken, route } from '../http/reply.ts';
import { teamCollection, type FeedObject, type TeamCollection } from './feed.ts';
import { acceptsTaxii, isTaxiiContent, TAXII_MEDIA, STIX_MEDIA } from './media.ts';

export interface TaxiiDeps {
  manager: ExerciseManager;
  /** The exercise's log as text, or undefined when there is no such exercise. */
  logText(id: string): Promise<string | undefined>;
}

/** The most objects one page holds (a client's `limit` is capped to it, section 3.4). */
export const PAGE_LIMIT = 1000;

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A TAXII error message (section 3.6.1) with its status. */
function fail(res: Response, status: number, title: string, description?: string): void {
  send(res, status, { title, ...(description ? { description } : {}), http_status: String(status) });
}

function reply(res: Response, body: unknown, headers: Record<string, string> = {}): void {
  send(res, 200, body, headers);
}

/** Written with Node's own calls: Express would rewrite the media type (spaces, a charset) that TAXII clients compare. */
function send(res: Response, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('Content-Type', TAXII_MEDIA);
  res.setHeader('Cache-Control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(JSON.stringify(body));
}

const NOT_FOUND = 'the collection does not exist';

export function taxiiRouter(deps: TaxiiDeps): Router {
  const router = Router({ strict: true });
  const cache = new Map<string, { key: string; x: ExerciseRecord }>();

  /** Content negotiation before anything (section 1.6.8): 406 when TAXII 2.1 JSON is not acceptable. */
  router.use((req, res, next) => {
    if (!acceptsTaxii(req.get('accept'))) return fail(res, 406, 'Not Acceptable', `this server answers ${TAXII_MEDIA} only`);
    next();
  });

  /** The seat of the bearer token in the exercise, or a 401 already sent. */
  async function seatOf(req: Request, res: Response, id: string): Promise<SeatRecord | undefined> {
    const token = bearerToken(req);
    const seat = token !== undefined && ID.test(id) ? await deps.manager.authenticate(id, token) : undefined;
    if (!seat) {
      res.set('WWW-Authenticate', 'Bearer realm="ramparts-taxii"');
      fail(res, 401, 'Unauthorized', 'send a seat token of this exercise as "Authorization: Bearer <token>"');
      return undefined;
    }
    return seat;
  }

  /** The exercise replayed at its current log (kept until the log changes). */
  async function exercise(id: string): Promise<ExerciseRecord | undefined> {
    const text = await deps.logText(id);
    if (text === undefined) return undefined;
    const key = `${text.length}:${nativeSha256Hex(text)}`;
    const hit = cache.get(id);
    if (hit?.key === key) return hit.x;
    const opened = logFromFile(text);
    const loaded = opened.ok ? loadExercise(opened.log) : undefined;
    if (!loaded?.ok) return undefined;
    cache.set(id, { key, x: loaded.exercise });
    return loaded.exercise;
  }

  /** The collections this seat may read. */
  function collections(x: ExerciseRecord, id: string, seat: SeatRecord): TeamCollection[] {
    const teams = seat.role === 'blue' ? (seat.team === undefined ? [] : [seat.team]) : seat.role === 'white' || seat.role === 'evaluator' ? x.state.scenario.blue.map((b) => b.id) : [];
    return teams.map((t) => teamCollection(x, id, t)).filter((c): c is TeamCollection => c !== undefined);
  }

  const describe = (c: TeamCollection) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    can_read: true,
    can_write: false,
    media_types: [STIX_MEDIA],
  });

  /** The seat, the exercise and the collection of the path, or an error already sent. */
  async function collectionOf(req: Request, res: Response): Promise<{ c: TeamCollection } | undefined> {
    const id = String(req.params.exercise);
    const seat = await seatOf(req, res, id);
    if (!seat) return undefined;
    const x = await exercise(id);
    if (!x) return void fail(res, 404, 'Not Found', 'no such API root');
    const c = collections(x, id, seat).find((k) => k.id === String(req.params.collection));
    if (!c) return void fail(res, 404, 'Not Found', NOT_FOUND);
    return { c };
  }

  router.get(
    '/',
    route(async (req, res) => {
      // Discovery lists the API root of each exercise hosted here that the bearer's token opens.
      const token = bearerToken(req);
      if (token === undefined) {
        res.set('WWW-Authenticate', 'Bearer realm="ramparts-taxii"');
        return fail(res, 401, 'Unauthorized', 'send a seat token as "Authorization: Bearer <token>"');
      }
      const roots: string[] = [];
      for (const id of deps.manager.ids()) if (await deps.manager.authenticate(id, token)) roots.push(`/taxii2/${id}/`);
      if (roots.length === 0) {
        res.set('WWW-Authenticate', 'Bearer realm="ramparts-taxii"');
        return fail(res, 401, 'Unauthorized', 'no exercise hosted here knows this token');
      }
      reply(res, {
        title: 'Ramparts exercise intelligence',
        description: 'What each team received during a Ramparts exercise, as STIX 2.1 (exercise data, labelled exercise).',
        default: roots[0],
        api_roots: roots,
      });
    }),
  );

  router.get(
    '/:exercise/',
    route(async (req, res) => {
      const id = String(req.params.exercise);
      if (!(await seatOf(req, res, id))) return;
      const x = await exercise(id);
      if (!x) return fail(res, 404, 'Not Found', 'no such API root');
      reply(res, { title: `Ramparts exercise ${id}`, description: 'One collection per blue team.', versions: [TAXII_MEDIA], max_content_length: 0 });
    }),
  );

  router.get(
    '/:exercise/collections/',
    route(async (req, res) => {
      const id = String(req.params.exercise);
      const seat = await seatOf(req, res, id);
      if (!seat) return;
      const x = await exercise(id);
      if (!x) return fail(res, 404, 'Not Found', 'no such API root');
      const list = collections(x, id, seat);
      reply(res, list.length === 0 ? {} : { collections: list.map(describe) });
    }),
  );

  router.get(
    '/:exercise/collections/:collection/',
    route(async (req, res) => {
      const found = await collectionOf(req, res);
      if (found) reply(res, describe(found.c));
    }),
  );

  router.get(
    '/:exercise/collections/:collection/manifest/',
    route(async (req, res) => {
      const found = await collectionOf(req, res);
      if (!found) return;
      const page = paged(req, res, found.c.objects);
      if (!page) return;
      sendPage(res, page, (o) => ({ id: o.object.id, date_added: iso(o.added), version: o.version, media_type: STIX_MEDIA }), 'objects');
    }),
  );

  router.get(
    '/:exercise/collections/:collection/objects/',
    route(async (req, res) => {
      const found = await collectionOf(req, res);
      if (!found) return;
      const page = paged(req, res, found.c.objects);
      if (page) sendPage(res, page, (o) => o.object, 'objects');
    }),
  );

  router.get(
    '/:exercise/collections/:collection/objects/:object/',
    route(async (req, res) => {
      const found = await collectionOf(req, res);
      if (!found) return;
      const mine = found.c.objects.filter((o) => o.object.id === String(req.params.object));
      if (mine.length === 0) return fail(res, 404, 'Not Found', 'the object does not exist in this collection');
      const page = paged(req, res, mine);
      if (page) sendPage(res, page, (o) => o.object, 'objects');
    }),
  );

  router.get(
    '/:exercise/collections/:collection/objects/:object/versions/',
    route(async (req, res) => {
      const found = await collectionOf(req, res);
      if (!found) return;
      const mine = found.c.objects.filter((o) => o.object.id === String(req.params.object));
      if (mine.length === 0) return fail(res, 404, 'Not Found', 'the object does not exist in this collection');
      const page = paged(req, res, mine);
      if (page) sendPage(res, page, (o) => o.version, 'versions');
    }),
  );

  // Read-only: adding and deleting objects are refused (a body of another type first, with 415).
  const readOnly: RequestHandler = (req, res) => {
    if (req.method === 'POST' && !isTaxiiContent(req.get('content-type'))) return fail(res, 415, 'Unsupported Media Type', `send ${TAXII_MEDIA}`);
    fail(res, 403, 'Forbidden', 'the collections of an exercise are read-only (can_write is false)');
  };
  router.post('/:exercise/collections/:collection/objects/', readOnly);
  router.delete('/:exercise/collections/:collection/objects/:object/', readOnly);
  router.use((_req, res) => fail(res, 404, 'Not Found', 'no such TAXII endpoint'));
  return router;
}

const iso = (ms: number): string => new Date(ms).toISOString();

interface Page {
  items: FeedObject[];
  more: boolean;
  next?: string;
}

/**
 * Filtering and paging of a list of objects (sections 3.4 and 3.5): added_after (exclusive), the
 * match[id|type|version|spec_version] filters, limit (capped to PAGE_LIMIT) and next (the offset of
 * the next page, opaque to clients). Sends 400 and answers undefined for a malformed parameter.
 */
function paged(req: Request, res: Response, all: readonly FeedObject[]): Page | undefined {
  const q = req.query as Record<string, unknown>;
  const one = (name: string): string | undefined | null => (q[name] === undefined ? undefined : typeof q[name] === 'string' ? q[name] : null);
  const match = (name: string): string[] | null | undefined => {
    const v = one(`match[${name}]`) ?? (q.match && typeof q.match === 'object' ? (q.match as Record<string, unknown>)[name] : undefined);
    if (v === undefined) return undefined;
    return typeof v === 'string' ? v.split(',') : null;
  };
  const after = one('added_after');
  const limit = one('limit');
  const next = one('next');
  const afterMs = after === undefined ? undefined : after === null ? NaN : Date.parse(after);
  if (afterMs !== undefined && !Number.isFinite(afterMs)) return void fail(res, 400, 'Bad Request', 'added_after: give a timestamp such as 2026-11-19T05:00:00.000Z');
  const size = limit === undefined ? PAGE_LIMIT : limit === null || !/^[1-9]\d{0,8}$/.test(limit) ? NaN : Math.min(PAGE_LIMIT, Number(limit));
  if (!Number.isFinite(size)) return void fail(res, 400, 'Bad Request', 'limit: give a positive whole number');
  const from = next === undefined ? 0 : next === null || !/^\d{1,9}$/.test(next) ? NaN : Number(next);
  if (!Number.isFinite(from)) return void fail(res, 400, 'Bad Request', "next: give the value of the last page's next");
  const ids = match('id');
  const types = match('type');
  const versions = match('version');
  const specs = match('spec_version');
  if (ids === null || types === null || versions === null || specs === null) return void fail(res, 400, 'Bad Request', 'give each match[] filter once, values separated by commas');
  const list = all.filter(
    (o) =>
      (afterMs === undefined || o.added > afterMs) &&
      (ids === undefined || ids.includes(o.object.id)) &&
      (types === undefined || types.includes(o.object.type)) &&
      // One version per object is kept (the latest): last, first and all name it, a timestamp must equal it.
      (versions === undefined || versions.some((v) => v === 'last' || v === 'first' || v === 'all' || v === o.version)) &&
      (specs === undefined || specs.includes(String(o.object.spec_version ?? '2.1'))),
  );
  const items = list.slice(from, from + size);
  const more = from + items.length < list.length;
  return { items, more, ...(more ? { next: String(from + items.length) } : {}) };
}

function sendPage<T>(res: Response, page: Page, map: (o: FeedObject) => T, key: 'objects' | 'versions'): void {
  const first = page.items[0];
  const last = page.items[page.items.length - 1];
  const headers: Record<string, string> = first && last ? { 'X-TAXII-Date-Added-First': iso(first.added), 'X-TAXII-Date-Added-Last': iso(last.added) } : {};
  reply(res, page.items.length === 0 ? {} : { more: page.more, ...(page.next ? { next: page.next } : {}), [key]: page.items.map(map) }, headers);
}
