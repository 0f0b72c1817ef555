/**
 * The browser script of the HTML report: draws the three charts with d3 (inlined before it) from the
 * results embedded as JSON. Plain ES2017 in a string, run by the reader's browser, never by the engine:
 * score timelines per team (lines), detection swimlanes (red steps against detection and containment
 * per team over time) and the ATT&CK coverage heat map (techniques x teams coloured by detection).
 * Colours of text and axes come from the stylesheet (classes), so the charts follow light/dark mode.
 */
export const CHART_SCRIPT = `(function () {
  'use strict';
  var dataEl = document.getElementById('aar-data');
  if (!dataEl || typeof d3 === 'undefined') return;
  var R = JSON.parse(dataEl.textContent);
  var teams = R.teams;
  var end = Math.max(R.overview.exercise.endMs, 60000);
  var HOUR = 3600000;
  var GRADIENT = ['#ff6666', '#ffe766', '#8ec843'];
  var pad2 = function (n) { return (n < 10 ? '0' : '') + n; };
  var fmtT = function (ms) { var m = Math.floor(ms / 60000); return 'T+' + pad2(Math.floor(m / 60)) + ':' + pad2(m % 60); };
  var fmtD = function (ms) {
    if (ms === null || ms === undefined) return '-';
    var s = Math.round(ms / 1000);
    if (s < 60) return s + 's';
    var m = Math.floor(s / 60);
    return m < 60 ? m + 'm' : Math.floor(m / 60) + 'h ' + pad2(m % 60) + 'm';
  };
  var shortName = function (t) { var m = /\\(([^)]+)\\)\\s*$/.exec(t.name); return m ? m[1] : (t.name.length > 18 ? t.name.slice(0, 17) + '…' : t.name); };
  var stepOf = function (span) { var h = span / HOUR; return h <= 3 ? HOUR / 2 : h <= 12 ? HOUR : h <= 30 ? 2 * HOUR : h <= 72 ? 6 * HOUR : 24 * HOUR; };
  var timeAxis = function (x) { return d3.axisBottom(x).tickValues(d3.range(0, end + 1, stepOf(end))).tickFormat(fmtT); };
  var svgFor = function (id, w, h, label) {
    return d3.select('#' + id).attr('viewBox', '0 0 ' + w + ' ' + h).attr('role', 'img').attr('aria-label', label);
  };

  function scores() {
    var W = 960, H = 330, m = { t: 14, r: 170, b: 40, l: 46 };
    var svg = svgFor('chart-scores-svg', W, H, 'Composite score of each team over time');
    if (svg.empty()) return;
    var x = d3.scaleLinear().domain([0, end]).range([m.l, W - m.r]);
    var y = d3.scaleLinear().domain([0, 100]).range([H - m.b, m.t]);
    svg.append('g').attr('class', 'grid').attr('transform', 'translate(' + m.l + ',0)')
      .call(d3.axisLeft(y).ticks(5).tickSize(-(W - m.l - m.r)).tickFormat(''));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + (H - m.b) + ')').call(timeAxis(x));
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(' + m.l + ',0)').call(d3.axisLeft(y).ticks(5));
    svg.append('text').attr('class', 'axis-label').attr('x', m.l).attr('y', H - 6).text('exercise time');
    var line = d3.line().x(function (d) { return x(d.t); }).y(function (d) { return y(d.composite); });
    teams.forEach(function (t, i) {
      var pts = t.timeline.filter(function (p) { return p.t <= end; });
      svg.append('path').datum(pts).attr('class', 'series').attr('fill', 'none').attr('stroke', t.color).attr('stroke-width', 2)
        .attr('d', line).append('title').text(t.name + ': final composite ' + t.score.composite);
      var g = svg.append('g').attr('class', 'legend').attr('transform', 'translate(' + (W - m.r + 14) + ',' + (m.t + 8 + i * 22) + ')');
      g.append('rect').attr('width', 14).attr('height', 4).attr('y', -2).attr('fill', t.color);
      g.append('text').attr('x', 20).attr('dy', '0.35em').text(shortName(t) + '  ' + Math.round(t.score.composite));
      g.append('title').text(t.name);
    });
  }

  function swimlanes() {
    var W = 960, m = { t: 30, r: 20, b: 40, l: 110 }, ROW = 12;
    var x = d3.scaleLinear().domain([0, end]).range([m.l, W - m.r]);
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
        var px0 = x(it.start), px1 = x(it.stop) + 9;
        var k = 0;
        while (k < rowsEnd.length && rowsEnd[k] > px0 - 3) k++;
        rowsEnd[k] = px1;
        it.row = k;
      });
      return { t: t, items: items, rows: Math.max(1, rowsEnd.length) };
    });
    var H = m.t + m.b + d3.sum(lanes, function (l) { return l.rows * ROW + 10; });
    var svg = svgFor('chart-swimlanes-svg', W, H, 'Red steps against detection and containment per team');
    if (svg.empty()) return;
    var tri = d3.symbol().type(d3.symbolTriangle).size(34)();
    var legend = [['attempt', 'first attempt'], ['detect', 'first alert'], ['contain', 'contained'], ['miss', 'never detected']];
    legend.forEach(function (l, i) {
      var g = svg.append('g').attr('class', 'legend').attr('transform', 'translate(' + (m.l + i * 130) + ',12)');
      if (l[0] === 'detect') g.append('circle').attr('r', 3.5).attr('class', 'mark-detect');
      else if (l[0] === 'contain') g.append('rect').attr('width', 7).attr('height', 7).attr('x', -3.5).attr('y', -3.5).attr('class', 'mark-contain');
      else g.append('path').attr('d', tri).attr('class', 'mark-' + l[0]);
      g.append('text').attr('x', 9).attr('dy', '0.35em').text(l[1]);
    });
    var y0 = m.t;
    lanes.forEach(function (lane, li) {
      var h = lane.rows * ROW + 10;
      var g = svg.append('g').attr('class', 'lane').attr('transform', 'translate(0,' + y0 + ')');
      g.append('rect').attr('class', li % 2 ? 'lane-bg odd' : 'lane-bg').attr('x', m.l).attr('width', W - m.l - m.r).attr('height', h);
      g.append('text').attr('class', 'lane-label').attr('x', m.l - 8).attr('y', h / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text(shortName(lane.t));
      lane.items.forEach(function (it) {
        var cy = 5 + it.row * ROW + ROW / 2, r = it.r;
        var ig = g.append('g').attr('class', 'step');
        var tip = it.s.id + ' (' + it.s.technique + ' ' + it.s.techniqueName + '): first attempt ' + fmtT(it.start)
          + (r.detectedAt !== null ? ', detected after ' + fmtD(r.timeToDetect) : ', never detected')
          + (r.containedAt !== null ? ', contained after ' + fmtD(r.timeToContain) : r.nodesToContain > 0 ? ', not contained' : '');
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
    svg.append('g').attr('class', 'axis').attr('transform', 'translate(0,' + y0 + ')').call(timeAxis(x));
  }

  function heatmap() {
    var rows = R.techniques;
    var cols = teams.map(function (t) { return { id: t.id, label: shortName(t), name: t.name }; }).concat([{ id: '', label: 'Coalition', name: 'Coalition (any team)' }]);
    var TW = 150, LW = 330, CW = 78, CH = 20, top = 34;
    var W = TW + LW + cols.length * CW + 10, H = top + Math.max(1, rows.length) * CH + 8;
    var svg = svgFor('chart-heatmap-svg', W, H, 'ATT&CK techniques used by red, coloured by detection per team');
    if (svg.empty()) return;
    var color = d3.scaleLinear().domain([0, 50, 100]).range(GRADIENT);
    [[0, 'never detected'], [50, 'late'], [100, 'at once'], [null, 'not used']].forEach(function (l, i) {
      var g = svg.append('g').attr('class', 'legend').attr('transform', 'translate(' + (i * 125) + ',' + (top - 24) + ')');
      g.append('rect').attr('class', l[0] === null ? 'cell none' : 'cell').attr('width', 12).attr('height', 12).attr('fill', l[0] === null ? null : color(l[0]));
      g.append('text').attr('x', 16).attr('y', 6).attr('dy', '0.35em').text(l[0] === null ? l[1] : l[0] + ' ' + l[1]);
    });
    cols.forEach(function (c, j) {
      svg.append('text').attr('class', 'col-label').attr('x', TW + LW + j * CW + CW / 2).attr('y', top - 10).attr('text-anchor', 'middle').text(c.label)
        .append('title').text(c.name);
    });
    var lastTactic = null;
    rows.forEach(function (row, i) {
      var y = top + i * CH;
      var g = svg.append('g').attr('class', 'hm-row');
      if (row.tactic !== lastTactic) {
        g.append('line').attr('class', 'tactic-rule').attr('x1', 0).attr('x2', W).attr('y1', y).attr('y2', y);
        g.append('text').attr('class', 'tactic-label').attr('x', 2).attr('y', y + CH / 2).attr('dy', '0.35em').text(row.tactic);
        lastTactic = row.tactic;
      }
      var label = row.technique + ' ' + row.name;
      g.append('text').attr('class', 'tech-label').attr('x', TW).attr('y', y + CH / 2).attr('dy', '0.35em')
        .text(label.length > 46 ? label.slice(0, 45) + '…' : label).append('title').text(label + ' (' + row.steps.join(', ') + ')');
      cols.forEach(function (c, j) {
        var cell = c.id === '' ? row.coalition : Object.prototype.hasOwnProperty.call(row.teams, c.id) ? row.teams[c.id] : undefined;
        var cx = TW + LW + j * CW;
        var rect = g.append('rect').attr('class', cell ? 'cell' : 'cell none').attr('x', cx + 1).attr('y', y + 1).attr('width', CW - 2).attr('height', CH - 2);
        if (!cell) { rect.append('title').text(c.name + ': not used against this team'); return; }
        rect.attr('fill', color(cell.score));
        rect.append('title').text(c.name + ': ' + row.technique + ' detected ' + cell.detected + ' of ' + cell.attempts + ', score ' + Math.round(cell.score)
          + (cell.meanDelay !== null ? ', mean delay ' + fmtD(cell.meanDelay) : ''));
        g.append('text').attr('class', 'cell-value').attr('x', cx + CW / 2).attr('y', y + CH / 2).attr('dy', '0.35em').attr('text-anchor', 'middle').text(Math.round(cell.score));
      });
    });
  }

  scores();
  swimlanes();
  heatmap();
  document.documentElement.setAttribute('data-charts', 'drawn');
})();
`;
