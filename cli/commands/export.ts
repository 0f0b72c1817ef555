/**
 * `ramparts export LOG --format navigator|stix|aar-md|aar-html|msel-csv|json|package [--team T]
 * [--tlp LEVEL] [--lang L] [--tz ZONE] [-o FILE]`: after-action outputs from an exercise log or package.
 */
import { writeFile } from 'node:fs/promises';
import { parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { type CliCommand, type CliIO, UsageError } from '../io.ts';
import { readInputFile } from '../load-scenario.ts';
import { d3Bundle } from '../../native/d3-bundle.ts';
import { formatDiagnostic, own, type RampartsLog, stateHash, TLP_LEVELS, type TlpLevel } from '../../engine/index.ts';
import { nativeSha256Hex } from '../../native/hash.ts';
import { EXPORT_FORMATS, exportProduct, type ExportFormat, findingProblem, isTimeZone, loadExercise, logFromFile, type WhatIfFinding } from '../../interchange/index.ts';

const FORMATS = EXPORT_FORMATS;

const HELP = `Usage: ramparts export LOG --format FORMAT [--team T] [--tlp LEVEL] [--lang L] [--tz ZONE] [--findings FILE] [-o FILE]

After-action outputs from an exercise log (written by 'ramparts run --log' or the server) or an
exercise package. The log is replayed first; every output is deterministic (same log, same bytes).

Formats:
  navigator   ATT&CK Navigator layer 4.5: the techniques red used, scored 0-100 by how the coalition
              (or --team T) detected them
  stix        STIX 2.1 bundle of the intelligence shared: reports, indicators, attack-patterns,
              relationships and sightings, with the official TLP 2.0 markings (--team T: only what
              that team saw; --tlp LEVEL: leave out reports marked above LEVEL)
  aar-md      after-action report and improvement plan (HSEEP AAR/IP) in Markdown
  aar-html    the same as one self-contained HTML file with charts (score timelines, detection
              swimlanes, ATT&CK coverage heat map); opens offline, prints
  msel-csv    the MSEL as played: scenario and ad-hoc injects in the HSEEP template's columns and
              order, sortable times, the time each condition fired, and per team when each inject
              was delivered, acknowledged and answered, the answer and the grade
  json        the raw after-action results
  package     one file with scenario, seed, command log, ratings and report, TLP-marked and
              checksummed, that another Ramparts replays exactly ('ramparts replay PACKAGE');
              without -o it is written to its suggested file name in the current directory

Options:
  --format F     one of ${FORMATS.join(', ')} (required)
  --team T       navigator, stix: one blue team's view (team id)
  --tlp LEVEL    CLEAR, GREEN, AMBER, AMBER+STRICT or RED. aar-md, aar-html, navigator, package: the
                 document's marking, never below the highest marking of what it holds; stix: the
                 highest marking of the reports included
  --lang L       language of reports: scenario texts, and the AAR's fixed texts where Ramparts has
                 them (en, ar; others get English headings around their own texts). Default en
  --tz ZONE      aar-md, aar-html: IANA time zone of the wall-clock dates (e.g. Asia/Riyadh);
                 default the offset of the scenario's start date
  --findings F   what-if findings pinned with 'ramparts whatif --pin F': in the AAR's analysis, the
                 JSON results and the package (with their branch files); a package's own are kept
  -o, --out FILE write to FILE instead of standard output

Exit status: 0 exported, 1 unreadable, invalid, altered or non-replaying input (or a refused
marking), 2 usage error.`;

const MAX_BYTES = 1024 * 1024 * 1024;

function tlpOption(value: string | undefined): TlpLevel | undefined {
  if (value === undefined) return undefined;
  const v = value.toUpperCase().replace(/^TLP:/, '');
  if (!(TLP_LEVELS as readonly string[]).includes(v)) throw new UsageError(`--tlp must be one of ${TLP_LEVELS.join(', ')}, not "${value}"`);
  return v as TlpLevel;
}

/** What-if findings pinned with `ramparts whatif --pin FILE`, each checked to be a branch of this log. */
async function loadFindings(file: string | undefined, log: RampartsLog, io: CliIO): Promise<WhatIfFinding[] | undefined> {
  if (file === undefined) return [];
  const read = await readInputFile(file, MAX_BYTES);
  if (!read.ok) {
    io.err(`${file}: ${read.message}`);
    return undefined;
  }
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder('utf-8').decode(read.bytes));
  } catch (error) {
    io.err(`${file}:1: not JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (!Array.isArray(list)) {
    io.err(`${file}: a findings file is a JSON list of what-if findings (ramparts whatif --pin FILE)`);
    return undefined;
  }
  for (const f of list as WhatIfFinding[]) {
    const problem = typeof f === 'object' && f !== null && typeof f.branch?.log === 'string' ? findingProblem(f, log, nativeSha256Hex) : 'an entry is not a what-if finding with its branch file';
    if (problem) {
      io.err(`${file}: ${problem}`);
      return undefined;
    }
  }
  return list as WhatIfFinding[];
}

export const command: CliCommand = {
  summary: 'after-action outputs (navigator, stix, aar-md, aar-html, msel-csv, json, package)',
  help: HELP,
  async run(args: string[], io: CliIO): Promise<number> {
    const p = parseCommandArgs(args, {
      format: { type: 'string' },
      team: { type: 'string' },
      tlp: { type: 'string' },
      lang: { type: 'string' },
      tz: { type: 'string' },
      out: { type: 'string', short: 'o' },
      findings: { type: 'string' },
    });
    const [file] = positionals(p, ['LOG']) as [string];
    const format = stringOpt(p, 'format');
    if (format === undefined) throw new UsageError(`--format is required (${FORMATS.join(', ')})`);
    if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
    const team = stringOpt(p, 'team');
    if (team !== undefined && format !== 'navigator' && format !== 'stix') throw new UsageError('--team applies to --format navigator and stix only');
    const tlp = tlpOption(stringOpt(p, 'tlp'));
    const lang = stringOpt(p, 'lang') ?? 'en';
    const tz = stringOpt(p, 'tz');
    if (tz !== undefined && !isTimeZone(tz)) throw new UsageError(`--tz: "${tz}" is not a time zone this runtime knows (write an IANA name such as Asia/Riyadh or UTC)`);
    if (tz !== undefined && format !== 'aar-md' && format !== 'aar-html') throw new UsageError('--tz applies to --format aar-md and aar-html only');
    const out = stringOpt(p, 'out');

    const read = await readInputFile(file, MAX_BYTES);
    if (!read.ok) {
      io.err(`${file}: ${read.message}`);
      return 1;
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
    } catch {
      io.err(`${file}: the file is not UTF-8 text (a package altered or damaged in transit?)`);
      return 1;
    }
    const opened = logFromFile(text);
    if (!opened.ok) {
      if (opened.errors) for (const e of opened.errors) io.err(formatDiagnostic(file, e));
      else io.err(`${file}: ${opened.message}`);
      return 1;
    }
    const loaded = loadExercise(opened.log);
    if (!loaded.ok) {
      io.err(`${file}: ${loaded.message}`);
      return 1;
    }
    const findings = await loadFindings(stringOpt(p, 'findings'), opened.log, io);
    if (!findings) return 1;
    const pinned = [...(opened.kind === 'package' ? (opened.package.whatIf ?? []) : []), ...findings];
    const x = pinned.length > 0 ? { ...loaded.exercise, whatIf: pinned } : loaded.exercise;
    if (opened.kind === 'package' && stateHash(x.state, nativeSha256Hex) !== opened.package.final.stateHash) {
      io.err(`${file}: the package replays to state ${stateHash(x.state, nativeSha256Hex)}, not ${opened.package.final.stateHash} as exported: this Ramparts engine differs from the exporter's`);
      return 1;
    }
    if (team !== undefined && !own(x.state.teams, team)) {
      throw new UsageError(`--team: no blue team "${team}" in this exercise (teams: ${Object.keys(x.state.teams).join(', ')})`);
    }
    // The same function the server's downloads use: the same bytes for the same log.
    const result = exportProduct(format as ExportFormat, x, {
      lang,
      ...(format === 'aar-html' ? { d3: d3Bundle() } : {}),
      ...(team === undefined ? {} : { team }),
      ...(tlp === undefined ? {} : { tlp }),
      ...(tz === undefined ? {} : { timeZone: tz }),
    });
    if (!result.ok) {
      io.err(`${file}: ${result.message}`);
      return 1;
    }
    // Only a package goes to a file of its own name without -o; the rest go to standard output.
    const target = out ?? (format === 'package' ? result.fileName : undefined);
    if (target === undefined) {
      io.out(result.text);
      return 0;
    }
    try {
      await writeFile(target, result.text);
    } catch (error) {
      io.err(`${target}: cannot write the file (${(error as { code?: string }).code ?? (error as Error).message})`);
      return 1;
    }
    io.err(`${format}: wrote ${target}${result.note ? ` (${result.note})` : ''}`);
    return 0;
  },
};
