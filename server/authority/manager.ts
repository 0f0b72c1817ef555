/**
 * Every exercise this server hosts: creation (validated scenario, seats with tokens, durable
 * record), recovery of all stored exercises at start, seat authentication and token rotation.
 */
import { ERROR_CODES, type CreateExerciseRequest, type CreateExerciseResponse, type ErrorBody, type SeatLink } from '../../protocol/index.ts';
import { NOTICE_CODES } from '../../protocol/index.ts';
import { findByToken, hashToken, newExerciseId, newSeed, newToken } from '../auth/tokens.ts';
import type { ExerciseRecord, SeatRecord } from '../store/types.ts';
import { joinLink } from '../../protocol/index.ts';
import type { LoadedScenario } from './engine-port.ts';
import { ExerciseHost, type HostDeps } from './host.ts';
import type { Ledger } from './ledger.ts';
import { recoverState } from './recover.ts';
import { audiencesOf, issueSeats, seatsOf } from './seats.ts';

/**
 * The bundled scenarios by id, as the manager needs them (server/scenarios/catalog.ts reads them
 * from disk at start and is handed in): the authority does not depend on where they come from.
 */
export interface BundledScenarios {
  get(id: string): { text: string; scenario: LoadedScenario } | undefined;
}

export interface ManagerDeps<S> extends HostDeps<S> {
  catalog: BundledScenarios;
  /**
   * Several server processes sharing one store (scale-out): an exercise is hosted only by the
   * process whose claim (a lease) succeeds; the others authenticate its seats from the store and
   * forward to the owner. Absent: this process hosts every stored exercise.
   */
  ownership?: { claim(exerciseId: string): Promise<boolean> };
}

/** The notice every seat gets after a restart paused a running exercise. */
const RECOVERY_MESSAGE = 'The server restarted. The exercise is paused where it was; the controller resumes it.';

export class ExerciseManager<S = unknown> {
  private readonly hosts = new Map<string, ExerciseHost<S>>();

  constructor(private readonly deps: ManagerDeps<S>) {}

  get size(): number {
    return this.hosts.size;
  }

  host(id: string): ExerciseHost<S> | undefined {
    return this.hosts.get(id);
  }

  /** The ids of the exercises hosted here. */
  ids(): string[] {
    return [...this.hosts.keys()];
  }

  /** Loads every stored exercise (with ownership: every one this process claims); running real-time ones come back paused. */
  async recoverAll(): Promise<void> {
    for (const record of await this.deps.store.listExercises()) {
      if (this.deps.ownership && !(await this.deps.ownership.claim(record.id))) continue;
      await this.recoverOne(record);
    }
  }

  /** Hosts one stored exercise recovered from its log (start, or takeover after its owner died). */
  async adopt(exerciseId: string): Promise<boolean> {
    if (this.hosts.has(exerciseId)) return true;
    const record = await this.deps.store.getExercise(exerciseId);
    return record ? this.recoverOne(record) : false;
  }

  private async recoverOne(record: ExerciseRecord): Promise<boolean> {
    const { engine, store, logger } = this.deps;
    const loaded = engine.load(record.scenario.text, record.scenario.id);
    if (!loaded.ok) {
      logger.error('stored scenario no longer loads; exercise skipped', { exerciseId: record.id, first: loaded.diagnostics[0] });
      return false;
    }
    const started = this.deps.clock.now();
    const recovered = await recoverState(engine, store, record, loaded.scenario, logger);
    const host = this.startHost(record, loaded.scenario, recovered.state, recovered.revision, recovered.snapshotSeq, recovered.ledger);
    // Scale-out takeover: seats on other processes are still in their rooms; project every
    // audience now so the recovery pause below already reaches them as a delta (no gap).
    if (this.deps.ownership) for (const key of host.audiences) host.sync(key, undefined, () => undefined);
    const phase = engine.clock(recovered.state).phase;
    if (record.mode === 'realtime' && phase === 'running') {
      // Recorded as the system's pause (not the white cell's: nobody at the console paused), marked `recovery`.
      const reply = await host.submitInternal({ type: 'pause', actor: { role: 'system' } }, 'recovery');
      if (reply.ok) host.raiseNotice(NOTICE_CODES.RECOVERED_PAUSED, RECOVERY_MESSAGE);
      else logger.error('could not pause a recovered exercise', { exerciseId: record.id, code: reply.code, message: reply.message });
    } else if (phase === 'paused' && recovered.last?.reason === 'recovery') {
      host.raiseNotice(NOTICE_CODES.RECOVERED_PAUSED, RECOVERY_MESSAGE);
    }
    logger.info('exercise recovered', {
      exerciseId: record.id,
      seq: host.seq,
      fromSnapshot: recovered.snapshotSeq,
      ms: Math.round(this.deps.clock.now() - started),
      phase,
    });
    return true;
  }

