// The stream lab: starts a small training run through the public API and follows its Server-Sent Events with this
// browser as the stopwatch, as a chat page follows a language model's tokens. It measures the time to the first
// event (split into the start request, opening the stream and the wait for the first epoch) and the events per
// second after it, draws the arrivals and the gaps between events (Chart.js, each with its data table), and sets the
// browser's rate beside the one the server's own clock gives. A broken stream is not resumed: a reconnection would
// put its own pause into the figures, so the lab reports what arrived.
import { el, fetchJson } from '/js/common.js';
import { createChart, createCountChart } from '/js/charts.js';
import { dp2, millis } from '/js/format.js';

const BINS = 10;

// The median of sorted values (the mean of the two middle ones for an even count).
function median(sorted) {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// Splits 0 to the longest gap into equal bins and counts the gaps in each; a gap equal to a bin's upper end is
// counted in the next one, the longest in the last.
function histogram(gaps) {
  const width = Math.max(...gaps) / BINS || 0.01;
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: i * width, to: (i + 1) * width, count: 0 }));
  for (const gap of gaps) {
    bins[Math.min(BINS - 1, Math.floor(gap / width))].count++;
  }
  return bins;
}

// Events per second after the first one, from the times of the first and the last; null with fewer than two
// events or none of the time between them.
function rate(count, first, last) {
  return count > 1 && last > first ? (count - 1) / ((last - first) / 1000) : null;
}

function perSecond(value) {
  return value === null ? '—' : value.toFixed(1) + ' per second';
}

function cell(text) {
  return el('td', null, text);
}

