// The latency lab: fires requests at POST /api/v1/predict from this browser, shows their latency percentiles and
// a histogram (Chart.js, with its numbers in a table beside it), and sets them beside the time the server itself
// spent in each stage, from one traced request. The request body comes from the page (the example flower).
import { EVENTS, announce, el, postJson } from '/js/common.js';
import { createCountChart } from '/js/charts.js';
import { dp2, micros, millis, whole } from '/js/format.js';

const BINS = 12;

// The nearest-rank percentile of sorted values: the smallest value that at least p % of the values do not exceed,
// the value at rank ⌈p/100 × n⌉ (from 1). Always a latency one request really had, never an interpolation;
// Micrometer's histogram on /q/metrics estimates its percentiles from bucket counts instead, so they differ.
function percentile(sorted, p) {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

// Splits the range from the fastest to the slowest latency into equal bins and counts the latencies in each.
function histogram(sorted) {
  const low = sorted[0];
  const width = (sorted[sorted.length - 1] - low) / BINS || 0.01;
  const bins = Array.from({ length: BINS }, (_, i) => ({ from: low + i * width, to: low + (i + 1) * width, count: 0 }));
  for (const latency of sorted) {
    bins[Math.min(BINS - 1, Math.floor((latency - low) / width))].count++;
  }
  return bins;
}

// Draws the histogram, or returns null without Chart.js: the data table still shows every number.
function makeChart(canvas) {
  return createCountChart(canvas, { label: 'Requests', x: 'Latency (ms)', y: 'Requests' });
}

function row(header, value) {
  const tr = el('tr');
  const th = el('th', null, header);
  th.scope = 'row';
  tr.append(th, el('td', null, value));
  return tr;
}

function initLatencyLab(root) {
  const form = root.querySelector('[data-latency-form]');
  const flower = JSON.parse(root.dataset.body);
  const status = root.querySelector('[data-latency-status]');
  let chart = null;
  let running = false;

  // Sends one prediction and records its latency. A 4xx or 5xx answer still took a measurable time; a request
  // that got no answer at all did not.
  async function one(latencies, errors) {
    const started = performance.now();
    try {
      await postJson('/api/v1/predict', flower);
    } catch (e) {
      errors.count++;
      if (e.status === undefined) {
        errors.unanswered++;
        return;
      }
    }
    latencies.push(performance.now() - started);
  }

  function show(latencies, errors, seconds, trace) {
    const sorted = [...latencies].sort((a, b) => a - b);
    const set = (name, text) => {
      root.querySelector(`[data-latency="${name}"]`).textContent = text;
    };
    set('requests', `${latencies.length + errors.unanswered} (${errors.count} errors)`);
    set('throughput', `${whole(latencies.length / seconds)} requests per second`);
    set('p50', millis(percentile(sorted, 50)));
    set('p95', millis(percentile(sorted, 95)));
    set('p99', millis(percentile(sorted, 99)));
    set('max', millis(sorted[sorted.length - 1]));

    const bins = histogram(sorted);
    root.querySelector('[data-latency-bins]').replaceChildren(...bins.map((bin) => {
      const tr = el('tr');
      tr.append(el('td', null, dp2(bin.from)), el('td', null, dp2(bin.to)), el('td', null, String(bin.count)));
      return tr;
    }));

    const serverMs = trace.total_duration_ns / 1e6;
    root.querySelector('[data-latency-stages]').replaceChildren(
      ...trace.stages.map((stage) => row(`Server: ${stage.name} stage`, micros(stage.duration_ns))),
      row('Network, HTTP and framework (median in the browser minus the four stages)',
        millis(Math.max(0, percentile(sorted, 50) - serverMs), 3)));

    root.querySelector('[data-latency-results]').hidden = false;
    chart = chart || makeChart(root.querySelector('[data-latency-histogram]'));
    if (chart) {
      chart.data.labels = bins.map((bin) => `${dp2(bin.from)}–${dp2(bin.to)}`);
      chart.data.datasets[0].data = bins.map((bin) => bin.count);
      chart.update();
    }
  }

  async function run(total, concurrency) {
    const latencies = [];
    const errors = { count: 0, unanswered: 0 };
    let sent = 0;
    const worker = async () => {
      while (sent < total) {
        sent++;
        await one(latencies, errors);
      }
    };
    status.textContent = `Sending ${total} requests, ${concurrency} at a time…`;
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, worker));
    const seconds = (performance.now() - started) / 1000;
    if (!latencies.length) {
      status.textContent = `No request got an answer (${errors.count} errors): is the server running?`;
      return;
    }
    announce(EVENTS.latencyRunFinished, {
      latencies_ms: latencies.map((ms) => Math.round(ms * 1000) / 1000),
      errors: errors.count,
      concurrency,
      seconds
    });
    const trace = await postJson('/api/v1/predict/trace', flower);
    show(latencies, errors, seconds, trace);
    status.textContent = `Done: ${total} requests in ${dp2(seconds)} s.`;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (running) {
      return;
    }
    running = true;
    try {
      await run(Number(form.elements.count.value), Number(form.elements.concurrency.value));
    } catch (e) {
      status.textContent = 'The run failed: ' + e.message;
    } finally {
      running = false;
    }
  });
}

document.querySelectorAll('[data-widget="latency-lab"]').forEach(initLatencyLab);
