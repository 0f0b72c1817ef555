/**
 * Starts a complete Ramparts server: the store, the bundled scenarios, every stored exercise
 * recovered, HTTP and Socket.IO on one port. `ramparts serve` and the tests call this.
 */
import { createServer, type RequestListener, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTICE_CODES } from '../protocol/index.ts';
import { createApp } from './app.ts';
import { Accounts } from './auth/accounts.ts';
import { OperatorCredential, resolveOperatorToken, type OperatorTokenSource } from './auth/operator.ts';
import { engineAdapter } from './authority/engine-adapter.ts';
import type { EnginePort } from './authority/engine-port.ts';
import { ExerciseManager } from './authority/manager.ts';
import { defaultConfig, type ServerConfig } from './config.ts';
import { systemClock } from './ops/clock.ts';
import { createLogger, type Logger } from './ops/logger.ts';
import { resolveMetricsToken } from './http/metrics-route.ts';
import { createMetrics } from './ops/metrics.ts';
import { createRefusalLog } from './ops/refusals.ts';
import { SocketTransport } from './realtime/rooms.ts';
import { bindRealtime, createSocketServer } from './realtime/socket-server.ts';
import type { RampartsServer } from './realtime/types.ts';
import { ScenarioCatalog } from './scenarios/catalog.ts';
import { FileAccountStore } from './store/accounts/file-accounts.ts';
import { ScenarioLibrary } from './scenarios/library.ts';
import { guardAuth, type LibraryAuth } from './http/library-auth.ts';
import { FileLibrary } from './store/file-library.ts';
import type { LibraryStore } from './store/library-types.ts';
import { FileStore } from './store/file-store.ts';
import type { ExerciseStore } from './store/types.ts';
import type { ClusterOptions } from './cluster/cluster.ts';

export interface RunningServer {
  /** `http://host:port` the server listens on (with 127.0.0.1 for a wildcard host). */
  url: string;
  port: number;
  manager: ExerciseManager;
  io: RampartsServer;
  http: HttpServer;
  store: ExerciseStore;
  /** The operators' library's store (scenario versions, exercise marks, audit trail, improvement plan). */
  library: LibraryStore;
  /**
   * Where the operator token came from; `token` only when this start made it (the command line
   * prints it once: it is never logged).
   */
  operator: { source: OperatorTokenSource; token?: string };
  /** Operator accounts and sessions (server/auth/accounts.ts). */
  accounts: Accounts;
  /**
   * When no operator account exists: the one-time link that creates the first administrator
   * (`<url>/#/setup/<token>`: in the fragment, which browsers never send; printed by the command line, never logged). It works once.
   */
  setupUrl?: string;
  /** Stops accepting, finishes queued commands, closes sockets and the store. */
  close(): Promise<void>;
}

export interface StartOptions {
  logger?: Logger;
  /** Another store backend (default: the file store in `config.dataDir`). */
  store?: ExerciseStore;
  /**
   * The library's store, in the same backend as `store` (PostgresLibrary beside a PostgresStore);
   * default: the file library in `config.dataDir`.
   */
  library?: LibraryStore;
  /** Who is asking the library (default: the server's guard, accounts or the operator token); tests may give roles to tokens. */
  libraryAuth?: LibraryAuth;
  engine?: EnginePort;
  /** Scale-out (server/cluster/): Redis adapter, exercise ownership leases, forwarding to owners. */
  cluster?: ClusterOptions;
  /** How many refusal lines per key per window before a flood is summarised (tests log every one). */
  refusalLog?: { windowMs?: number; linesPerWindow?: number };
}

export async function startServer(config: ServerConfig = defaultConfig(), options: StartOptions = {}): Promise<RunningServer> {
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const engine = options.engine ?? (engineAdapter as EnginePort);
  const metrics = createMetrics();
  const refusals = createRefusalLog({ logger, metrics, ...options.refusalLog });
  const operatorToken = await resolveOperatorToken({ configured: config.operatorToken, dataDir: config.dataDir });
  const operator = new OperatorCredential(operatorToken.token);
  const metricsToken = resolveMetricsToken(config.metricsToken);
  const store = options.store ?? (await FileStore.open(config.dataDir, { logger }));
  const accounts = new Accounts(store.accounts?.() ?? (await FileAccountStore.open(config.dataDir)), config.auth, logger, metrics);
  const catalog = await ScenarioCatalog.load(config.scenariosDir, engine, logger);
  const library = options.library ?? (await FileLibrary.open(config.dataDir));
  const scenarios = new ScenarioLibrary({ store: library, engine, catalog, clock: systemClock, logger });
  await scenarios.seedBundled();
  // Socket.IO wraps the server's request listener (it answers its own path and passes the rest
  // on), so the listener must exist before it attaches; the app, which needs `io`, comes after.
  let app: RequestListener = (_req, res) => void res.writeHead(503).end();
  const http = createServer((req, res) => app(req, res));
  const io = createSocketServer(http, config.allowedOrigins, config.allowedHosts, options.cluster ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true } } : {});
  const cluster = options.cluster ? await (await import('./cluster/cluster.ts')).Cluster.connect(io, options.cluster, logger) : undefined;
  const manager = new ExerciseManager({
    engine,
    store,
    catalog,
    metrics,
    logger,
    transport: cluster ? cluster.transport() : new SocketTransport(io),
    ...(cluster ? { ownership: cluster } : {}),
    clock: systemClock,
    options: {
      tickMs: config.realtime.tickMs,
      snapshotEvery: config.store.snapshotEvery,
      keepDeltas: config.deltas.keep,
      maxBatch: config.limits.maxBatch,
      heavyCostMs: config.deltas.heavyCostMs,
      heavyIntervalMs: config.deltas.heavyIntervalMs,
      quotas: config.quotas,
    },
  });
  await manager.recoverAll();
  cluster?.start(manager);
  bindRealtime(io, {
    manager,
    metrics,
    logger,
    refusals,
    rate: config.limits.socketRate,
    burst: config.limits.socketBurst,
    socketsPerSeat: config.limits.socketsPerSeat,
    ...(cluster ? { remote: cluster } : {}),
  });
  app = createApp({
    config,
    manager,
    catalog,
    engine,
    io,
    store,
    operator,
    metricsToken,
    accounts,
    metrics,
    logger,
    refusals,
    clock: systemClock,
    library: { auth: options.libraryAuth ?? guardAuth, scenarios, store: library },
    startedAt: systemClock.now(),
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(config.port, config.host, () => {
      http.off('error', reject);
      resolve();
    });
  });
  const { port } = http.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;
  const setupToken = await accounts.prepareSetup();
  logger.info('listening', { url, dataDir: config.dataDir, exercises: manager.size, scenarios: catalog.list().length, operatorToken: operatorToken.source });

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      io.emit('notice', { code: NOTICE_CODES.SHUTTING_DOWN, message: 'The server is shutting down; the page reconnects by itself.' });
      await manager.close();
      io.disconnectSockets(true);
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await cluster?.close();
      await store.close();
      refusals.close();
      logger.info('stopped');
    })());
  return {
    url,
    port,
    manager,
    io,
    http,
    store,
    library,
    close,
    accounts,
    ...(setupToken ? { setupUrl: `${url}/#/setup/${setupToken}` } : {}),
    operator: { source: operatorToken.source, ...(operatorToken.source === 'generated' ? { token: operatorToken.token } : {}) },
  };
}
