/**
 * Every input the engine accepts. Commands are data: the server validates them against these schemas
 * (with the sender's seat filled in by the server, never by the client), records them in the log, and
 * the engine folds them with `step`. Replay is the same fold over the recorded commands.
 */
import { z } from 'zod';
import { CHANNELS, Id, InjectEvaluation, LocalText, RATINGS, SEVERITIES, Tlp } from '../scenario/schema/index.ts';
import { upgradeInject } from '../scenario/upgrade.ts';
import { MAX_SIM_TIME } from '../time/duration.ts';
const SimTime = z.int().min(0).max(MAX_SIM_TIME).meta({ description: 'Simulated milliseconds from T+0.' });
const FreeText = z.string().max(20_000);

/** Who sent a command. Set by the server from the socket's seat; commands from the log keep it. */
export const Actor = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('white') }),
  z.strictObject({ role: z.literal('red') }),
  z.strictObject({ role: z.literal('evaluator'), name: z.string().max(120).optional() }),
  z.strictObject({ role: z.literal('blue'), team: Id }),
  z.strictObject({ role: z.literal('system') }),
]);

export const ActionTarget = z.strictObject({
  node: Id.optional(),
  segment: Id.optional(),
  indicator: z.string().min(1).max(2048).optional().meta({ description: 'Indicator value (as seen in alerts or intel).' }),
  team: Id.optional(),
  inject: Id.optional(),
});

export const IntelReport = z.strictObject({
  title: z.string().min(1).max(300),
  text: FreeText,
  indicators: z.array(z.string().min(1).max(2048)).max(200),
  technique: z
    .string()
    .regex(/^T\d{4}(\.\d{3})?$/)
    .optional(),
  tlp: Tlp,
});

/**
 * An inject the white cell writes during the exercise: what the recipients read (title, content,
 * asks) and, apart, how the white cell will judge the response (`evaluation`, never shown to them).
 * A command recorded before format 2 (`expects` beside the content) is read the same way.
 */
export const AdhocInject = z.preprocess(
  upgradeInject,
  z.strictObject({
    title: LocalText,
    to: z.union([z.literal('all-blue'), z.array(Id).min(1)]),
    channel: z.enum(CHANNELS),
    from: z.strictObject({ name: LocalText, role: LocalText.optional() }),
    tlp: Tlp.optional(),
    content: LocalText,
    asks: z.array(LocalText).optional(),
    evaluation: InjectEvaluation.optional(),
  }),
);

const body = {
  // Clock and lifecycle (white cell; `advance` also comes from the real-time driver as system). An
  // advance is play; move, jump and jump-to-next-inject jump over time nobody plays (sim/play.ts).
  start: z.strictObject({ type: z.literal('start') }),
  pause: z.strictObject({ type: z.literal('pause') }),
  resume: z.strictObject({ type: z.literal('resume') }),
  end: z.strictObject({ type: z.literal('end') }),
  advance: z.strictObject({ type: z.literal('advance'), to: SimTime }),
  speed: z.strictObject({ type: z.literal('speed'), speed: z.int().min(1).max(1000) }),
  move: z.strictObject({ type: z.literal('move'), move: Id.optional() }),
  jump: z.strictObject({ type: z.literal('jump'), to: SimTime }),
  jumpToNextInject: z.strictObject({ type: z.literal('jump-to-next-inject') }),
  adhocInject: z.strictObject({ type: z.literal('adhoc-inject'), inject: AdhocInject }),
  adjudicate: z.strictObject({
    type: z.literal('adjudicate'),
    item: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('sitrep'), id: Id }),
      z.strictObject({ kind: z.literal('answer'), inject: Id, team: Id }),
      z.strictObject({ kind: z.literal('question'), move: Id, question: Id, team: Id }),
    ]),
    grade: z.number().min(0).max(100),
    comment: FreeText.optional(),
  }),
  // The white cell releases the teams' scores up to now (sim/disclosure.ts).
  releaseScores: z.strictObject({ type: z.literal('release-scores') }),
  // Blue team.
  action: z.strictObject({ type: z.literal('action'), action: Id, target: ActionTarget }),
  cancelAction: z.strictObject({ type: z.literal('cancel-action'), id: Id }),
  ackInject: z.strictObject({ type: z.literal('ack-inject'), inject: Id }),
  answerInject: z.strictObject({ type: z.literal('answer-inject'), inject: Id, text: FreeText.min(1) }),
  answerQuestion: z.strictObject({ type: z.literal('answer-question'), move: Id, question: Id, text: FreeText.min(1) }),
  sitrep: z.strictObject({ type: z.literal('sitrep'), text: FreeText.min(1), severity: z.enum(SEVERITIES) }),
  shareIntel: z.strictObject({ type: z.literal('share-intel'), report: IntelReport, partners: z.array(Id).min(1).max(100) }),
  applyIntel: z.strictObject({ type: z.literal('apply-intel'), report: Id }),
  requestAssistance: z.strictObject({ type: z.literal('request-assistance'), to: Id, text: FreeText.min(1) }),
  grantAssistance: z.strictObject({ type: z.literal('grant-assistance'), request: Id }),
  // Red cell (manual campaigns).
  redLaunch: z.strictObject({ type: z.literal('red-launch'), step: Id }),
  redHold: z.strictObject({ type: z.literal('red-hold'), step: Id }),
  redAbort: z.strictObject({ type: z.literal('red-abort'), step: Id }),
  // Evaluators.
  rate: z.strictObject({
    type: z.literal('rate'),
    capability: Id,
    task: Id.optional(),
    /** The blue team rated; none: the exercise as a whole. */
    team: Id.optional(),
    rating: z.enum(RATINGS),
    note: FreeText.optional(),
  }),
};

export const CommandBody = z.discriminatedUnion('type', Object.values(body) as unknown as [typeof body.start, ...(typeof body.start)[]]);
/** The command as the engine receives it: the body plus the actor the server bound it to. */
export type CommandBody = z.infer<(typeof body)[keyof typeof body]>;
export type Command = CommandBody & { actor: z.infer<typeof Actor> };
export type ActorT = z.infer<typeof Actor>;
export type CommandType = CommandBody['type'];
export type IntelReportT = z.infer<typeof IntelReport>;
export type ActionTargetT = z.infer<typeof ActionTarget>;
export type AdhocInjectT = z.infer<typeof AdhocInject>;

/** Which roles may send each command type; the engine re-checks team ownership itself. */
export const COMMAND_ROLES: Record<CommandType, ReadonlyArray<ActorT['role']>> = {
  start: ['white'],
  pause: ['white', 'system'],
  resume: ['white', 'system'],
  end: ['white'],
  advance: ['white', 'system'],
  speed: ['white'],
  move: ['white'],
  jump: ['white'],
  'jump-to-next-inject': ['white'],
  'adhoc-inject': ['white'],
  adjudicate: ['white'],
  'release-scores': ['white'],
  action: ['blue'],
  'cancel-action': ['blue'],
  'ack-inject': ['blue'],
  'answer-inject': ['blue'],
  'answer-question': ['blue'],
  sitrep: ['blue'],
  'share-intel': ['blue'],
  'apply-intel': ['blue'],
  'request-assistance': ['blue'],
  'grant-assistance': ['blue'],
  'red-launch': ['red'],
  'red-hold': ['red'],
  'red-abort': ['red'],
  rate: ['evaluator', 'white'],
};
