// The lesson widgets: trace lab, API console, latency lab. The pages show real numbers without this script;
// it makes them interactive, calling the same public API any client would.
(function () {
  'use strict';

  var FEATURES = ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'];

  function $(root, selector) {
    return root.querySelector(selector);
  }

  function json(value) {
    return JSON.stringify(value);
  }

  function round(values, digits) {
    if (Array.isArray(values)) {
      return values.map(function (v) { return round(v, digits); });
    }
    return typeof values === 'number' ? Number(values.toFixed(digits)) : values;
  }

  function micros(nanos) {
    return (nanos / 1000).toFixed(1) + ' µs';
  }

  var el = window.ServingLab.el;

  // ------------------------------------------------------------------ trace lab
  function snippets(body, query) {
    var url = window.location.origin + '/api/v1/predict' + query;
    var text = json(body);
    return {
      curl: "curl -s '" + url + "' \\\n  -H 'Content-Type: application/json' \\\n  -d '" + text + "'",
      python: 'import requests\n\nresponse = requests.post(\n    "' + url + '",\n    json=' + text
          + ',\n    timeout=5,\n)\nresponse.raise_for_status()\nprint(response.json()["predicted_class"])',
      js: 'const response = await fetch("' + url + '", {\n  method: "POST",\n'
          + '  headers: { "Content-Type": "application/json" },\n  body: JSON.stringify(' + text + '),\n});\n'
          + 'const prediction = await response.json();\nconsole.log(prediction.predicted_class);',
      java: 'HttpClient client = HttpClient.newHttpClient();\nHttpRequest request = HttpRequest.newBuilder(URI.create("'
          + url + '"))\n        .header("Content-Type", "application/json")\n'
          + '        .POST(HttpRequest.BodyPublishers.ofString("""\n            ' + text + '"""))\n        .build();\n'
          + 'HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());\n'
          + 'System.out.println(response.body());'
    };
  }

  function stageCard(stage, index, skipped) {
    var card = el('li', 'stage-card' + (skipped && stage.name === 'scale' ? ' skipped' : ''));
    card.appendChild(el('h4', 'stage-name', (index + 1) + '. ' + stage.name));
    card.appendChild(el('p', 'stage-operation', stage.operation));
    var shape = el('p', 'stage-shape');
    shape.appendChild(el('span', 'shape', stage.input_shape));
    shape.appendChild(document.createTextNode(' → '));
    shape.appendChild(el('span', 'shape', stage.output_shape));
    card.appendChild(shape);
    var values = el('dl', 'stage-values');
    function row(term, value) {
      values.appendChild(el('dt', null, term));
      var dd = el('dd');
      dd.appendChild(el('code', null, json(value)));
      values.appendChild(dd);
    }
    row('In', round(stage.input, 4));
    row('Out', round(stage.output, 4));
    if (stage.name === 'scale') {
      row('Mean', round(stage.parameters.mean, 4));
      row('Std', round(stage.parameters.std, 4));
    }
    card.appendChild(values);
    var time = el('p', 'stage-time', 'Stage time: ');
    time.appendChild(el('span', null, micros(stage.duration_ns)));
    card.appendChild(time);
    return card;
  }

  function initTraceLab(root) {
    var form = $(root, '[data-trace-form]');
    var inputs = {};
    FEATURES.forEach(function (name) {
      inputs[name] = form.elements[name];
    });
    var model = form.elements.model;
    var skip = form.elements.skip_scaling;
    var current = 'curl';
    var latest = null;
    var timer = null;
    var sequence = 0;

    // The state lives in the URL, so that a learner can share exactly what they see.
    var params = new URLSearchParams(window.location.search);
    FEATURES.forEach(function (name) {
      if (params.has(name)) {
        inputs[name].value = params.get(name);
      }
    });
    if (params.has('model')) {
      model.value = params.get('model');
    }
    skip.checked = params.get('skip_scaling') === 'true';
    syncSliders();

    function syncSliders() {
      root.querySelectorAll('input[type="range"][data-pair]').forEach(function (slider) {
        var number = document.getElementById(slider.getAttribute('data-pair'));
        slider.value = number.value;
      });
    }

    function state() {
      var body = {};
      FEATURES.forEach(function (name) {
        body[name] = Number(inputs[name].value);
      });
      return body;
    }

    function query() {
      var q = new URLSearchParams();
      if (model.value !== model.options[0].value) {
        q.set('model', model.value);
      }
      if (skip.checked) {
        q.set('skip_scaling', 'true');
      }
      var text = q.toString();
      return text ? '?' + text : '';
    }

    function updateUrl(body) {
      var q = new URLSearchParams();
      FEATURES.forEach(function (name) {
        q.set(name, body[name]);
      });
      q.set('model', model.value);
      if (skip.checked) {
        q.set('skip_scaling', 'true');
      }
      var url = window.location.pathname + '?' + q.toString() + '#trace-lab-title';
      window.history.replaceState(null, '', url);
      $(root, '[data-share-link]').href = url;
    }

    function showSnippet() {
      if (!latest) {
        return;
      }
      var texts = snippets(latest.body, latest.query);
      root.querySelectorAll('[data-snippet]').forEach(function (pre) {
        pre.textContent = texts[pre.getAttribute('data-snippet')];
      });
    }

    function send() {
      var body = state();
      var q = query();
      var mine = ++sequence;
      updateUrl(body);
      var error = $(root, '[data-trace-error]');
      fetch('/api/v1/predict/trace' + q, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
        body: json(body)
      }).then(function (response) {
        return response.json().then(function (data) {
          return { ok: response.ok, status: response.status, data: data };
        });
      }).then(function (result) {
        if (mine !== sequence) {
          return; // an older answer arriving late must not overwrite a newer one
        }
        latest = { body: body, query: q.replace('skip_scaling=true', '').replace(/[?&]$/, '') };
        showSnippet();
        $(root, '[data-trace-request]').textContent = JSON.stringify(body, null, 2);
        if (!result.ok) {
          error.textContent = result.status + ': ' + (result.data.detail || result.data.title || 'error');
          error.hidden = false;
          $(root, '[data-trace-response]').textContent = JSON.stringify(result.data, null, 2);
          return;
        }
        error.hidden = true;
        var trace = result.data;
        var cards = $(root, '[data-stage-cards]');
        cards.textContent = '';
        trace.stages.forEach(function (stage, i) {
          cards.appendChild(stageCard(stage, i, trace.scaling_skipped));
        });
        var answer = $(root, '[data-trace-answer]');
        var p = trace.prediction.probabilities[trace.prediction.predicted_class];
        answer.textContent = 'Predicted class: ';
        answer.appendChild(el('strong', null, trace.prediction.predicted_class));
        answer.appendChild(document.createTextNode(' (probability ' + p.toFixed(3) + ')'
            + (trace.scaling_skipped ? ' with scaling skipped: compare with the honest answer.' : '')));
        answer.classList.toggle('mismatch', trace.scaling_skipped);
        (trace.prediction.warnings || []).forEach(function (w) {
          answer.appendChild(el('span', 'hint', ' ' + w.message));
        });
        $(root, '[data-trace-response]').textContent = JSON.stringify(trace.prediction, null, 2);
      }).catch(function (e) {
        error.textContent = 'The request failed: ' + e.message;
        error.hidden = false;
      });
    }

    function later() {
      window.clearTimeout(timer);
      timer = window.setTimeout(send, 120);
    }

    form.addEventListener('input', function (event) {
      var target = event.target;
      if (target.hasAttribute('data-pair')) {
        document.getElementById(target.getAttribute('data-pair')).value = target.value;
      } else if (target.type === 'number') {
        syncSliders();
      }
      later();
    });
    form.addEventListener('change', later);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      send();
    });
    root.querySelectorAll('[data-preset]').forEach(function (button) {
      button.addEventListener('click', function () {
        var values = button.getAttribute('data-preset').split(',');
        FEATURES.forEach(function (name, i) {
          inputs[name].value = values[i];
        });
        syncSliders();
        send();
      });
    });

    // Tabs of the code snippets, keyboard operable as the ARIA tabs pattern describes.
    var tabs = Array.prototype.slice.call(root.querySelectorAll('[role="tab"]'));
    function select(tab) {
      tabs.forEach(function (t) {
        var selected = t === tab;
        t.setAttribute('aria-selected', String(selected));
        t.tabIndex = selected ? 0 : -1;
        document.getElementById(t.getAttribute('aria-controls')).hidden = !selected;
      });
      current = document.getElementById(tab.getAttribute('aria-controls')).getAttribute('data-snippet');
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener('click', function () {
        select(tab);
      });
      tab.addEventListener('keydown', function (event) {
        var next = event.key === 'ArrowRight' ? i + 1 : event.key === 'ArrowLeft' ? i - 1 : null;
        if (next !== null) {
          var target = tabs[(next + tabs.length) % tabs.length];
          select(target);
          target.focus();
          event.preventDefault();
        }
      });
    });
    $(root, '[data-copy-snippet]').addEventListener('click', function () {
      var text = $(root, '[data-snippet="' + current + '"]').textContent;
      var status = $(root, '[data-copy-status]');
      if (navigator.clipboard) {
        navigator.clipboard.writeText(text).then(function () {
          status.textContent = 'Copied.';
        }, function () {
          status.textContent = 'Copying is blocked here: select the text and copy it.';
        });
      } else {
        status.textContent = 'Select the text and copy it.';
      }
    });
    send();
  }

  // ------------------------------------------------------------------ API console
  var EXAMPLE = '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":1.4,"petal_width":0.2}';
  var CONSOLE_PRESETS = {
    predict: ['POST', '/api/v1/predict', 'application/json', EXAMPLE],
    logreg: ['POST', '/api/v1/predict?model=logreg', 'application/json', EXAMPLE],
    batch: ['POST', '/api/v1/predict/batch', 'application/json',
      '{"instances":[' + EXAMPLE + ',{"sepal_length":6.7,"sepal_width":3.0,"petal_length":5.2,"petal_width":2.3}]}'],
    drift: ['POST', '/api/v1/predict', 'application/json',
      '{"sepal_length":5.1,"sepal_width":3.5,"petal_length":12.0,"petal_width":0.2}'],
    invalid: ['POST', '/api/v1/predict', 'application/json',
      '{"sepal_length":-1,"sepal_width":"wide","petal_length":1.4,"colour":"blue"}'],
    malformed: ['POST', '/api/v1/predict', 'application/json', '{"sepal_length": 5.1,'],
    text: ['POST', '/api/v1/predict', 'text/plain', EXAMPLE],
    oip: ['POST', '/v2/models/iris/infer', 'application/json',
      '{"id":"1","inputs":[{"name":"features","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}']
  };

  function initApiConsole(root) {
    var form = $(root, '[data-console-form]');
    root.querySelectorAll('[data-console-preset]').forEach(function (button) {
      button.addEventListener('click', function () {
        var preset = CONSOLE_PRESETS[button.getAttribute('data-console-preset')];
        form.elements.method.value = preset[0];
        form.elements.path.value = preset[1];
        form.elements.type.value = preset[2];
        form.elements.body.value = preset[3];
        form.elements.body.focus();
      });
    });
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var path = form.elements.path.value.trim();
      var status = $(root, '[data-console-status]');
      var out = $(root, '[data-console-body]');
      $(root, '[data-console-response]').hidden = false;
      if (path.charAt(0) !== '/') {
        status.textContent = 'The path must start with / (this console talks to this server only).';
        return;
      }
      var method = form.elements.method.value;
      var options = { method: method, headers: { 'Accept': 'application/json' } };
      if (method === 'POST') {
        options.headers['Content-Type'] = form.elements.type.value;
        options.body = form.elements.body.value;
      }
      var started = performance.now();
      fetch(path, options).then(function (response) {
        return response.text().then(function (text) {
          var ms = (performance.now() - started).toFixed(1);
          status.textContent = 'HTTP ' + response.status + ' ' + response.statusText + ' · '
              + (response.headers.get('Content-Type') || 'no content type') + ' · ' + ms + ' ms';
          try {
            out.textContent = JSON.stringify(JSON.parse(text), null, 2);
          } catch (e) {
            out.textContent = text || '(empty body)';
          }
        });
      }).catch(function (e) {
        status.textContent = 'The request failed: ' + e.message;
      });
    });
  }

  // ------------------------------------------------------------------ latency lab
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

  // ------------------------------------------------------------------ threshold lab
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

  document.addEventListener('DOMContentLoaded', function () {
    var inits = { 'trace-lab': initTraceLab, 'api-console': initApiConsole, 'latency-lab': initLatencyLab,
      'threshold-lab': initThresholdLab };
    document.querySelectorAll('[data-widget]').forEach(function (root) {
      var init = inits[root.getAttribute('data-widget')];
      if (init) {
        init(root);
      }
    });
  });
}());
