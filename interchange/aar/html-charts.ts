/**
 * The browser script of the HTML report: draws the three charts with d3 (inlined before it) from the
 * results embedded as JSON, with the texts of a second JSON block (`chartLabels`): score timelines per
 * team (lines), detection swimlanes (red steps against detection and containment per team over time)
 * and the ATT&CK coverage heat map (techniques x teams coloured by detection). Plain ES2017 in a
 * string, run by the reader's browser, never by the engine.
 *
 * Labels fit: margins and columns are sized by measuring their texts in the page's font, a label
 * still too long for its place is cut with an ellipsis (its full text in a tooltip), and teams are
 * shown by their labels (short names, unique). Right-to-left pages get mirrored charts (time runs in
 * the reading direction, as on the consoles); each text gets its own direction from its content and
 * an anchor on the intended side, so a Latin label in an Arabic chart (or the reverse) stays whole.
 * Colours of text and axes come from the stylesheet (classes), so the charts follow light/dark mode.
 */
import type { Bidi } from './bidi.ts';
import { tacticName, type AarMessages } from './i18n/messages.ts';
import type { AarResults } from './types.ts';

const CHART_TEXTS = [
  'chart.axisTime',
  'chart.scoresLabel',
  'chart.finalScore',
  'chart.swimlanesLabel',
  'chart.legend.attempt',
  'chart.legend.detect',
  'chart.legend.contain',
  'chart.legend.miss',
  'chart.tip.firstAttempt',
  'chart.tip.detectedAfter',
  'chart.tip.neverDetected',
  'chart.tip.containedAfter',
  'chart.tip.notContained',
  'chart.heatmapLabel',
  'chart.legend.never',
  'chart.legend.late',
  'chart.legend.atOnce',
  'chart.legend.notUsed',
  'chart.coalition',
  'chart.coalitionAny',
  'chart.tip.notUsed',
  'chart.tip.score',
  'chart.tip.meanDelay',
] as const;

/** The chart script's texts in the results' language: fixed labels, duration units, tactic names. */
export function chartLabels(r: AarResults, m: AarMessages, rtl: boolean, _b: Bidi): Record<string, unknown> {
  const t: Record<string, string> = {};
  for (const k of CHART_TEXTS) t[k.slice('chart.'.length)] = m[k];
  t['tip.detected'] = m['chart.tip.detected'](0, 1).replace('0', '{d}').replace('1', '{a}');
  // Object.fromEntries makes own properties whatever the key (a tactic named __proto__ stays data).
  const tactics = Object.fromEntries(r.techniques.map((x) => [x.tactic, tacticName(x.tactic, r.language)]));
  return {
    dir: rtl ? 'rtl' : 'ltr',
    t,
    units: { s: m['dur.s']('{n}'), m: m['dur.m']('{n}'), h: m['dur.h']('{n}') },
    tactics,
  };
}

