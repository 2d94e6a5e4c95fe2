// The latency lab: fires requests at POST /api/v1/predict from this browser, shows their latency percentiles and
// histogram, and sets them beside the time the server itself spent in each stage.
import { el } from '/js/common.js';
import { micros } from '/js/format.js';

function $(root, selector) {
  return root.querySelector(selector);
}

function percentile(sorted, p) {
  if (!sorted.length) {
    return NaN;
  }
  var index = Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}

function drawHistogram(svg, bins) {
  var ns = 'http://www.w3.org/2000/svg';
  svg.textContent = '';
  var max = Math.max.apply(null, bins.map(function (b) { return b.count; })) || 1;
  var width = 560 / bins.length;
  bins.forEach(function (bin, i) {
    var height = bin.count / max * 170;
    var rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('class', 'bar');
    rect.setAttribute('x', String(30 + i * width));
    rect.setAttribute('y', String(190 - height));
    rect.setAttribute('width', String(Math.max(1, width - 2)));
    rect.setAttribute('height', String(height));
    var title = document.createElementNS(ns, 'title');
    title.textContent = bin.from.toFixed(2) + '–' + bin.to.toFixed(2) + ' ms: ' + bin.count + ' requests';
    rect.appendChild(title);
    svg.appendChild(rect);
  });
  [[30, bins[0].from], [590, bins[bins.length - 1].to]].forEach(function (tick) {
    var label = document.createElementNS(ns, 'text');
    label.setAttribute('class', 'axis');
    label.setAttribute('x', String(tick[0]));
    label.setAttribute('y', '210');
    label.setAttribute('text-anchor', tick[0] > 300 ? 'end' : 'start');
    label.textContent = tick[1].toFixed(2) + ' ms';
    svg.appendChild(label);
  });
  svg.setAttribute('aria-label', 'Latency histogram from ' + bins[0].from.toFixed(2) + ' to '
      + bins[bins.length - 1].to.toFixed(2) + ' ms; the histogram data table follows');
}

function initLatencyLab(root) {
  var form = $(root, '[data-latency-form]');
  var body = root.getAttribute('data-body');
  var status = $(root, '[data-latency-status]');
  var running = false;

  function one(latencies, errors) {
    var started = performance.now();
    return fetch('/api/v1/predict', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body
    }).then(function (response) {
      return response.text().then(function () {
        latencies.push(performance.now() - started);
        if (!response.ok) {
          errors.count++;
        }
      });
    }, function () {
      errors.count++;
      errors.failed++;
    });
  }

  function show(latencies, errors, seconds, trace) {
    var sorted = latencies.slice().sort(function (a, b) { return a - b; });
    if (!sorted.length) {
      status.textContent = 'No request got an answer (' + errors.count + ' errors): is the server running?';
      return false;
    }
    function set(name, text) {
      $(root, '[data-latency="' + name + '"]').textContent = text;
    }
    set('requests', (latencies.length + errors.failed) + ' (' + errors.count + ' errors)');
    set('throughput', (latencies.length / seconds).toFixed(0) + ' requests per second');
    set('p50', percentile(sorted, 50).toFixed(2) + ' ms');
    set('p95', percentile(sorted, 95).toFixed(2) + ' ms');
    set('p99', percentile(sorted, 99).toFixed(2) + ' ms');
    set('max', sorted[sorted.length - 1].toFixed(2) + ' ms');
    var low = sorted[0];
    var high = sorted[sorted.length - 1];
    var count = 12;
    var step = (high - low) / count || 0.01;
    var bins = [];
    for (var i = 0; i < count; i++) {
      bins.push({ from: low + i * step, to: low + (i + 1) * step, count: 0 });
    }
    sorted.forEach(function (v) {
      bins[Math.min(count - 1, Math.floor((v - low) / step))].count++;
    });
    drawHistogram($(root, '[data-latency-histogram]'), bins);
    var rows = $(root, '[data-latency-bins]');
    rows.textContent = '';
    bins.forEach(function (bin) {
      var tr = el('tr');
      tr.appendChild(el('td', null, bin.from.toFixed(2)));
      tr.appendChild(el('td', null, bin.to.toFixed(2)));
      tr.appendChild(el('td', null, String(bin.count)));
      rows.appendChild(tr);
    });
    var stages = $(root, '[data-latency-stages]');
    stages.textContent = '';
    var median = percentile(sorted, 50);
    var serverMs = trace.total_duration_ns / 1e6;
    trace.stages.forEach(function (stage) {
      var tr = el('tr');
      tr.appendChild(el('th', null, 'Server: ' + stage.name + ' stage'));
      tr.lastChild.setAttribute('scope', 'row');
      tr.appendChild(el('td', null, micros(stage.duration_ns)));
      stages.appendChild(tr);
    });
    var rest = el('tr');
    rest.appendChild(el('th', null, 'Network, HTTP and framework (median in the browser minus the four stages)'));
    rest.lastChild.setAttribute('scope', 'row');
    rest.appendChild(el('td', null, Math.max(0, median - serverMs).toFixed(3) + ' ms'));
    stages.appendChild(rest);
    $(root, '[data-latency-results]').hidden = false;
    return true;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (running) {
      return;
    }
    running = true;
    var total = Number(form.elements.count.value);
    var concurrency = Number(form.elements.concurrency.value);
    var latencies = [];
    var errors = { count: 0, failed: 0 };
    var sent = 0;
    status.textContent = 'Sending ' + total + ' requests, ' + concurrency + ' at a time…';
    var started = performance.now();
    function worker() {
      if (sent >= total) {
        return Promise.resolve();
      }
      sent++;
      return one(latencies, errors).then(worker);
    }
    var workers = [];
    for (var i = 0; i < concurrency; i++) {
      workers.push(worker());
    }
    Promise.all(workers).then(function () {
      var seconds = (performance.now() - started) / 1000;
      return fetch('/api/v1/predict/trace', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: body
      }).then(function (r) { return r.json(); }).then(function (trace) {
        if (show(latencies, errors, seconds, trace)) {
          status.textContent = 'Done: ' + total + ' requests in ' + seconds.toFixed(2) + ' s.';
        }
      });
    }).catch(function (e) {
      status.textContent = 'The run failed: ' + e.message;
    }).then(function () {
      running = false;
    });
  });
}

document.querySelectorAll('[data-widget="latency-lab"]').forEach(initLatencyLab);
