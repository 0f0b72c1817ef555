/**
 * The stylesheet of the HTML report: light and dark (prefers-color-scheme), printable (A4, the TLP
 * label repeated on every page, no page breaks inside figures and table rows), TLP 2.0 colours as
 * FIRST defines them (coloured text on black).
 */
export const REPORT_CSS = `
:root { color-scheme: light dark; --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --panel: #f6f8fa; --accent: #0969da;
  --attempt: #57606a; --detect: #d97706; --contain: #2563eb; --miss: #dc2626; --none: #e5e7eb; --lane: #f6f8fa; --lane-odd: #eef1f4; }
@media (prefers-color-scheme: dark) {
  :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --line: #3d444d; --panel: #151b23; --accent: #4493f8;
    --attempt: #9198a1; --detect: #f59e0b; --contain: #60a5fa; --miss: #f87171; --none: #2d333b; --lane: #151b23; --lane-odd: #1b222c; }
}
* { box-sizing: border-box; }
html { background: var(--bg); color: var(--fg); }
body { margin: 0 auto; max-width: 1180px; padding: 0 24px 48px; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", sans-serif; }
header.report { border-bottom: 1px solid var(--line); margin-bottom: 16px; padding-top: 12px; }
h1 { font-size: 1.7rem; margin: 0.6em 0 0.3em; line-height: 1.25; }
h2 { font-size: 1.35rem; margin: 1.8em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 1.4em 0 0.4em; }
p, ul { margin: 0.5em 0; }
li { margin: 0.25em 0; }
a { color: var(--accent); }
nav.toc { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 16px; margin: 12px 0; }
nav.toc ol { margin: 0; padding-inline-start: 20px; columns: 2; }
.tlp { display: inline-block; background: #000; font-weight: 700; padding: 3px 10px; border-radius: 3px; margin: 8px 0; letter-spacing: 0.02em; }
.tlp small { color: #fff; font-weight: 400; margin-inline-start: 8px; }
.tlp-clear { color: #fff; } .tlp-green { color: #33ff00; } .tlp-amber, .tlp-amber-strict { color: #ffc000; } .tlp-red { color: #ff2b2b; }
.table-wrap { overflow-x: auto; margin: 8px 0 12px; }
table { border-collapse: collapse; font-size: 0.86rem; width: 100%; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: start; vertical-align: top; }
/* Hashes and indicator values have no spaces: their cells wrap anywhere rather than widen a table past the page. */
td.any { overflow-wrap: anywhere; } p, li { overflow-wrap: anywhere; }
th { background: var(--panel); font-weight: 600; }
tbody tr:nth-child(even) td { background: color-mix(in srgb, var(--panel) 60%, transparent); }
figure.chart { margin: 16px 0; padding: 12px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); }
figure.chart figcaption { font-size: 0.9rem; color: var(--muted); margin-bottom: 6px; }
figure.chart figcaption strong { color: var(--fg); }
figure.chart svg { display: block; width: 100%; height: auto; }
svg text { fill: var(--fg); font-size: 11px; font-family: inherit; }
svg .axis path, svg .axis line { stroke: var(--muted); }
svg .axis text, svg .axis-label, svg .tactic-label { fill: var(--muted); }
svg .grid line { stroke: var(--line); stroke-dasharray: 2 3; } svg .grid path { display: none; }
svg .lane-bg { fill: var(--lane); } svg .lane-bg.odd { fill: var(--lane-odd); }
svg .seg-detect { stroke: var(--detect); stroke-width: 2; } svg .seg-contain { stroke: var(--contain); stroke-width: 2; }
svg .mark-attempt { fill: none; stroke: var(--attempt); stroke-width: 1.3; } svg .mark-detect { fill: var(--detect); } svg .mark-contain { fill: var(--contain); } svg .mark-miss { fill: var(--miss); }
svg .cell.none { fill: var(--none); } svg .cell-value { fill: #111; font-size: 10.5px; font-weight: 600; }
svg .tactic-rule { stroke: var(--line); } svg .tech-label { font-size: 11px; }
.muted { color: var(--muted); }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #bbb; --panel: #f2f2f2; --lane: #f6f6f6; --lane-odd: #ececec; --none: #e5e5e5; }
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav.toc { display: none; }
  h2, h3 { break-after: avoid; }
  figure.chart, tr { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  table { font-size: 7.5pt; } th, td { padding: 2px 4px; }
  a { color: inherit; text-decoration: none; }
}
`;

const TLP_COLOURS: Record<string, string> = { CLEAR: '#fff', GREEN: '#33ff00', AMBER: '#ffc000', 'AMBER+STRICT': '#ffc000', RED: '#ff2b2b' };

/**
 * The TLP label printed in the top margin of every page (a page-margin box, so it never covers the
 * text, as a fixed element did), on the end side of the reading direction.
 */
export function printMarkingCss(level: string, rtl: boolean): string {
  const colour = TLP_COLOURS[level] ?? '#fff';
  return `@media print { @page { @${rtl ? 'top-left' : 'top-right'} { content: "TLP:${level}"; color: ${colour}; background: #000; font: 700 9pt system-ui, sans-serif; width: 34mm; height: 7mm; margin-top: 5mm; text-align: center; vertical-align: middle; } } }\n`;
}