export const CHART_SCRIPT = `(function () {
  'use strict';
  var dataEl = document.getElementById('aar-data');
  var labelsEl = document.getElementById('aar-labels');
  if (!dataEl || !labelsEl || typeof d3 === 'undefined') return;
  var R = JSON.parse(dataEl.textContent);
  var L = JSON.parse(labelsEl.textContent);
  var T = L.t;
  var RTL = L.dir === 'rtl';
  var teams = R.teams;
  var end = Math.max(R.overview.exercise.endMs, 60000);
  var HOUR = 3600000;
  var GRADIENT = ['#ff6666', '#ffe766', '#8ec843'];
  var STRONG_RTL = /[\\u0590-\\u08ff\\ufb1d-\\ufdff\\ufe70-\\ufefc]/;
  var pad2 = function (n) { return (n < 10 ? '0' : '') + n; };
  var unit = function (k, n) { return L.units[k].replace('{n}', n); };
  var fmtT = function (ms) { var m = Math.floor(ms / 60000); return 'T+' + pad2(Math.floor(m / 60)) + ':' + pad2(m % 60); };
  var fmtD = function (ms) {
    if (ms === null || ms === undefined) return '-';
    var s = Math.round(ms / 1000);
    if (s < 60) return unit('s', s);
    var m = Math.floor(s / 60);
    return m < 60 ? unit('m', m) : unit('h', Math.floor(m / 60)) + ' ' + unit('m', pad2(m % 60));
  };
  var tactic = function (x) { return Object.prototype.hasOwnProperty.call(L.tactics, x) ? L.tactics[x] : x; };
  var stepOf = function (span) { var h = span / HOUR; return h <= 3 ? HOUR / 2 : h <= 12 ? HOUR : h <= 30 ? 2 * HOUR : h <= 72 ? 6 * HOUR : 24 * HOUR; };

  /**
   * One chart's drawing kit. Layout is written left to right in logical coordinates; on a right-to-left
   * page X() mirrors them. side: 'start', 'end' (of the reading direction) or 'middle'.
   */
  function kit(id, label) {
    var svg = d3.select('#' + id);
    if (svg.empty()) return null;
    svg.attr('role', 'img').attr('aria-label', label);
    var probe = svg.append('text').attr('visibility', 'hidden');
    var k = { svg: svg, W: 0 };
    k.X = function (x) { return RTL ? k.W - x : x; };
    k.rectX = function (x, w) { return RTL ? k.W - x - w : x; };
    /** Width of a text in this chart's font, with a class. */
    k.measure = function (s, cls) { probe.attr('class', cls || null).text(s); return probe.node().getComputedTextLength(); };
    k.widest = function (list, cls) { return d3.max(list, function (s) { return k.measure(s, cls); }) || 0; };
    /** A text at logical x, anchored on its side of the reading direction, in its own direction. */
    k.text = function (parent, x, y, s, side, cls) {
      var dir = STRONG_RTL.test(s) ? 'rtl' : 'ltr';
      var right = side === 'middle' ? null : (side === 'end') !== RTL;
      var anchor = right === null ? 'middle' : right === (dir === 'ltr') ? 'end' : 'start';
      return parent.append('text').attr('class', cls || null).attr('x', k.X(x)).attr('y', y).attr('dy', '0.35em')
        .attr('direction', dir).attr('text-anchor', anchor).text(s);
    };
    /** Shortens a text with an ellipsis until it fits (the full text goes in its tooltip). */
    k.fit = function (sel, width) {
      var node = sel.node(), full = node.textContent, s = full;
      if (node.getComputedTextLength() <= width) return sel;
      while (s.length > 1 && node.getComputedTextLength() > width) { s = s.slice(0, -1); node.textContent = s.replace(/\\s+$/, '') + '…'; }
      sel.append('title').text(full);
      return sel;
    };
    /** Legend items in a row from logical x: a swatch drawn by draw(g, x) then its text; returns the row's end. */
    k.legend = function (items, x, y) {
      items.forEach(function (it) {
        var g = svg.append('g').attr('class', 'legend');
        it.draw(g, x + 6, y);
        k.text(g, x + 16, y, it.text, 'start');
        x += 16 + k.measure(it.text) + 26;
      });
      return x;
    };
    k.done = function (W, H) { probe.remove(); svg.attr('viewBox', '0 0 ' + W + ' ' + H); };
    return k;
  }

  /** A time axis along the bottom, time running in the reading direction; tick texts left to right. */
  function timeAxis(k, x, y) {
    k.svg.append('g').attr('class', 'axis').attr('direction', 'ltr').attr('transform', 'translate(0,' + y + ')')
      .call(d3.axisBottom(x).tickValues(d3.range(0, end + 1, stepOf(end))).tickFormat(fmtT));
  }

  function scores() {
    var k = kit('chart-scores-svg', T.scoresLabel);
    if (!k) return;
    var entries = teams.map(function (t) { return t.label + '  ' + Math.round(t.score.composite); });
    var H = Math.max(330, 40 + teams.length * 22), m = { t: 14, s: 46, e: Math.ceil(k.widest(entries)) + 44, b: 40 };
    var W = k.W = 800 + m.e;
    var x = d3.scaleLinear().domain([0, end]).range([k.X(m.s), k.X(W - m.e)]);
    var y = d3.scaleLinear().domain([0, 100]).range([H - m.b, m.t]);
    var yAxis = RTL ? d3.axisRight : d3.axisLeft;
    k.svg.append('g').attr('class', 'grid').attr('transform', 'translate(' + k.X(m.s) + ',0)')
      .call(yAxis(y).ticks(5).tickSize(-(W - m.s - m.e)).tickFormat(''));
    timeAxis(k, x, H - m.b);
    k.svg.append('g').attr('class', 'axis').attr('direction', 'ltr').attr('transform', 'translate(' + k.X(m.s) + ',0)').call(yAxis(y).ticks(5));
    k.text(k.svg, m.s, H - 8, T.axisTime, 'start', 'axis-label');
    var line = d3.line().x(function (d) { return x(d.t); }).y(function (d) { return y(d.composite); });
    teams.forEach(function (t, i) {
      var pts = t.timeline.filter(function (p) { return p.t <= end; });
      k.svg.append('path').datum(pts).attr('class', 'series').attr('fill', 'none').attr('stroke', t.color).attr('stroke-width', 2)
        .attr('d', line).append('title').text(t.name + ': ' + T.finalScore + ' ' + t.score.composite);
      var g = k.svg.append('g').attr('class', 'legend');
      var ly = m.t + 8 + i * 22, lx = W - m.e + 14;
      g.append('rect').attr('class', 'swatch').attr('x', k.rectX(lx, 14)).attr('y', ly - 2).attr('width', 14).attr('height', 4).attr('fill', t.color);
      k.text(g, lx + 20, ly, entries[i], 'start');
      g.append('title').text(t.name);
    });
    k.done(W, H);
  }

  function swimlanes() {
    var k = kit('chart-swimlanes-svg', T.swimlanesLabel);
    if (!k) return;
    // The end margin holds half of the last tick's label (T+24:00).
    var ROW = 12, m = { t: 30, s: Math.max(40, Math.ceil(k.widest(teams.map(function (t) { return t.label; }), 'lane-label')) + 18), e: 36, b: 40 };
    var W = k.W = Math.max(960, m.s + 760);
    var x = d3.scaleLinear().domain([0, end]).range([k.X(m.s), k.X(W - m.e)]);
    var lanes = teams.map(function (t) {
      var items = [];
      R.redSteps.forEach(function (s) {
        s.teams.forEach(function (r) {
          if (r.team !== t.id) return;
          var start = r.firstAttemptAt !== null ? r.firstAttemptAt : r.detectedAt;
          if (start === null) return;
          var stop = Math.max(start, r.detectedAt || 0, r.containedAt || 0);
          items.push({ s: s, r: r, start: start, stop: stop });
        });
      });
      items.sort(function (a, b) { return a.start - b.start; });
      var rowsEnd = [];
      items.forEach(function (it) {
        var p0 = Math.abs(x(it.start) - x(0)), p1 = Math.abs(x(it.stop) - x(0)) + 9;
        var j = 0;
        while (j < rowsEnd.length && rowsEnd[j] > p0 - 3) j++;
        rowsEnd[j] = p1;
        it.row = j;
      });
      return { t: t, items: items, rows: Math.max(1, rowsEnd.length) };
    });
    var H = m.t + m.b + d3.sum(lanes, function (l) { return l.rows * ROW + 10; });
    var tri = d3.symbol().type(d3.symbolTriangle).size(34)();
    k.legend([
      { text: T['legend.attempt'], draw: function (g, lx, ly) { g.append('path').attr('d', tri).attr('class', 'mark-attempt swatch').attr('transform', 'translate(' + k.X(lx) + ',' + ly + ')'); } },
      { text: T['legend.detect'], draw: function (g, lx, ly) { g.append('circle').attr('r', 3.5).attr('class', 'mark-detect swatch').attr('cx', k.X(lx)).attr('cy', ly); } },
      { text: T['legend.contain'], draw: function (g, lx, ly) { g.append('rect').attr('width', 7).attr('height', 7).attr('x', k.X(lx) - 3.5).attr('y', ly - 3.5).attr('class', 'mark-contain swatch'); } },
      { text: T['legend.miss'], draw: function (g, lx, ly) { g.append('path').attr('d', tri).attr('class', 'mark-miss swatch').attr('transform', 'translate(' + k.X(lx) + ',' + ly + ')'); } },
    ], m.s, 12);
    var y0 = m.t;
    lanes.forEach(function (lane, li) {
      var h = lane.rows * ROW + 10;
      var g = k.svg.append('g').attr('class', 'lane').attr('transform', 'translate(0,' + y0 + ')');
      g.append('rect').attr('class', li % 2 ? 'lane-bg odd' : 'lane-bg').attr('x', k.rectX(m.s, W - m.s - m.e)).attr('width', W - m.s - m.e).attr('height', h);
      k.fit(k.text(g, m.s - 8, h / 2, lane.t.label, 'end', 'lane-label'), m.s - 12).append('title').text(lane.t.name);
      lane.items.forEach(function (it) {
        var cy = 5 + it.row * ROW + ROW / 2, r = it.r;
        var ig = g.append('g').attr('class', 'step');
        var tip = it.s.id + ' (' + it.s.technique + ' ' + it.s.techniqueName + '): ' + T['tip.firstAttempt'] + ' ' + fmtT(it.start)
          + (r.detectedAt !== null ? ', ' + T['tip.detectedAfter'] + ' ' + fmtD(r.timeToDetect) : ', ' + T['tip.neverDetected'])
          + (r.containedAt !== null ? ', ' + T['tip.containedAfter'] + ' ' + fmtD(r.timeToContain) : r.nodesToContain > 0 ? ', ' + T['tip.notContained'] : '');
        ig.append('title').text(tip);
        if (r.detectedAt !== null) {
          ig.append('line').attr('class', 'seg-detect').attr('x1', x(it.start)).attr('x2', x(r.detectedAt)).attr('y1', cy).attr('y2', cy);
          if (r.containedAt !== null) ig.append('line').attr('class', 'seg-contain').attr('x1', x(r.detectedAt)).attr('x2', x(r.containedAt)).attr('y1', cy).attr('y2', cy);
        }
        if (r.detectedAt !== null) ig.append('circle').attr('class', 'mark-detect').attr('r', 3.5).attr('cx', x(r.detectedAt)).attr('cy', cy);
        if (r.containedAt !== null) ig.append('rect').attr('class', 'mark-contain').attr('width', 7).attr('height', 7).attr('x', x(r.containedAt) - 3.5).attr('y', cy - 3.5);
        // The attempt is drawn last, hollow when detected, so that a detection seconds later stays visible under it.
        ig.append('path').attr('class', r.detectedAt === null ? 'mark-miss' : 'mark-attempt').attr('d', tri)
          .attr('transform', 'translate(' + x(it.start) + ',' + cy + ')');
      });
      y0 += h;
    });
    timeAxis(k, x, y0);
    k.done(W, H);
  }

  function heatmap() {
    var k = kit('chart-heatmap-svg', T.heatmapLabel);
    if (!k) return;
    var rows = R.techniques;
    var cols = teams.map(function (t) { return { id: t.id, label: t.label, name: t.name }; }).concat([{ id: '', label: T.coalition, name: T.coalitionAny }]);
    var techLabel = function (row) { return row.technique + ' ' + row.name; };
    var TW = Math.ceil(k.widest(rows.map(function (r) { return tactic(r.tactic); }), 'tactic-label')) + 14;
    var LW = Math.min(340, Math.ceil(k.widest(rows.map(techLabel), 'tech-label')) + 14);
    var CW = Math.max(64, Math.ceil(k.widest(cols.map(function (c) { return c.label; }), 'col-label')) + 12);
    var CH = 20, top = 44;
    var W = k.W = TW + LW + cols.length * CW + 10, H = top + Math.max(1, rows.length) * CH + 8;
    var color = d3.scaleLinear().domain([0, 50, 100]).range(GRADIENT);
    var swatch = function (v) {
      return function (g, lx, ly) {
        g.append('rect').attr('class', v === null ? 'cell none swatch' : 'cell swatch').attr('x', k.rectX(lx - 6, 12)).attr('y', ly - 6).attr('width', 12).attr('height', 12)
          .attr('fill', v === null ? null : color(v));
      };
    };
    k.legend([
      { text: '0 ' + T['legend.never'], draw: swatch(0) }, { text: '50 ' + T['legend.late'], draw: swatch(50) },
      { text: '100 ' + T['legend.atOnce'], draw: swatch(100) }, { text: T['legend.notUsed'], draw: swatch(null) },
    ], 0, 10);
    cols.forEach(function (c, j) {
      k.fit(k.text(k.svg, TW + LW + j * CW + CW / 2, top - 10, c.label, 'middle', 'col-label'), CW - 6).append('title').text(c.name);
    });
    var lastTactic = null;
    rows.forEach(function (row, i) {
      var y = top + i * CH;
      var g = k.svg.append('g').attr('class', 'hm-row');
      if (row.tactic !== lastTactic) {
        g.append('line').attr('class', 'tactic-rule').attr('x1', 0).attr('x2', W).attr('y1', y).attr('y2', y);
        k.fit(k.text(g, 2, y + CH / 2, tactic(row.tactic), 'start', 'tactic-label'), TW - 8);
        lastTactic = row.tactic;
      }
      var label = techLabel(row);
      k.fit(k.text(g, TW, y + CH / 2, label, 'start', 'tech-label'), LW - 10).append('title').text(label + ' (' + row.steps.join(', ') + ')');
      cols.forEach(function (c, j) {
        var cell = c.id === '' ? row.coalition : Object.prototype.hasOwnProperty.call(row.teams, c.id) ? row.teams[c.id] : undefined;
        var cx = TW + LW + j * CW;
        var rect = g.append('rect').attr('class', cell ? 'cell' : 'cell none').attr('x', k.rectX(cx + 1, CW - 2)).attr('y', y + 1).attr('width', CW - 2).attr('height', CH - 2);
        if (!cell) { rect.append('title').text(c.name + ': ' + T['tip.notUsed']); return; }
        rect.attr('fill', color(cell.score));
        rect.append('title').text(c.name + ': ' + row.technique + ' ' + T['tip.detected'].replace('{d}', cell.detected).replace('{a}', cell.attempts)
          + ', ' + T['tip.score'] + ' ' + Math.round(cell.score) + (cell.meanDelay !== null ? ', ' + T['tip.meanDelay'] + ' ' + fmtD(cell.meanDelay) : ''));
        k.text(g, cx + CW / 2, y + CH / 2, String(Math.round(cell.score)), 'middle', 'cell-value');
      });
    });
    k.done(W, H);
  }

  scores();
  swimlanes();
  heatmap();
  document.documentElement.setAttribute('data-charts', 'drawn');
})();
`;
