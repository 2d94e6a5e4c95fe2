// The trace lab: every change sends the flower to POST /api/v1/predict/trace and shows what each stage did. The
// page shows the example flower's trace without this script; it makes the lab interactive.
import { el } from '/js/common.js';
import { micros } from '/js/format.js';

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

function snippets(body, query) {
  var url = window.location.origin + '/api/v1/predict' + query;
  var text = json(body);
  return {
    curl: "curl -s '" + url + "' \\\n  -H 'Content-Type: application/json' \\\n  -d '" + text + "'",
    python: 'import requests\n\nresponse = requests.postJson(\n    "' + url + '",\n    json=' + text
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

document.querySelectorAll('[data-widget="trace-lab"]').forEach(initTraceLab);
