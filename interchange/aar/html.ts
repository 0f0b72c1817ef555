/**
 * The AAR/IP as ONE self-contained HTML file: inline stylesheet, the results inline as JSON, d3 inlined
 * (its text is given by the caller: the CLI reads node_modules, the browser console imports it), and the
 * chart script. No network request of any kind; a Content-Security-Policy meta allows exactly these
 * inline scripts and this stylesheet (by SHA-256) and nothing else. Pure: strings in, string out.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import type { TlpLevel } from '../../engine/index.ts';
import { aarDocument, type Block, type Run } from './document.ts';
import { CHART_SCRIPT } from './html-charts.ts';
import { REPORT_CSS } from './html-style.ts';
import type { AarResults } from './types.ts';

export interface AarHtmlOptions {
  /** The d3 library as script text (a UMD build that defines the global `d3`). */
  d3: string;
  tlp?: TlpLevel;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESC[c] as string);

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
  return rs.map((r) => (r.bold ? `<strong>${escapeHtml(r.text)}</strong>` : r.italic ? `<em>${escapeHtml(r.text)}</em>` : escapeHtml(r.text))).join('');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'tlp': return `<p class="tlp ${tlpClass(b.level)}" role="note">TLP:${escapeHtml(b.level)}<small>${escapeHtml(b.handling)}</small></p>`;
    case 'heading': return `<h${b.level} id="${escapeHtml(b.id)}">${escapeHtml(b.text)}</h${b.level}>`;
    case 'para': return `<p>${runs(b.runs)}</p>`;
    case 'list': return `<ul>${b.items.map((i) => `<li>${runs(i)}</li>`).join('')}</ul>`;
    case 'chart':
      return `<figure class="chart" id="chart-${b.chart}"><figcaption><strong>${escapeHtml(b.title)}.</strong> ${escapeHtml(b.caption)}</figcaption>`
        + `<svg id="chart-${b.chart}-svg" xmlns="http://www.w3.org/2000/svg"></svg></figure>`;
    case 'table':
      if (b.rows.length === 0) return '<p class="muted"><em>None.</em></p>';
      return `<div class="table-wrap"><table><thead><tr>${b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>`
        + b.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('') + '</tbody></table></div>';
  }
}

/** The report as one HTML document. */
export function aarHtml(results: AarResults, options: AarHtmlOptions): string {
  const tlp = options.tlp ?? results.marking;
  const blocks = aarDocument(results, { tlp });
  const title = blocks.find((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 1)?.text ?? 'After-Action Report';
  const toc = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading' && b.level === 2)
    .map((h) => `<li><a href="#${escapeHtml(h.id)}">${escapeHtml(h.text)}</a></li>`).join('');
  const first = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const head = blocks.slice(0, first + 2).map(block).join('\n');
  const body = blocks.slice(first + 2).map(block).join('\n');
  const data = JSON.stringify(results).replace(/</g, '\\u003c');
  const d3 = scriptSafe(options.d3);
  const charts = scriptSafe(CHART_SCRIPT);
  const csp = [
    "default-src 'none'", `script-src ${cspHash(d3)} ${cspHash(charts)}`, `style-src ${cspHash(REPORT_CSS)}`,
    "img-src data:", "font-src 'none'", "connect-src 'none'", "base-uri 'none'", "form-action 'none'",
  ].join('; ');
  const lang = results.language;
  const dir = lang === 'ar' || lang === 'fa' || lang === 'he' || lang === 'ur' ? 'rtl' : 'ltr';
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
<style>${REPORT_CSS}</style>
</head>
<body>
<p class="tlp tlp-print ${tlpClass(tlp)}">TLP:${escapeHtml(tlp)}</p>
<header class="report">
${head}
<nav class="toc" aria-label="Contents"><ol>${toc}</ol></nav>
</header>
<main>
${body}
</main>
<script type="application/json" id="aar-data">${data}</script>
<script>${d3}</script>
<script>${charts}</script>
</body>
</html>
`;
}