  /** Creates an exercise from a bundled or uploaded scenario; the seat links are returned only here. */
  async create(request: CreateExerciseRequest): Promise<CreateExerciseResponse | ErrorBody> {
    const { engine, catalog } = this.deps;
    let scenario: LoadedScenario;
    let text: string;
    let source: ExerciseRecord['scenario']['source'];
    if (typeof request.scenario === 'string') {
      const bundled = catalog.get(request.scenario);
      if (!bundled) {
        return { ok: false, code: ERROR_CODES.NOT_FOUND, message: `no bundled scenario "${request.scenario}"; GET /api/scenarios lists them` };
      }
      ({ scenario, text } = bundled);
      source = 'bundled';
    } else {
      const loaded = engine.load(request.scenario.text, request.scenario.name ?? 'upload');
      if (!loaded.ok) {
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
        return { ok: false, code: ERROR_CODES.INVALID_SCENARIO, message: `the scenario has ${errors} error(s); see diagnostics`, diagnostics: loaded.diagnostics };
      }
      scenario = loaded.scenario;
      text = request.scenario.text;
      source = 'upload';
    }
    return this.createLoaded({ scenario, text, source, mode: request.mode, seed: request.seed });
  }

  /**
   * Creates an exercise from a scenario the caller has loaded (the library's versions): the same
   * creation as `create`, with the record naming where the text came from.
   */
  async createLoaded(from: {
    scenario: LoadedScenario;
    text: string;
    source: ExerciseRecord['scenario']['source'];
    version?: number;
    mode: CreateExerciseRequest['mode'];
    seed?: number | undefined;
  }): Promise<CreateExerciseResponse | ErrorBody> {
    const { engine, store, logger } = this.deps;
    const { scenario, text, source } = from;
    const request = { mode: from.mode, seed: from.seed };
    const { summary } = scenario;
    if (!summary.modes.includes(request.mode)) {
      return { ok: false, code: ERROR_CODES.BAD_MODE, message: `scenario "${summary.id}" allows modes ${summary.modes.join(', ')}, not ${request.mode}` };
    }
    const id = newExerciseId();
    // A secret seed unless the controller chose one: the scenario's default seed serves headless
    // runs only (anyone holding the scenario file could run a live exercise ahead with it).
    const seed = request.seed ?? newSeed();
    const record: ExerciseRecord = {
      id,
      createdAt: this.deps.clock.timestamp(),
      seed,
      mode: request.mode,
      scenario: { id: summary.id, title: summary.title, text, source, ...(from.version === undefined ? {} : { version: from.version }) },
    };
    const { links, records } = issueSeats(id, seatsOf(summary));
    // A fresh id: the claim succeeds; made before the record exists so no other process adopts it.
    if (this.deps.ownership && !(await this.deps.ownership.claim(id))) throw new Error(`could not claim new exercise ${id}`);
    await store.createExercise(record, records);
    this.startHost(record, scenario, engine.create(scenario, seed, request.mode), 0, 0);
    // The seed is not logged: it is the white cell's secret (it is in the exercise's record and log).
    logger.info('exercise created', { exerciseId: id, scenario: summary.id, mode: request.mode, seedChosen: request.seed !== undefined, seats: links.length });
    return { ok: true, exerciseId: id, scenario: { id: summary.id, title: summary.title }, mode: request.mode, seed, seats: links };
  }

  /** The seat a token opens in an exercise, or undefined (unknown exercise or token). */
  async authenticate(exerciseId: string, token: string): Promise<SeatRecord | undefined> {
    // With ownership, another process may host it: the seats in the shared store decide.
    if (!this.hosts.has(exerciseId) && !(this.deps.ownership && (await this.deps.store.getExercise(exerciseId)))) return undefined;
    return findByToken(await this.deps.store.getSeats(exerciseId), token);
  }

  async seats(exerciseId: string): Promise<SeatRecord[]> {
    return this.deps.store.getSeats(exerciseId);
  }

  /** Gives a seat a new token (the old one stops working for new connections) and returns its link. */
  async rotateToken(exerciseId: string, seat: string): Promise<SeatLink | undefined> {
    const record = (await this.deps.store.getSeats(exerciseId)).find((s) => s.seat === seat);
    if (!record) return undefined;
    const token = newToken();
    await this.deps.store.setSeatToken(exerciseId, seat, hashToken(token));
    const { tokenHash: _drop, ...info } = record;
    return { ...info, token, link: joinLink(exerciseId, token) };
  }

  /** Revokes a seat's link: its token is replaced by one nobody holds. Whether the seat exists. */
  async revokeToken(exerciseId: string, seat: string): Promise<boolean> {
    if (!(await this.deps.store.getSeats(exerciseId)).some((s) => s.seat === seat)) return false;
    await this.deps.store.setSeatToken(exerciseId, seat, hashToken(newToken()));
    return true;
  }

  /** Stops hosting an exercise and removes it from the store (the library's delete); whether there was one. */
  async remove(exerciseId: string): Promise<boolean> {
    await this.release(exerciseId);
    return this.deps.store.deleteExercise(exerciseId);
  }

  /** Stops hosting an exercise here (scale-out: its lease moved to another process); the store keeps it. */
  async release(exerciseId: string): Promise<void> {
    const host = this.hosts.get(exerciseId);
    if (!host) return;
    this.hosts.delete(exerciseId);
    this.deps.metrics.exercises.set(this.hosts.size);
    await host.close();
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((h) => h.close()));
    this.hosts.clear();
    this.deps.metrics.exercises.set(0);
  }

  private startHost(record: ExerciseRecord, scenario: LoadedScenario, state: S, revision: number, snapshotSeq: number, ledger?: Ledger): ExerciseHost<S> {
    const host = new ExerciseHost(this.deps, record, scenario, audiencesOf(scenario.summary), state, revision, snapshotSeq, ledger);
    this.hosts.set(record.id, host);
    this.deps.metrics.exercises.set(this.hosts.size);
    return host;
  }
}
