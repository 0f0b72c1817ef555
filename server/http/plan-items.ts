/**
 * Improvement plan items: from an after-action report's corrective actions (this server's exercise,
 * replayed from its log, or a partner's package, keeping its TLP), and the tracker as CSV. Pure:
 * the caller gives the time and the author.
 */
import type { AarResults, ExercisePackage } from '../../interchange/index.ts';
import type { PlanItem } from '../../protocol/plan.ts';

type Origin = PlanItem['origin'];

/** The plan items of one AAR's improvement plan, ids `<origin key>/<AAR item id>`. */
export function itemsFromAar(report: AarResults, origin: Origin, at: string, by: string): PlanItem[] {
  return report.improvementPlan.map((row) => ({
    id: `${origin.key}/${row.id}`,
    origin,
    aarItem: row.id,
    capability: row.capability,
    issue: row.issue,
    correctiveAction: row.correctiveAction,
    owner: row.ownerName || row.owner,
    priority: row.priority,
    dueDate: row.dueDate,
    status: 'open',
    note: '',
    updatedAt: at,
    updatedBy: by,
  }));
}

/** The origin of a partner's package: its checksum names it, its TLP marks every lesson it brings. */
export function packageOrigin(pkg: ExercisePackage): Origin {
  return { kind: 'package', key: pkg.checksum.replace(/^sha256:/, '').slice(0, 16), scenarioId: pkg.scenario.id, title: pkg.title, tlp: pkg.tlp };
}

const COLUMNS = [
  'id',
  'origin',
  'tlp',
  'scenario',
  'exercise',
  'aar item',
  'capability',
  'issue',
  'corrective action',
  'owner',
  'priority',
  'due date',
  'status',
  'note',
  'updated at',
  'updated by',
] as const;

/**
 * One CSV cell (RFC 4180 quoting). A cell a spreadsheet would run as a formula (starting with =, +,
 * -, @, tab or carriage return) is prefixed with an apostrophe: lessons from partners are text.
 */
export function csvCell(value: string | null): string {
  const text = value ?? '';
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The tracker as CSV (UTF-8 with a byte order mark, so spreadsheets read Arabic right). */
export function planCsv(items: readonly PlanItem[]): string {
  const lines = [COLUMNS.join(',')];
  for (const i of items) {
    lines.push(
      [
        i.id,
        i.origin.kind,
        i.origin.tlp ?? '',
        i.origin.scenarioId,
        i.origin.title,
        i.aarItem,
        i.capability,
        i.issue,
        i.correctiveAction,
        i.owner,
        i.priority,
        i.dueDate,
        i.status,
        i.note,
        i.updatedAt,
        i.updatedBy,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