function initStreamLab(root) {
  const form = root.querySelector('[data-stream-form]');
  const startButton = root.querySelector('[data-stream-start]');
  const stopButton = root.querySelector('[data-stream-stop]');
  const status = root.querySelector('[data-stream-status]');
  const progress = root.querySelector('[data-stream-progress]');
  const results = root.querySelector('[data-stream-results]');
  const eventRows = root.querySelector('[data-stream-events]');
  let arrivalsChart = null;
  let gapsChart = null;
  let source = null;
  let run = null; // the run being followed: its record from the API

  const set = (name, text) => {
    root.querySelector(`[data-stream="${name}"]`).textContent = text;
  };

  function running(on) {
    startButton.disabled = on;
    stopButton.disabled = !on;
  }

  function close() {
    if (source) {
      source.close();
      source = null;
    }
  }

  // Shows the figures of what has arrived so far; called once the stream has ended, whichever way.
  function summarise(clock) {
    const events = clock.events;
    if (!events.length) {
      return;
    }
    const first = events[0];
    const last = events[events.length - 1];
    const opened = clock.opened ?? first.at; // the browser reports the stream open before its first event
    set('first', millis(first.at, 1));
    set('start', millis(clock.created, 1));
    set('open', millis(opened - clock.created, 1));
    set('wait', millis(first.at - opened, 1));
    set('count', String(events.length));
    set('rate', perSecond(rate(events.length, first.at, last.at)));
    set('server-rate', perSecond(rate(events.length, first.server, last.server)));
    const gaps = events.slice(1).map((event) => event.gap);
    const sorted = [...gaps].sort((a, b) => a - b);
    set('median-gap', sorted.length ? millis(median(sorted), 2) : '—');
    set('max-gap', sorted.length ? millis(sorted[sorted.length - 1], 2) : '—');
    set('total', millis(last.at, 1));

    const bins = gaps.length ? histogram(gaps) : [];
    root.querySelector('[data-stream-gaps]').replaceChildren(...bins.map((bin) => {
      const tr = el('tr');
      tr.append(cell(dp2(bin.from)), cell(dp2(bin.to)), cell(String(bin.count)));
      return tr;
    }));
    gapsChart = gapsChart || createCountChart(root.querySelector('[data-stream-chart="gaps"]'),
      { label: 'Gaps', x: 'Gap between events (ms)', y: 'Gaps' });
    if (gapsChart) {
      gapsChart.data.labels = bins.map((bin) => `${dp2(bin.from)}–${dp2(bin.to)}`);
      gapsChart.data.datasets[0].data = bins.map((bin) => bin.count);
      gapsChart.update();
    }
  }

  // Draws the arrivals: the number of events received against the time since Start.
  function drawArrivals(events) {
    arrivalsChart = arrivalsChart || createChart(root.querySelector('[data-stream-chart="arrivals"]'), {
      type: 'line',
      data: { datasets: [{ label: 'Events received', data: [], stepped: true, pointRadius: 0 }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'Time since Start (ms)' } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'Events received' } }
        },
        plugins: { legend: { display: false } }
      }
    });
    if (arrivalsChart) {
      arrivalsChart.data.datasets[0].data = events.map((event, i) => ({ x: event.at, y: i + 1 }));
      arrivalsChart.update('none');
    }
  }

  function addEvent(clock, epoch) {
    const at = performance.now() - clock.started;
    const previous = clock.events[clock.events.length - 1];
    const event = { epoch: epoch.epoch, at, gap: previous ? at - previous.at : null, server: epoch.elapsed_ms };
    clock.events.push(event);
    const tr = el('tr');
    const th = el('th', null, String(event.epoch));
    th.scope = 'row';
    tr.append(th, cell(dp2(event.at)), cell(event.gap === null ? '—' : dp2(event.gap)), cell(dp2(event.server)));
    eventRows.appendChild(tr);
    root.querySelector('[data-stream-event-count]').textContent = String(clock.events.length);
    progress.value = clock.events.length;
    if (clock.events.length === 1) {
      results.hidden = false;
      status.textContent = `First event after ${millis(at, 1)}; the rest are arriving…`;
    }
    drawArrivals(clock.events);
  }

  function finish(clock, message) {
    close();
    running(false);
    summarise(clock);
    status.textContent = message;
  }

  // Sends the start request itself rather than through postJson: a 429's Retry-After header is part of the lesson.
  async function startRun(body) {
    const response = await fetch('/api/v1/trainings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    });
    const answer = await response.json().catch(() => ({}));
    if (response.status === 429) {
      const after = response.headers.get('Retry-After');
      throw new Error('429 Too Many Requests: every training slot of this server is busy. It asks to retry after '
          + (after || 'a few') + ' s, as a model API does when you go over its rate limit.');
    }
    if (!response.ok) {
      throw new Error(response.status + ': ' + (answer.detail || answer.title || 'the run did not start'));
    }
    return answer;
  }

  async function start() {
    close();
    const epochs = Number(form.elements.epochs.value);
    const clock = { started: performance.now(), created: null, opened: null, events: [] };
    eventRows.replaceChildren();
    root.querySelector('[data-stream-event-count]').textContent = '0';
    progress.max = epochs;
    progress.value = 0;
    results.hidden = true;
    running(true);
    status.textContent = 'Starting a run…';
    try {
      run = await startRun({ epochs, pace_ms: Number(form.elements.pace_ms.value) });
    } catch (error) {
      running(false);
      run = null;
      status.textContent = error.message;
      return;
    }
    clock.created = performance.now() - clock.started;
    const stream = new EventSource(run.links.events);
    source = stream;
    stream.addEventListener('open', () => {
      clock.opened ??= performance.now() - clock.started;
    });
    stream.addEventListener('epoch', (event) => addEvent(clock, JSON.parse(event.data)));
    stream.addEventListener('summary', (event) => {
      const summary = JSON.parse(event.data);
      finish(clock, `Done: ${clock.events.length} events; the run ${summary.status}.`);
    });
    stream.addEventListener('error', () => {
      if (source !== stream) {
        return; // closed on purpose
      }
      finish(clock, `The stream broke after ${clock.events.length} events; the figures cover what arrived.`);
    });
  }

  async function stop() {
    if (!run) {
      return;
    }
    status.textContent = 'Stopping after the epoch in progress…';
    try {
      await fetchJson(run.links.self, { method: 'DELETE' });
    } catch (error) {
      status.textContent = 'Could not stop the run: ' + error.message;
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start();
  });
  stopButton.addEventListener('click', stop);
  // The server cancels a run nobody follows any more, a few seconds after the page is gone.
  window.addEventListener('pagehide', close);
}

document.querySelectorAll('[data-widget="stream-lab"]').forEach(initStreamLab);
