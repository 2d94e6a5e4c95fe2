// The training lab: starts a run through the public API, follows its Server-Sent Events epoch by epoch, draws
// the curves with Chart.js (served from the app's own jar) and fills the tables, then promotes the run to a
// served model. The settings live in the page's address, so a run can be shared and repeated.
import { el, postJson } from '/js/common.js';
import { Chart } from '/js/charts.js';

var FIELDS = ['dataset', 'hidden_units', 'activation', 'learning_rate', 'momentum', 'weight_decay', 'epochs',
  'batch_size', 'validation_fraction', 'max_train_rows', 'patience', 'seed', 'pace_ms'];
var TEXT_FIELDS = ['dataset', 'activation'];

function dp3(value) {
  return typeof value === 'number' ? value.toFixed(3) : '—';
}

function percent(value) {
  return typeof value === 'number' ? (value * 100).toFixed(1) + ' %' : '—';
}

function cssColor(name, fallback) {
  var value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

// ------------------------------------------------------------------ charts
// The colours come from the page's own palette, light or dark, and follow a change of colour scheme.
function palette() {
  return { text: cssColor('--text', '#1b1f24'), grid: cssColor('--border', '#c9d0d7'),
    train: cssColor('--accent', '#0b57d0'), validation: cssColor('--bad', '#a3141c') };
}

function paint(chart) {
  var colors = palette();
  [colors.train, colors.validation].forEach(function (color, index) {
    chart.data.datasets[index].borderColor = color;
    chart.data.datasets[index].backgroundColor = color;
  });
  ['x', 'y'].forEach(function (axis) {
    chart.options.scales[axis].title.color = colors.text;
    chart.options.scales[axis].ticks.color = colors.text;
    chart.options.scales[axis].grid.color = colors.grid;
  });
  chart.options.plugins.legend.labels.color = colors.text;
  chart.update('none');
}

function makeChart(canvas, label, yMax) {
  if (!Chart) {
    return null; // the tables still show every number
  }
  function series(name, dashed) {
    return { label: name, data: [], borderWidth: 2, borderDash: dashed ? [6, 4] : [], pointRadius: 0,
      pointHoverRadius: 4, tension: 0 };
  }
  var chart = new Chart(canvas, {
    type: 'line',
    data: { datasets: [series('Training ' + label, false), series('Validation ' + label, true)] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'Epoch' }, ticks: { precision: 0 }, grid: {}, min: 1 },
        y: { title: { display: true, text: label }, ticks: {}, grid: {}, min: 0, suggestedMax: yMax }
      },
      plugins: {
        legend: { labels: {} },
        tooltip: {
          callbacks: {
            title: function (items) { return items.length ? 'Epoch ' + items[0].parsed.x : ''; },
            label: function (item) {
              return item.dataset.label + ': ' + (label === 'accuracy' ? percent(item.parsed.y) : dp3(item.parsed.y));
            }
          }
        }
      }
    }
  });
  paint(chart);
  if (window.matchMedia) {
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', function () {
      paint(chart);
    });
  }
  return chart;
}

