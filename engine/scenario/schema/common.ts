/** Building blocks shared by every part of the scenario format. */
import { z } from 'zod';
import { DURATION_PATTERN, MAX_SIM_TIME, parseDuration } from '../../time/duration.ts';
import { TLP_LEVELS } from '../vocabulary.ts';

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/, 'ids are 1 to 80 letters, digits, ".", "_" or "-", starting with a letter or digit')
  .meta({ description: 'Identifier, unique within its kind; referenced from elsewhere in the scenario.' });

const DURATION_RE = new RegExp(DURATION_PATTERN);

/**
 * Simulated time runs from T+0 for at most a year (MAX_SIM_TIME; the engine's commands refuse later
 * times), so no duration may be longer: an exercise of 3651d validated but could never be advanced to
 * its end, and one of 9999999999d made the validator throw (found while probing the bounds for the
 * hostile scenario fuzz).
 */
export const Duration = z
  .string()
  .regex(DURATION_RE, 'write a duration like 90s, 45m, 8h or 1d2h')
  .refine((text) => {
    const r = parseDuration(text);
    // Text that is not a duration at all is the pattern's to report, once.
    return r.ok ? r.ms <= MAX_SIM_TIME : !DURATION_RE.test(text.trim());
  }, 'at most 365d: simulated time ends a year after T+0')
  .meta({ description: 'Simulated duration or time from T+0: 90s, 45m, 8h, 1d2h, 250ms, 0.' });

export const Probability = z.number().min(0).max(1).meta({ description: 'A probability from 0 to 1.' });

export const LanguageCode = z.string().regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'use a language code like en, ar or fr-CA');

/**
 * Text that participants read. A plain string, or the same text per language
 * (`{ en: ..., ar: ... }`); the client shows the seat's language and falls back to English.
 */
export const LocalText = z
  .union([z.string().min(1), z.record(LanguageCode, z.string().min(1)).refine((r) => Object.keys(r).length > 0, 'give the text in at least one language')])
  .meta({ description: 'Text participants read: a string, or a map of language code to text (en, ar, ...).' });

export const Tlp = z.enum(TLP_LEVELS).meta({ description: 'Traffic Light Protocol 2.0 level.' });

export const TechniqueId = z
  .string()
  .regex(/^T\d{4}(\.\d{3})?$/, 'ATT&CK technique ids look like T1486 or T1059.001')
  .meta({ description: 'MITRE ATT&CK Enterprise technique id (checked against the bundled ATT&CK v18.1).' });

export type LocalTextT = z.infer<typeof LocalText>;
