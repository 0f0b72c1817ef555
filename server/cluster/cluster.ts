/**
 * Scale-out: several `ramparts serve` processes behind a load balancer, sharing PostgreSQL (the
 * store and the ownership leases) and Redis (the Socket.IO Redis Streams adapter, so rooms span
 * processes and reconnecting sockets recover missed packets). Each exercise has one owner, the
 * process holding its lease; any process serves any seat: a socket on another process is attached
 * by the owner (room join and welcome travel through the same Redis stream as the later deltas,
 * so they arrive in order), and its commands are forwarded to the owner with serverSideEmit. When
 * an owner dies its leases expire and the others adopt its exercises from the log.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Server } from 'socket.io';
import type { ActorT } from '../../engine/index.ts';
import { ERROR_CODES, PROTOCOL_VERSION, type CommandReply, type SyncReply, type SyncResult } from '../../protocol/index.ts';
import type { AudienceKey } from '../authority/audience.ts';
import type { ExerciseHost } from '../authority/host.ts';
import type { ExerciseManager } from '../authority/manager.ts';
import type { Logger } from '../ops/logger.ts';
import { SocketTransport, audienceRoom, exerciseRoom, seatRoom } from '../realtime/rooms.ts';
import type { RampartsServer, RampartsSocket, RemoteExercises, SocketData } from '../realtime/types.ts';
import type { PostgresStore } from '../store/postgres/postgres-store.ts';
import { LeaseTable } from './lease.ts';

export interface ClusterOptions {
  redisUrl: string;
  /** The PostgreSQL store every process shares (it holds the leases too). */
  store: PostgresStore;
  /** Redis stream shared by the processes of one deployment (default `ramparts`). */
  streamName?: string;
  /** Lease length; a dead owner's exercises are adopted after at most this long (default 10 s). */
  leaseMs?: number;
}

type Attach = Pick<SocketData, 'exerciseId' | 'seat' | 'role' | 'team' | 'audience' | 'lastSeq'> & { socketId: string };

const UNAVAILABLE = {
  ok: false as const,
  code: ERROR_CODES.UNAVAILABLE,
  message: 'the exercise owner is not answering (a process is taking it over, or Redis is unreachable); retry',
};

/**
 * Longest wait for the other processes' answers. The adapter gives up after 5 s once the request
 * is published, but the server count it asks Redis for first has no bound of its own when Redis
 * is down; a seat's command must get an answer either way.
 */
const ASK_BOUND_MS = 6_000;

/** What the cluster itself uses of its Redis client. */
interface RedisClient {
  readonly isReady: boolean;
  quit(): Promise<unknown>;
}

/**
 * The Redis client as the Streams adapter sees it. The adapter fires some commands without
 * waiting for them (PUBLISH of server-to-server messages, SET of recovery sessions, the server
 * count behind serverSideEmit); while Redis is down those reject, and one unobserved rejection
 * ends the process. Every promise a command returns is observed here (the adapter still sees the
 * rejection where it awaits). The client itself fails fast while disconnected (no offline
 * queue), so the owner's broadcasts reach its own sockets at once during an outage instead of
 * waiting in a queue; its duplicates (the stream reader, which retries at once on any error and
 * would spin without a queue, and the subscriber) keep the offline queue.
 */
function observed<T extends object>(client: T, duplicates: boolean): T {
  return new Proxy(client, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function' || key === 'constructor') return value;
      const method = value as (...args: unknown[]) => unknown;
      if (key === 'duplicate' && duplicates) {
        return (overrides?: object) => observed(method.call(target, { disableOfflineQueue: false, ...overrides }) as object, false);
      }
      return (...args: unknown[]) => {
        const result = method.apply(target, args);
        if (result instanceof Promise) result.catch(() => undefined);
        return result;
      };
    },
  });
}

export class Cluster implements RemoteExercises {
  readonly leases: LeaseTable;
  private manager: ExerciseManager | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly raw: Server;

  private constructor(
    private readonly io: RampartsServer,
    private readonly redis: RedisClient,
    options: ClusterOptions,
    private readonly logger: Logger,
  ) {
    this.leases = new LeaseTable(options.store.pool, `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`, options.leaseMs ?? 10_000);
    // Server-to-server events are untyped (RampartsServer declares none).
    this.raw = io as unknown as Server;
  }

  /** Connects to Redis and installs the Streams adapter on `io` (created with connection state recovery). */
  static async connect(io: RampartsServer, options: ClusterOptions, logger: Logger): Promise<Cluster> {
    const redis = createClient({ url: options.redisUrl, disableOfflineQueue: true });
    redis.on('error', (error: unknown) => logger.error('redis error', { error: String(error) }));
    await redis.connect();
    io.adapter(createAdapter(observed(redis, true) as unknown as Parameters<typeof createAdapter>[0], { streamName: options.streamName ?? 'ramparts' }));
    return new Cluster(io, redis, options, logger);
  }

  /**
   * The owner's transport: rooms span processes, and their sizes elsewhere are not known without
   * a round trip, so every audience counts as listened to (its view is always projected).
   */
  transport(): SocketTransport {
    const transport = new SocketTransport(this.io);
    transport.listeners = () => 1;
    return transport;
  }

  /** The manager's ownership hook. */
  claim(exerciseId: string): Promise<boolean> {
    return this.leases.claim(exerciseId);
  }