function initTrainingLab(root) {
  var form = root.querySelector('[data-training-form]');
  var startButton = root.querySelector('[data-start]');
  var stopButton = root.querySelector('[data-stop]');
  var errors = root.querySelector('[data-training-errors]');
  var progress = root.querySelector('[data-progress]');
  var progressText = root.querySelector('[data-progress-text]');
  var status = root.querySelector('[data-training-status]');
  var observations = root.querySelector('[data-observations]');
  var epochRows = root.querySelector('[data-epochs]');
  var epochCount = root.querySelector('[data-epoch-count]');
  var result = root.querySelector('[data-result]');
  var promotion = root.querySelector('[data-promotion]');
  var busy = root.querySelector('[data-training-output]');
  var retries = 0;
  var charts = {
    loss: makeChart(root.querySelector('[data-chart=loss]'), 'loss', 1),
    accuracy: makeChart(root.querySelector('[data-chart=accuracy]'), 'accuracy', 1)
  };
  var source = null;
  var run = null;
  var shownMatchesSettings = false; // the address names the run only while the form holds its settings
  var promoted = null;

  // ---------------------------------------------------------------- form and address
  function input(name) {
    return form.elements.namedItem(name);
  }

  function values() {
    var body = {};
    FIELDS.forEach(function (name) {
      var field = input(name);
      var raw = field.value.trim();
      if (TEXT_FIELDS.indexOf(name) >= 0) {
        body[name] = raw;
      } else {
        // Sent as typed: the server checks every value and names the field that breaks a rule.
        body[name] = raw === '' || isNaN(Number(raw)) ? raw : Number(raw);
      }
    });
    return body;
  }

  function fill(settings) {
    FIELDS.forEach(function (name) {
      if (settings[name] !== undefined && settings[name] !== null) {
        input(name).value = String(settings[name]);
      }
    });
  }

  function saveToAddress() {
    var params = new URLSearchParams();
    var body = values();
    FIELDS.forEach(function (name) {
      params.set(name, String(body[name]));
    });
    if (run && shownMatchesSettings) {
      params.set('run', run);
    }
    history.replaceState(null, '', window.location.pathname + '?' + params.toString() + window.location.hash);
  }

  function loadFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var settings = {};
    FIELDS.forEach(function (name) {
      if (params.has(name)) {
        settings[name] = params.get(name);
      }
    });
    fill(settings);
    return params.get('run');
  }

  // ---------------------------------------------------------------- showing a run
  function clear() {
    observations.textContent = '';
    epochRows.textContent = '';
    epochCount.textContent = '0';
    result.hidden = true;
    promotion.hidden = true;
    promoted = null;
    root.querySelector('[data-predict-result]').textContent = '';
    Object.keys(charts).forEach(function (key) {
      if (charts[key]) {
        charts[key].data.datasets.forEach(function (set) { set.data = []; });
        charts[key].update('none');
      }
    });
  }

  function cell(tag, text, scope) {
    var node = el(tag, null, text);
    if (scope) {
      node.setAttribute('scope', scope);
    }
    return node;
  }

  function observationRow(epoch) {
    var row = el('tr');
    row.appendChild(cell('th', String(epoch.epoch), 'row'));
    row.appendChild(cell('td', 'train ' + dp3(epoch.train_loss) + ' / validation ' + dp3(epoch.validation_loss)));
    row.appendChild(cell('td', 'train ' + percent(epoch.train_accuracy) + ' / validation '
        + percent(epoch.validation_accuracy)));
    row.appendChild(cell('td', epoch.observation));
    return row;
  }

  function addEpoch(epoch, planned) {
    var row = el('tr');
    row.appendChild(cell('th', String(epoch.epoch), 'row'));
    [dp3(epoch.train_loss), dp3(epoch.validation_loss), percent(epoch.train_accuracy),
      percent(epoch.validation_accuracy), epoch.elapsed_ms.toFixed(1)].forEach(function (text) {
      row.appendChild(cell('td', text));
    });
    epochRows.appendChild(row);
    epochCount.textContent = String(epoch.epoch);
    if (epoch.observation) {
      observations.appendChild(observationRow(epoch));
    }
    push(charts.loss, epoch.epoch, epoch.train_loss, epoch.validation_loss);
    push(charts.accuracy, epoch.epoch, epoch.train_accuracy, epoch.validation_accuracy);
    progress.max = planned;
    progress.value = epoch.epoch;
    progressText.textContent = 'Epoch ' + epoch.epoch + ' of ' + planned + ' · validation loss '
        + dp3(epoch.validation_loss) + ', validation accuracy ' + percent(epoch.validation_accuracy);
  }

  // Points are added at once and drawn once per frame: a replay of 2,000 epochs is one redraw, not 2,000.
  var redraw = null;
  function push(chart, x, train, validation) {
    if (!chart) {
      return;
    }
    chart.data.datasets[0].data.push({ x: x, y: train });
    chart.data.datasets[1].data.push({ x: x, y: validation });
    if (redraw === null) {
      redraw = window.requestAnimationFrame(function () {
        redraw = null;
        Object.keys(charts).forEach(function (key) {
          if (charts[key]) {
            charts[key].update('none');
          }
        });
      });
    }
  }

  function showSummary(summary) {
    running(false);
    observations.textContent = '';
    (summary.observations || []).forEach(function (epoch) {
      observations.appendChild(observationRow(epoch));
    });
    if (!summary.test) {
      status.textContent = 'The run failed: ' + summary.stop_reason + '.';
      return;
    }
    progress.value = progress.max = Math.max(1, summary.epochs_run);
    var text = 'Run ' + summary.id + ' ' + summary.status + ' after ' + summary.epochs_run + ' epochs ('
        + summary.stop_reason + '). On the ' + summary.test.size + ' test rows the kept model (epoch '
        + summary.kept_epoch + ') is ' + percent(summary.test.accuracy) + ' accurate.';
    if (summary.overfitting_from) {
      text += ' The curves show overfitting from epoch ' + summary.overfitting_from + '.';
    }
    root.querySelector('[data-result-text]').textContent = text;
    status.textContent = summary.status === 'completed' ? 'Training finished: ' + summary.stop_reason + '.'
        : 'Training stopped: ' + summary.stop_reason + '.';
    matrix(summary.test);
    root.querySelector('[data-promote]').hidden = summary.status !== 'completed';
    result.hidden = false;
  }

  function matrix(test) {
    var head = root.querySelector('[data-matrix-head]');
    var body = root.querySelector('[data-matrix-body]');
    head.textContent = '';
    body.textContent = '';
    var top = el('tr');
    top.appendChild(el('td'));
    test.classes.forEach(function (name) {
      top.appendChild(cell('th', 'Predicted ' + name, 'col'));
    });
    head.appendChild(top);
    test.confusion_matrix.forEach(function (counts, actual) {
      var row = el('tr');
      row.appendChild(cell('th', 'Actual ' + test.classes[actual], 'row'));
      counts.forEach(function (count, predicted) {
        var td = cell('td', String(count));
        td.className = actual === predicted ? 'diagonal' : 'off-diagonal';
        row.appendChild(td);
      });
      body.appendChild(row);
    });
  }

  function running(on) {
    startButton.disabled = on;
    stopButton.disabled = !on;
    busy.setAttribute('aria-busy', on ? 'true' : 'false');
  }

  function follow(id, planned) {
    if (source) {
      source.close();
    }
    source = new EventSource('/api/v1/trainings/' + encodeURIComponent(id) + '/events');
    source.addEventListener('epoch', function (event) {
      addEpoch(JSON.parse(event.data), planned);
    });
    source.addEventListener('summary', function (event) {
      source.close();
      source = null;
      showSummary(JSON.parse(event.data));
    });
    source.addEventListener('epoch', function () {
      retries = 0;
    });
    source.onerror = function () {
      // The stream broke before the summary: wait a moment, then read what the run has become and follow it
      // again (the server keeps a run going for a few seconds without followers). Give up after a few tries.
      if (source) {
        source.close();
        source = null;
        retries++;
        if (retries > 3) {
          running(false);
          status.textContent = 'Lost the connection to the server. Reload the page to see the run.';
          return;
        }
        status.textContent = 'Connection lost; reconnecting…';
        window.setTimeout(function () { show(id); }, 1000 * retries);
      }
    };
  }

  // Shows a run from its record, as after a reload of a shared address.
  function show(id) {
    return fetch('/api/v1/trainings/' + encodeURIComponent(id), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('run ' + id + ' is no longer kept by the server; start a new one');
        }
        return response.json();
      })
      .then(function (record) {
        run = record.id;
        shownMatchesSettings = true;
        clear();
        if (record.status === 'running') {
          // The stream replays every epoch so far, then goes on live.
          running(true);
          follow(record.id, record.hyperparameters.epochs);
          return;
        }
        record.history.forEach(function (epoch) {
          addEpoch(epoch, record.hyperparameters.epochs);
        });
        if (record.summary) {
          showSummary(record.summary);
        }
      })
      .catch(function (error) {
        status.textContent = 'Could not show the run: ' + error.message + '.';
      });
  }

  function showErrors(problem) {
    errors.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(function (field) {
      field.removeAttribute('aria-invalid');
    });
    if (!problem) {
      errors.hidden = true;
      return;
    }
    errors.appendChild(el('p', null, problem.detail || problem.title || 'The run could not start.'));
    if (problem.errors && problem.errors.length) {
      var list = el('ul');
      problem.errors.forEach(function (violation) {
        var field = input(violation.field);
        var label = field ? form.querySelector('label[for="' + field.id + '"]').textContent : violation.field;
        list.appendChild(el('li', null, label + ' (' + violation.field + ') ' + violation.message));
        if (field) {
          field.setAttribute('aria-invalid', 'true');
        }
      });
      errors.appendChild(list);
      var first = input(problem.errors[0].field);
      if (first) {
        first.focus();
      }
    }
    errors.hidden = false;
  }

  function start() {
    var body = values();
    showErrors(null);
    status.textContent = 'Starting…';
    running(true);
    fetch('/api/v1/trainings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (response) {
      return response.json().catch(function () {
        return { detail: 'The server answered HTTP ' + response.status + '.' };
      }).then(function (data) {
        if (!response.ok) {
          if (response.status === 429) {
            data.detail = (data.detail || 'The server is busy.') + ' (Retry in about '
                + (response.headers.get('Retry-After') || 'a few') + ' s.)';
          }
          throw data;
        }
        return data;
      });
    }).then(function (record) {
      run = record.id;
      shownMatchesSettings = true;
      saveToAddress();
      clear();
      status.textContent = 'Training run ' + record.id + ' started: ' + record.hyperparameters.epochs
          + ' epochs at most on ' + record.hyperparameters.dataset + '.';
      follow(record.id, record.hyperparameters.epochs);
    }).catch(function (problem) {
      running(false);
      status.textContent = 'The run did not start.';
      showErrors(problem instanceof Error ? { detail: problem.message } : problem);
    });
  }

  // ---------------------------------------------------------------- promote and predict
  function promote() {
    var name = root.querySelector('#train-model-name').value.trim();
    var answer = root.querySelector('[data-predict-result]');
    postJson('/api/v1/trainings/' + encodeURIComponent(run) + '/promotion',
        name ? { name: name } : {})
      .then(function (served) {
        promoted = served;
        root.querySelector('[data-model-name]').textContent = served.model;
        var card = root.querySelector('[data-model-card]');
        card.href = served.model_card;
        root.querySelector('[data-promotion-curl]').textContent = "curl -s '" + window.location.origin
            + served.predict + "' \\\n  -H 'Content-Type: application/json' \\\n  -d '"
            + JSON.stringify(served.example) + "'";
        promotion.hidden = false;
        answer.textContent = served.created ? 'Your model is served as ' + served.model + '.'
            : 'This run was already served as ' + served.model + '.';
        if (served.retired && served.retired.length) {
          answer.textContent += ' To stay within the server\'s limit, ' + served.retired.join(', ')
              + ' is no longer served.';
        }
      })
      .catch(function (error) {
        promotion.hidden = false;
        answer.textContent = 'Not promoted: ' + error.message;
      });
  }

  function predict() {
    var answer = root.querySelector('[data-predict-result]');
    postJson(promoted.predict, promoted.example)
      .then(function (prediction) {
        var best = prediction.probabilities[prediction.predicted_class];
        answer.textContent = prediction.model + ' answers "' + prediction.predicted_class + '" with probability '
            + best.toFixed(3) + ' for the first test row of your run.';
      })
      .catch(function (error) {
        answer.textContent = 'The prediction failed: ' + error.message;
      });
  }

  // ---------------------------------------------------------------- wiring
  root.querySelectorAll('[data-preset]').forEach(function (button) {
    button.addEventListener('click', function () {
      var preset = JSON.parse(button.getAttribute('data-preset-values'));
      delete preset.pace_ms; // the page keeps its own pace so that the run can be watched
      fill(preset);
      shownMatchesSettings = false;
      saveToAddress();
      status.textContent = button.textContent + ' preset loaded. Press Start training.';
    });
  });
  form.addEventListener('change', function () {
    shownMatchesSettings = false;
    saveToAddress();
  });
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    start();
  });
  stopButton.addEventListener('click', function () {
    if (run) {
      status.textContent = 'Stopping after the epoch in progress…';
      fetch('/api/v1/trainings/' + encodeURIComponent(run), { method: 'DELETE' }).catch(function () {
        status.textContent = 'Could not reach the server to stop the run.';
      });
    }
  });
  root.querySelector('[data-promote-button]').addEventListener('click', promote);
  root.querySelector('[data-predict-button]').addEventListener('click', predict);
  var followingWhenHidden = false;
  window.addEventListener('pagehide', function () {
    followingWhenHidden = source !== null;
    if (source) {
      source.close(); // the server cancels a run nobody comes back to within a few seconds
      source = null;
    }
  });
  window.addEventListener('pageshow', function (event) {
    // Back from the browser's page cache: pick the run up where it is now.
    if (event.persisted && followingWhenHidden && run) {
      show(run);
    }
  });

  var shared = loadFromAddress();
  if (shared) {
    show(shared);
  }
}

document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-widget="training-lab"]').forEach(initTrainingLab);
});
