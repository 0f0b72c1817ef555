/**
 * The AAR/IP as ONE self-contained HTML file: inline stylesheet, the results inline as JSON, d3 inlined
 * (its text is given by the caller: the CLI reads node_modules, the browser console imports it), and the
 * chart script. No network request of any kind; a Content-Security-Policy meta allows exactly these
 * inline scripts and this stylesheet (by SHA-256) and nothing else. The page has the language and
 * direction of the results; isolates become `<bdi>` (bidi.ts); the charts take their texts from a JSON
 * block of the catalog's chart labels. Pure: strings in, string out.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { TlpLevel } from '../../engine/index.ts';
import { bidi, isolatesToHtml, plainText } from './bidi.ts';
import { aarDocument, type AarSection } from './document.ts';
import { chartLabels, CHART_SCRIPT } from './html-charts.ts';
import { aarMessages, isRtl } from './i18n/messages.ts';
import type { Block, Run } from './model.ts';
import { printMarkingCss, REPORT_CSS } from './html-style.ts';
import type { AarResults } from './types.ts';

export interface AarHtmlOptions {
  /** The d3 library as script text (a UMD build that defines the global `d3`). */
  d3: string;
  tlp?: TlpLevel;
  /** IANA zone of the reader's wall-clock dates (see aarDocument). */
  timeZone?: string;
  sections?: readonly AarSection[];
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] as string);
/** Document text as HTML: escaped, its isolates as `<bdi>`. */
const text = (s: string): string => isolatesToHtml(escapeHtml(s));

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]! + (b === undefined ? '=' : B64[(n >> 6) & 63]!) + (c === undefined ? '=' : B64[n & 63]!);
  }
  return out;
}

/** The CSP source expression of an inline script or style: 'sha256-<base64>'. */
export const cspHash = (content: string): string => `'sha256-${base64(sha256(utf8ToBytes(content)))}'`;

/** Script text safe inside <script>...</script>: no closing tag or comment opener can end it early. */
const scriptSafe = (js: string): string => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');

const tlpClass = (l: TlpLevel): string => `tlp-${l.toLowerCase().replace('+', '-')}`;

function runs(rs: readonly Run[]): string {
  return rs.map((r) => (r.bold ? `<strong>${text(r.text)}</strong>` : r.italic ? `<em>${text(r.text)}</em>` : text(r.text))).join('');
}

/** A word too long for a column (a hash, an indicator): its cell may break it anywhere, others break between words. */
const LONG_TOKEN = /[^\s]{25}/;

/** The TLP label, always left to right (`TLP:AMBER+STRICT` keeps its colon and plus where they belong). */
const tlpLabel = (l: TlpLevel): string => `<bdi dir="ltr">TLP:${escapeHtml(l)}</bdi>`;

function block(b: Block, none: string): string {
  switch (b.kind) {
    case 'tlp':
      return `<p class="tlp ${tlpClass(b.level)}" role="note">${tlpLabel(b.level)}<small>${text(b.handling)}</small></p>`;
    case 'heading':
      return `<h${b.level} id="${escapeHtml(b.id)}">${text(b.text)}</h${b.level}>`;
    case 'para':
      return `<p>${runs(b.runs)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</ul>`;
    case 'chart':
      return (
        `<figure class="chart" id="chart-${b.chart}"><figcaption><strong>${text(b.title)}.</strong> ${text(b.caption)}</figcaption>` +
        `<svg id="chart-${b.chart}-svg" xmlns="http://www.w3.org/2000/svg"></svg></figure>`
      );
    case 'table':
      if (b.rows.length === 0) return `<p class="muted"><em>${text(none)}</em></p>`;
      return (
        `<div class="table-wrap"><table><thead><tr>${b.head.map((h) => `<th scope="col">${text(h)}</th>`).join('')}</tr></thead><tbody>` +
        b.rows.map((r) => `<tr>${r.map((c) => (LONG_TOKEN.test(c) ? `<td class="any">${text(c)}</td>` : `<td>${text(c)}</td>`)).join('')}</tr>`).join('') +
        '</tbody></table></div>'
      );
  }
}

/** The report as one HTML document. */
export function aarHtml(results: AarResults, options: AarHtmlOptions): string {
  const tlp = options.tlp ?? results.marking;
  const lang = results.language;
  const m = aarMessages(lang);
  const rtl = isRtl(lang);
  const blocks = aarDocument(results, { tlp, ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }), ...(options.sections ? { sections: options.sections } : {}) });
  const title = plainText(blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1)?.text ?? m.reportFallbackTitle);
  const toc = blocks
    .filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2)
    .map((h) => `<li><a href="#${escapeHtml(h.id)}">${text(h.text)}</a></li>`)
    .join('');
  const first = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const render = (b: Block): string => block(b, m.none);
  const head = blocks
    .slice(0, first + 2)
    .map(render)
    .join('\n');
  const body = blocks
    .slice(first + 2)
    .map(render)
    .join('\n');
  const json = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c');
  const data = json(results);
  const labels = json(chartLabels(results, m, rtl, bidi(rtl)));
  const d3 = scriptSafe(options.d3);
  const charts = scriptSafe(CHART_SCRIPT);
  const css = REPORT_CSS + printMarkingCss(tlp, rtl);
  const csp = [
    "default-src 'none'",
    `script-src ${cspHash(d3)} ${cspHash(charts)}`,
    `style-src ${cspHash(css)}`,
    'img-src data:',
    "font-src 'none'",
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const dir = rtl ? 'rtl' : 'ltr';
  return `<!DOCTYPE html>
<html lang="${escapeHtml(lang)}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="Ramparts">
<meta name="tlp" content="TLP:${escapeHtml(tlp)}">
<title>TLP:${escapeHtml(tlp)} ${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
<header class="report">
${head}
<nav class="toc" aria-label="${escapeHtml(m.contents)}"><ol>${toc}</ol></nav>
</header>
<main>
${body}
</main>
<script type="application/json" id="aar-data">${data}</script>
<script type="application/json" id="aar-labels">${labels}</script>
<script>${d3}</script>
<script>${charts}</script>
</body>
</html>
`;
}
