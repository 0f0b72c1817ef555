/**
 * The command line of `ramparts import`: its usage text, the options of one import and their
 * reading (a file, what it is, where it goes), each wrong or missing option a usage error.
 */
import { UsageError } from '../io.ts';
import { parseDuration } from '../../engine/index.ts';
import type { DateOrder } from '../../interchange/index.ts';

/** The usage text of `ramparts import --help`. */
export const HELP = `Usage: ramparts import FILE --from msel-csv|caldera|attack-flow [--into SCENARIO] [-o OUT] [options]

Builds scenario parts from other tools' files:
  msel-csv      an MSEL spreadsheet (HSEEP, CISA, Crucible Standard or MITRE columns, planners'
                variants, or Ramparts' own export) -> injects. CSV in UTF-8 (with or without a byte-
                order mark), UTF-16 or Windows-1252, separated by commas, semicolons, tabs or "|";
                or an .xlsx workbook, read directly (--sheet NAME)
  caldera       a CALDERA adversary profile (YAML) -> a red campaign, steps in atomic_ordering order;
                abilities are read from the abilities/ folder next to FILE (or --abilities DIR)
  attack-flow   an Attack Flow 2.0 STIX bundle (JSON) or an Attack Flow Builder file (.afb) -> a red
                campaign; actions become steps, the flow's edges, AND/OR operators and conditions
                become preconditions

Without --into, prints the part (campaigns: [...] or injects: [...]) as YAML to paste into a scenario.
With --into, places it into that scenario (a campaign with the same id, or injects with the same ids,
are replaced), validates the result and writes the complete scenario.

Options:
  --from KIND         msel-csv, caldera or attack-flow (required)
  --into SCENARIO     the scenario to place the import into
  -o, --out FILE      write the YAML to FILE instead of stdout
  --campaign-id ID    id of the imported campaign (default: from its name)
  --team T            blue team (id or name) every imported step targets (default: the blue teams in turn)
  --abilities DIR     CALDERA ability files (default: abilities/ next to FILE)
  --deadline DUR      deadline of expected actions read from free text (default 30m)
  --date-order dmy|mdy  how to read numeric dates such as 09/03/2027 (required when a sheet has one
                      that reads both ways)
  --sheet NAME        the workbook sheet to read (default: the first named like MSEL, else the first)
  --strict            refuse the import when there is any warning (a column not imported, a field
                      filled in by default, ...)
  --json              print one JSON object: ok, diagnostics and the result

Problems are printed as FILE:ROW:COL: column: message (CSV) or FILE: object-id: message (STIX,
CALDERA). Exit status: 0 imported, 1 the input or the result is invalid, 2 usage error.`;

const KINDS = ['msel-csv', 'caldera', 'attack-flow'] as const;
export type Kind = (typeof KINDS)[number];

/** The options of one import, checked. */
export interface ImportArgs {
  file: string;
  from: Kind;
  into?: string;
  out?: string;
  campaignId?: string;
  team?: string;
  abilities?: string;
  deadline?: string;
  dateOrder?: DateOrder;
  sheet?: string;
  strict: boolean;
  json: boolean;
}

/** Reads the command line of `ramparts import`; a usage error (exit status 2) says what is wrong. */
export function parseArgs(args: string[]): ImportArgs {
  const files: string[] = [];
  const opts: Partial<ImportArgs> = { json: false };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const need = () => {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      i++;
      return value;
    };
    switch (flag) {
      case '--from': {
        const kind = need();
        if (!(KINDS as readonly string[]).includes(kind)) throw new UsageError(`--from must be msel-csv, caldera or attack-flow, not "${kind}"`);
        opts.from = kind as Kind;
        break;
      }
      case '--into':
        opts.into = need();
        break;
      case '-o':
      case '--out':
        opts.out = need();
        break;
      case '--campaign-id':
        opts.campaignId = need();
        break;
      case '--team':
        opts.team = need();
        break;
      case '--abilities':
        opts.abilities = need();
        break;
      case '--deadline': {
        const d = need();
        if (!parseDuration(d).ok) throw new UsageError(`--deadline must be a duration like 30m or 2h, not "${d}"`);
        opts.deadline = d;
        break;
      }
      case '--date-order': {
        const order = need();
        if (order !== 'dmy' && order !== 'mdy') throw new UsageError(`--date-order must be dmy (09/03/2027 is 9 March) or mdy (9 September), not "${order}"`);
        opts.dateOrder = order;
        break;
      }
      case '--sheet':
        opts.sheet = need();
        break;
      case '--strict':
        opts.strict = true;
        break;
      case '--json':
        opts.json = true;
        break;
      default:
        if (flag.startsWith('-') && flag !== '-') throw new UsageError(`unknown option "${flag}"`);
        files.push(flag);
    }
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'give the FILE to import' : `give one FILE to import, not ${files.length}`);
  if (!opts.from) throw new UsageError('say what FILE is with --from msel-csv, caldera or attack-flow');
  if (opts.campaignId !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(opts.campaignId)) {
    throw new UsageError(`--campaign-id "${opts.campaignId}" is not an id (letters, digits, ".", "_", "-")`);
  }
  if (opts.team !== undefined && opts.into === undefined) throw new UsageError("--team needs --into SCENARIO (the teams are the scenario's)");
  if ((opts.dateOrder !== undefined || opts.sheet !== undefined) && opts.from !== 'msel-csv') throw new UsageError('--date-order and --sheet apply to --from msel-csv only');
  return { ...opts, file: files[0]!, from: opts.from, json: opts.json ?? false, strict: opts.strict ?? false };
}
