/** Blue action catalog and the blue teams' starting posture. */
import { z } from 'zod';
import { ACTION_KINDS } from '../vocabulary.ts';
import { Duration, Id, LocalText, Probability } from './common.ts';

export const ActionDef = z
  .strictObject({
    id: Id,
    kind: z.enum(ACTION_KINDS),
    name: LocalText.optional(),
    description: LocalText.optional(),
    duration: Duration.meta({ description: 'Simulated time from request to result.' }),
    success: Probability.optional().meta({ description: 'Probability the action works (default 1).' }),
    lasts: Duration.optional().meta({ description: 'For hunt and grant-assistance: how long the effect lasts (default 2h).' }),
  })
  .meta({ description: 'A blue response action teams may take; a scenario without a catalog gets the standard one.' });

export const Posture = z.strictObject({
  team: Id,
  patched: z.array(Id).optional().meta({ description: 'Vulnerability ids patched on every node of the team at T+0.' }),
  blocked: z.array(Id).optional().meta({ description: 'Campaign indicator ids the team blocks at T+0.' }),
  hunting: z.array(Id).optional().meta({ description: 'Segments the team is hunting in at T+0.' }),
});

export type ActionDefT = z.infer<typeof ActionDef>;
export type PostureT = z.infer<typeof Posture>;
