/** The top level of a scenario file: meta, teams, network, campaigns, actions, injects, evaluation, scoring. */
import { z } from 'zod';
import { Duration, Id, LanguageCode, LocalText, Tlp } from './common.ts';
import { Network } from './network.ts';
import { Campaign } from './red.ts';
import { ActionDef, Posture } from './blue.ts';
import { Criteria, Inject } from './injects.ts';
import { Move } from './moves.ts';
import { FORMAT_VERSION, MODES, TEAM_ROLES } from '../vocabulary.ts';

export const Meta = z.strictObject({
  id: Id,
  title: LocalText,
  version: z.string().regex(/^\d+\.\d+(\.\d+)?$/, 'write a version like 1.0 or 1.2.3'),
  description: LocalText,
  authors: z.array(z.string().min(1)).optional(),
  tlp: Tlp.optional().meta({ description: 'Marking of the scenario file itself.' }),
  startDate: z.iso.datetime({ offset: true }).meta({ description: 'Wall-clock date and time shown for T+0 (display only; the engine never reads a clock).' }),
  duration: Duration,
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .meta({ description: 'Default seed.' }),
  modes: z.array(z.enum(MODES)).min(1),
  languages: z.array(LanguageCode).min(1).optional(),
  speed: z.int().min(1).max(1000).optional().meta({ description: 'Default real-time speed factor.' }),
});

/** A label for charts and narrow table columns, where a team's full name would be cut (up to 24 characters). */
const ShortLabel = z
  .union([z.string().min(1).max(24), z.record(LanguageCode, z.string().min(1).max(24)).refine((r) => Object.keys(r).length > 0, 'give the label in at least one language')])
  .meta({ description: 'Short team label for charts, per language like names (e.g. { en: SahCERT, ar: الساحلية }); at most 24 characters.' });

export const Team = z.strictObject({
  id: Id,
  role: z.enum(TEAM_ROLES),
  name: LocalText,
  shortName: ShortLabel.optional(),
  nation: z
    .string()
    .regex(/^[A-Z]{2}$/, 'use an ISO 3166 alpha-2 code like KW')
    .optional(),
  organisation: LocalText.optional(),
  language: LanguageCode.optional(),
  timeZone: z.string().min(1).max(64).optional().meta({ description: 'IANA time zone, e.g. Asia/Riyadh.' }),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional(),
});

export const Capability = z.strictObject({
  id: Id,
  name: LocalText.meta({ description: 'HSEEP core capability, e.g. Operational Coordination.' }),
  tasks: z.array(z.strictObject({ id: Id, name: LocalText, ...Criteria }).meta({ description: 'A critical task, with how evaluators rate it.' })).min(1),
});

export const ObjectiveDef = z.strictObject({
  id: Id,
  text: LocalText,
  capabilities: z.array(Id).optional(),
});

/**
 * Bounded so that weight x score (0..100) and penalty x count stay finite: a weight of 1e308 passed
 * validation and made the composite score Infinity, which no state hash can take (found by the hostile
 * scenario fuzz, seed hostile-scenario-1 input 15712).
 */
const Weight = z.number().min(0).max(1000);
const Penalty = z.number().min(0).max(100);

/** What a blue team sees of its score before the white cell releases it (docs/ENGINE.md, "Scores that reveal nothing"). */
export const BLUE_SCORES = ['withheld', 'known'] as const;
export type BlueScoresT = (typeof BLUE_SCORES)[number];

export const Scoring = z.strictObject({
  weights: z
    .strictObject({
      availability: Weight,
      detection: Weight,
      response: Weight,
      reporting: Weight,
      cooperation: Weight,
    })
    .meta({ description: 'Relative weights of the composite score; normalised to 100.' }),
  penalties: z
    .strictObject({
      disruption: Penalty.optional().meta({ description: 'Points per criticality-hour of needless isolation of a clean node.' }),
      lateReport: Penalty.optional().meta({ description: 'Points per missed expected-action deadline.' }),
    })
    .optional(),
  detectionHalfLife: Duration.optional().meta({ description: 'Detection credit halves for every this much delay (default 30m).' }),
  responseTarget: Duration.optional().meta({ description: 'Containment within this earns full response credit (default 1h).' }),
  sampleEvery: Duration.optional().meta({ description: 'Score timeline sampling interval (default 5m).' }),
  blueScores: z
    .enum(BLUE_SCORES)
    .optional()
    .meta({
      description:
        'What a blue team sees of its score before the white cell releases it (release-scores). withheld (default): the components it knows ' +
        '(availability, cooperation); detection, response, reporting, penalties and the composite are withheld. known: the same, with a composite ' +
        "of the known components. Either way nothing computed from ground truth or the evaluators' criteria reaches it before the release.",
    }),
});

export const Scenario = z
  .strictObject({
    $schema: z.string().optional(),
    ramparts: z.literal(FORMAT_VERSION).meta({ description: 'Scenario format version.' }),
    meta: Meta,
    teams: z.array(Team).min(1),
    network: Network,
    campaigns: z.array(Campaign).min(1),
    actions: z.array(ActionDef).optional(),
    posture: z.array(Posture).optional(),
    injects: z.array(Inject).optional(),
    moves: z.array(Move).optional(),
    capabilities: z.array(Capability).optional(),
    objectives: z.array(ObjectiveDef).optional(),
    scoring: Scoring,
  })
  .meta({ title: 'Ramparts scenario', description: 'A joint cyber defense exercise for the Ramparts engine.' });

export type ScenarioT = z.infer<typeof Scenario>;
export type TeamT = z.infer<typeof Team>;
export type MetaT = z.infer<typeof Meta>;
export type ScoringT = z.infer<typeof Scoring>;
