/** ATT&CK checks against the bundled Enterprise data: technique ids and tactic names. */
import { ATTACK_VERSION, TACTICS, allTechniques, checkTechnique, isTactic, technique } from '../../attack/index.ts';
import type { PathSegment } from '../../lib/diagnostic.ts';
import { didYouMean } from '../suggest.ts';
import type { Ctx } from './context.ts';

const TACTIC_NAMES = TACTICS.map((t) => t.shortname);

/** Reports an unknown, revoked (naming the replacement) or deprecated technique id. */
export function checkTechniqueId(ctx: Ctx, path: readonly PathSegment[], id: string): void {
  const r = checkTechnique(id);
  switch (r.status) {
    case 'active':
      return;
    case 'revoked':
      ctx.error(
        path,
        r.replacement ? `${id} was revoked in ATT&CK; use ${r.replacement.id} (${r.replacement.name}) instead` : `${id} was revoked in ATT&CK without a replacement; choose a current technique`,
      );
      return;
    case 'deprecated':
      ctx.error(path, `${id} is deprecated in ATT&CK v${ATTACK_VERSION} and no longer maintained; choose a current technique`);
      return;
    case 'unknown': {
      const dot = id.indexOf('.');
      const parent = dot > 0 ? technique(id.slice(0, dot)) : undefined;
      let hint = '';
      if (parent) {
        const subs = [...allTechniques()].filter((t) => t.parent === parent.id).map((t) => `${t.id} (${t.name})`);
        hint =
          subs.length > 0
            ? `; ${parent.id} (${parent.name}) has ${subs.length > 6 ? `${subs.length} sub-techniques, e.g.` : 'the sub-techniques'} ${subs.slice(0, 6).join(', ')}`
            : `; ${parent.id} (${parent.name}) has no sub-techniques`;
      }
      ctx.error(path, `${id} is not an ATT&CK Enterprise v${ATTACK_VERSION} technique${hint}`);
    }
  }
}

/** A tactic that ATT&CK does not have is an error; one the technique does not belong to, a warning. */
export function checkTactic(ctx: Ctx, path: readonly PathSegment[], tactic: string, techniqueId: string): void {
  if (!isTactic(tactic)) {
    ctx.error(path, `"${tactic}" is not an ATT&CK tactic${didYouMean(tactic, TACTIC_NAMES)} (tactics: ${TACTIC_NAMES.join(', ')})`);
    return;
  }
  const t = technique(techniqueId);
  if (t && !t.tactics.includes(tactic)) {
    ctx.warn(path, `${t.id} (${t.name}) belongs to ${t.tactics.join(', ')}, not ${tactic}`);
  }
}
