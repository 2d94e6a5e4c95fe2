// The threshold lab: moving the threshold asks the server for the confusion matrix, metrics and curves there.
import { el } from '/js/common.js';

function $(root, selector) {
  return root.querySelector(selector);
}

function metricText(value) {
  return value === null || value === undefined ? 'undefined' : value.toFixed(3);
}

function drawCurve(svg, points, current, xLabel, yLabel) {
  var ns = 'http://www.w3.org/2000/svg';
  svg.textContent = '';
  function x(v) { return 40 + v * 260; }
  function y(v) { return 220 - v * 200; }
  function line(x1, y1, x2, y2) {
    var l = document.createElementNS(ns, 'line');
    l.setAttribute('x1', x1); l.setAttribute('y1', y1); l.setAttribute('x2', x2); l.setAttribute('y2', y2);
    svg.appendChild(l);
  }
  function text(tx, ty, content, anchor, vertical) {
    var t = document.createElementNS(ns, 'text');
    t.setAttribute('x', tx); t.setAttribute('y', ty);
    t.setAttribute('text-anchor', anchor || 'middle');
    if (vertical) {
      t.setAttribute('transform', 'rotate(-90 ' + tx + ' ' + ty + ')');
    }
    t.textContent = content;
    svg.appendChild(t);
  }
  line(40, 220, 300, 220);
  line(40, 20, 40, 220);
  text(170, 250, xLabel);
  text(16, 120, yLabel, 'middle', true);
  text(40, 234, '0'); text(300, 234, '1'); text(32, 24, '1', 'end');
  var defined = points.filter(function (p) { return p.x !== null && p.y !== null; });
  var polyline = document.createElementNS(ns, 'polyline');
  polyline.setAttribute('points', defined.map(function (p) { return x(p.x) + ',' + y(p.y); }).join(' '));
  svg.appendChild(polyline);
  if (current && current.x !== null && current.y !== null) {
    var dot = document.createElementNS(ns, 'circle');
    dot.setAttribute('cx', x(current.x)); dot.setAttribute('cy', y(current.y)); dot.setAttribute('r', '6');
    svg.appendChild(dot);
  }
}

function initThresholdLab(root) {
  var form = $(root, '[data-threshold-form]');
  var timer = null;
  var sequence = 0;

  function show(view) {
    ['tp', 'fn', 'fp', 'tn'].forEach(function (cell) {
      $(root, '[data-cell="' + cell + '"]').textContent = view.counts[cell];
    });
    Object.keys(view.metrics).forEach(function (metric) {
      $(root, '[data-metric-value="' + metric + '"]').textContent = metricText(view.metrics[metric]);
    });
    $(root, '[data-auc]').textContent = view.auc.toFixed(3);
    root.querySelectorAll('[data-positive]').forEach(function (n) { n.textContent = view.positive; });
    root.querySelectorAll('[data-negative]').forEach(function (n) { n.textContent = view.negative; });
    $(root, '[data-threshold-output]').textContent = view.threshold.toFixed(2);
    $(root, '[data-threshold-summary]').textContent = 'Threshold ' + view.threshold.toFixed(2) + ' on '
        + view.test_size + ' held-out rows: precision ' + metricText(view.metrics.precision) + ', recall '
        + metricText(view.metrics.recall) + '.';
    var index = Math.round(view.threshold * 100);
    drawCurve($(root, '[data-curve="precision_recall"]'), view.precision_recall, view.precision_recall[index],
        'Recall', 'Precision');
    drawCurve($(root, '[data-curve="roc"]'), view.roc, view.roc[index], 'False-positive rate',
        'True-positive rate');
    var rows = $(root, '[data-curve-rows]');
    rows.textContent = '';
    view.precision_recall.forEach(function (p, i) {
      var tr = el('tr');
      tr.appendChild(el('td', null, p.threshold.toFixed(2)));
      tr.appendChild(el('td', null, metricText(p.x)));
      tr.appendChild(el('td', null, metricText(p.y)));
      tr.appendChild(el('td', null, metricText(view.roc[i].x)));
      rows.appendChild(tr);
    });
  }

  function load() {
    var mine = ++sequence;
    var url = '/api/v1/thresholds/' + encodeURIComponent(form.elements.dataset.value) + '?threshold='
        + form.elements.threshold.value;
    fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.json(); })
        .then(function (view) {
          if (mine === sequence) {
            show(view);
          }
        });
  }

  function showGoal() {
    root.querySelectorAll('[data-goal]').forEach(function (goal) {
      goal.hidden = goal.getAttribute('data-goal') !== form.elements.dataset.value;
    });
    $(root, '[data-goal-verdict]').textContent = '';
  }

  $(root, '[data-check-goal]').addEventListener('click', function () {
    var url = '/api/v1/thresholds/' + encodeURIComponent(form.elements.dataset.value) + '/challenge?threshold='
        + form.elements.threshold.value;
    fetch(url, { headers: { 'Accept': 'application/json' } }).then(function (r) { return r.json(); })
        .then(function (verdict) {
          $(root, '[data-goal-verdict]').textContent = 'At ' + verdict.threshold.toFixed(2) + ': '
              + verdict.message;
        });
  });

  form.addEventListener('input', function (event) {
    if (event.target === form.elements.dataset) {
      showGoal();
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(load, 60);
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
  });
  load();
}

document.querySelectorAll('[data-widget="threshold-lab"]').forEach(initThresholdLab);