  /** Answers other processes about the exercises hosted here, and starts renewing and adopting. */
  start(manager: ExerciseManager): void {
    this.manager = manager;
    this.raw.on('ramparts:attach', (request: Attach, ack: (done: boolean) => void) => {
      const host = manager.host(request.exerciseId);
      if (host) this.attachHere(host, request);
      ack(Boolean(host));
    });
    this.raw.on('ramparts:command', (request: { exerciseId: string; actor: ActorT; body: unknown; key?: string }, ack: (reply: CommandReply | null) => void) => {
      const host = manager.host(request.exerciseId);
      if (!host) return ack(null);
      host.submit(request.actor, request.body, request.key).then(ack, () => ack({ ok: false, code: ERROR_CODES.INTERNAL, message: 'the owner failed on this command; it was not applied' }));
    });
    this.raw.on('ramparts:sync', (request: { exerciseId: string; audience: AudienceKey; lastSeq?: number }, ack: (reply: SyncResult | null) => void) => {
      const host = manager.host(request.exerciseId);
      if (!host?.sync(request.audience, request.lastSeq, ack)) ack(null);
    });
    const every = Math.max(100, Math.floor(this.leases.ttlMs / 3));
    this.timer = setInterval(() => void this.tick().catch((error: unknown) => this.logger.error('lease upkeep failed', { error: String(error) })), every);
  }

  attach(socket: RampartsSocket): void {
    const { exerciseId, seat, role, team, audience, lastSeq } = socket.data;
    const request: Attach = { exerciseId, seat, role, audience, socketId: socket.id, ...(team ? { team } : {}), ...(lastSeq !== undefined ? { lastSeq } : {}) };
    void this.ask<boolean>('ramparts:attach', request).then(async (answers) => {
      if (answers.some(Boolean)) return;
      const host = await this.adoptIfOrphan(exerciseId);
      if (host) this.attachHere(host, request);
      else socket.disconnect(true);
    });
  }

  async command(exerciseId: string, actor: ActorT, body: unknown, key?: string): Promise<CommandReply> {
    const reply = (await this.ask<CommandReply | null>('ramparts:command', { exerciseId, actor, body, ...(key !== undefined ? { key } : {}) })).find((r) => r);
    if (reply) return reply;
    const host = await this.adoptIfOrphan(exerciseId);
    return host ? host.submit(actor, body, key) : UNAVAILABLE;
  }

  async sync(exerciseId: string, audience: AudienceKey, lastSeq: number | undefined): Promise<SyncReply> {
    const reply = (await this.ask<SyncResult | null>('ramparts:sync', { exerciseId, audience, ...(lastSeq !== undefined ? { lastSeq } : {}) })).find((r) => r);
    return reply ?? UNAVAILABLE;
  }

  /** Stops upkeep, gives up this process's leases (after the manager closed) and disconnects Redis. */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.leases.releaseAll().catch(() => undefined);
    await this.redis.quit().catch(() => undefined);
  }

  /** Joins a socket (on any process) to its rooms and sends its welcome, from the owner. */
  private attachHere(host: ExerciseHost<unknown>, request: Attach): void {
    const { summary } = host.scenario;
    host.sync(request.audience, request.lastSeq, (sync) => {
      this.io.in(request.socketId).socketsJoin([audienceRoom(request.exerciseId, request.audience), exerciseRoom(request.exerciseId), seatRoom(request.exerciseId, request.seat)]);
      this.io.to(request.socketId).emit('welcome', {
        protocol: PROTOCOL_VERSION,
        exerciseId: request.exerciseId,
        scenario: { id: summary.id, title: summary.title },
        mode: host.record.mode,
        seat: { seat: request.seat, role: request.role, ...(request.team ? { team: request.team } : {}) },
        sync,
        notices: [...host.notices],
      });
    });
  }

  /** Renews this process's leases and adopts exercises whose owner stopped renewing. */
  private async tick(): Promise<void> {
    const manager = this.manager;
    if (!manager) return;
    const owned = manager.ids();
    const kept = await this.leases.renew(owned);
    for (const id of owned) {
      if (kept.has(id)) continue;
      // Another process owns it now (this one stalled past the lease): stop hosting it, so that
      // only the new owner answers; this process's appends would fail the log's seq check anyway.
      this.logger.error('lost the lease of an exercise hosted here; releasing it', { exerciseId: id });
      await manager.release(id);
    }
    for (const id of await this.leases.orphans()) await this.adoptIfOrphan(id);
  }

  private async adoptIfOrphan(exerciseId: string): Promise<ExerciseHost<unknown> | undefined> {
    const manager = this.manager;
    if (!manager) return undefined;
    const here = manager.host(exerciseId);
    if (here) return here;
    if (!(await this.leases.claim(exerciseId))) return undefined;
    if (!(await manager.adopt(exerciseId))) return undefined;
    this.logger.info('exercise taken over', { exerciseId, owner: this.leases.owner });
    return manager.host(exerciseId);
  }

  /**
   * Asks every other process (the adapter waits up to 5 s for all answers); a dead one answers
   * nothing, and while Redis is unreachable nobody can be asked: no answers, at once.
   */
  private ask<T>(event: string, payload: unknown): Promise<T[]> {
    if (!this.redis.isReady) return Promise.resolve([]);
    return new Promise((resolve) => {
      const bound = setTimeout(() => resolve([]), ASK_BOUND_MS);
      const ack = (_error: Error | null, answers: T[]) => {
        clearTimeout(bound);
        resolve(answers ?? []);
      };
      // Straight to the adapter (what Namespace.serverSideEmit does), to observe the promise it
      // returns: it rejects when Redis drops the server count request in flight, and
      // Namespace.serverSideEmit leaves that rejection unobserved (the process would end).
      const adapter = this.io.of('/').adapter as unknown as { serverSideEmit(packet: unknown[]): unknown };
      Promise.resolve(adapter.serverSideEmit([event, payload, ack])).catch(() => ack(null, []));
    });
  }
}
