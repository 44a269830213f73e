// Charts over the dashboard's tables: the table is the data (and what prints and what
// works without JavaScript); a chart is drawn above each table marked data-chart.
(function () {
  'use strict';
  function cells(row) { return Array.prototype.slice.call(row.querySelectorAll('th, td')); }
  function number(cell) {
    var link = cell.querySelector('[data-value]');
    var raw = link ? link.getAttribute('data-value') : cell.textContent.trim();
    var n = parseFloat(raw);
    return isNaN(n) ? null : n;
  }
  function draw(table) {
    if (typeof echarts === 'undefined') { return; }
    var head = cells(table.tHead.rows[0]).map(function (c) { return c.textContent.trim(); });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    if (rows.length === 0) { return; }
    var kind = table.getAttribute('data-chart');
    var option;
    if (table.id === 'table-ageing') {
      option = { xAxis: { type: 'category', data: head }, yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: cells(rows[0]).map(number), color: '#b3261e' }] };
    } else if (kind === 'line') {
      var labels = rows.map(function (r) { return cells(r)[0].textContent.trim(); });
      var series = [];
      for (var i = 2; i <= 5; i++) {
        series.push({ name: head[i], type: 'line', connectNulls: true,
          data: rows.map(function (r) { return number(cells(r)[i]); }) });
      }
      option = { legend: { top: 0 }, tooltip: { trigger: 'axis' }, grid: { left: 40, right: 10, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: labels }, yAxis: { type: 'value', min: 0, max: 100, name: '%' }, series: series };
    } else {
      var top = rows.slice(0, 15);
      option = { tooltip: {}, grid: { left: 90, right: 20, top: 10, bottom: 20 },
        yAxis: { type: 'category', inverse: true, data: top.map(function (r) { return cells(r)[0].textContent.trim(); }) },
        xAxis: { type: 'value', min: 0, max: 100, name: '%' },
        series: [{ name: head[2], type: 'bar', data: top.map(function (r) { return number(cells(r)[2]); }), color: '#1f6f43' }] };
    }
    var box = document.createElement('div');
    box.className = 'chart';
    box.setAttribute('aria-hidden', 'true');
    var height = (kind === 'bar' && table.id !== 'table-ageing') ? Math.max(160, Math.min(rows.length, 15) * 28 + 40) : 260;
    box.style.height = height + 'px';
    table.parentNode.parentNode.insertBefore(box, table.parentNode);
    var chart = echarts.init(box, null, { renderer: 'canvas' });
    option.animation = false; // drawn at once: printed and captured as they are
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }
  document.addEventListener('DOMContentLoaded', function () {
    Array.prototype.forEach.call(document.querySelectorAll('table[data-chart]'), draw);
  });
}());
