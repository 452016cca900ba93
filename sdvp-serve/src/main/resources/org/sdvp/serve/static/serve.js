// sdvp serve: draws the charts described by each element's data-chart (JSON) with ECharts, and submits
// a filter form when one of its selects changes. No inline script anywhere: the pages' CSP forbids it.
(function () {
  'use strict';

  // tooltips are HTML: every name from a run's files is escaped before it goes into one
  function esc(s) {
    return String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function heatmap(spec) {
    var max = 1;
    spec.cells.forEach(function (c) { max = Math.max(max, Math.abs(c[2])); });
    return {
      title: { text: spec.title, textStyle: { fontSize: 13 } },
      tooltip: {
        formatter: function (p) {
          var c = p.data.cell;
          var iv = c.length > 6 ? ' [' + c[5] + ', ' + c[6] + ']' : '';
          return esc(spec.rows[c[1]]) + ' on ' + esc(spec.tasks[c[0]]) + '<br>score ' + esc(c[3]) + ', change '
            + esc(c[2]) + esc(iv);
        }
      },
      grid: { left: 170, top: 40, right: 30, bottom: 60 },
      xAxis: { type: 'category', data: spec.tasks },
      yAxis: { type: 'category', data: spec.rows, inverse: true },
      visualMap: { min: -max, max: max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
        inRange: { color: ['#c62828', '#ffffff', '#2e7d32'] } },
      series: [{ type: 'heatmap',
        data: spec.cells.map(function (c) { return { value: [c[0], c[1], c[2]], cell: c }; }),
        label: { show: true, formatter: function (p) { return p.data.cell[2]; } } }]
    };
  }

  function line(spec) {
    return {
      title: { text: spec.title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', renderMode: 'richText' },
      grid: { left: 60, top: 40, right: 30, bottom: 40 },
      xAxis: { type: 'category', data: spec.x, name: 'step' },
      yAxis: { type: 'value', scale: true },
      series: [{ type: 'line', data: spec.y, showSymbol: false }]
    };
  }

  function stacked(spec) {
    return {
      title: { text: spec.title, textStyle: { fontSize: 13 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, renderMode: 'richText' },
      legend: { bottom: 0 },
      grid: { left: 60, top: 40, right: 30, bottom: 50 },
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value' },
      series: Object.keys(spec.series).map(function (name) {
        return { name: name, type: 'bar', stack: 'calls', data: spec.series[name] };
      })
    };
  }

  var kinds = { heatmap: heatmap, line: line, stacked: stacked };

  document.querySelectorAll('[data-chart]').forEach(function (el) {
    if (typeof echarts === 'undefined') return;
    var spec = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'svg' });
    chart.setOption(kinds[spec.kind](spec));
    if (spec.kind === 'heatmap') {
      chart.on('click', function (p) { if (p.data && p.data.cell) window.location.href = p.data.cell[4]; });
    }
    window.addEventListener('resize', function () { chart.resize(); });
  });

  document.querySelectorAll('select[data-autosubmit]').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });
})();
