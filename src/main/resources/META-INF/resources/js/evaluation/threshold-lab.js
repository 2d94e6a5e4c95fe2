// The threshold lab: moving the threshold fetches the widget's result part, rendered by the server at that
// threshold (GET /widgets/threshold-lab/result), and swaps it in; the curves are drawn with Chart.js from the
// points in the result's own data table. Checking the goal asks the lab's JSON API.
import { fetchFragment, fetchJson } from '/js/common.js';
import { createChart } from '/js/charts.js';
import { dp2, dp3 } from '/js/format.js';

// Waits this long after the last slider move before asking, so that holding an arrow key sends few requests.
const DEBOUNCE_MS = 60;

const CURVES = {
  'precision-recall': { x: 'recall', y: 'precision', xTitle: 'Recall', yTitle: 'Precision' },
  roc: { x: 'fpr', y: 'recall', xTitle: 'False-positive rate', yTitle: 'True-positive rate' }
};

function number(text) {
  return text === undefined || text === '' ? null : Number(text);
}

// Reads the curves' points from the data table: one row per threshold, the rates in data attributes (empty where a
// rate is undefined).
function pointsOf(table) {
  return [...table.querySelectorAll('tr[data-threshold]')].map((row) => ({
    threshold: Number(row.dataset.threshold),
    recall: number(row.dataset.recall),
    precision: number(row.dataset.precision),
    fpr: number(row.dataset.fpr),
    current: row.getAttribute('aria-current') === 'true'
  }));
}

// Draws one curve, every threshold in the accent and the current one in the "bad" colour, or returns null without
// Chart.js: the data table still shows every point.
function drawCurve(canvas, curve, points) {
  const xy = (p) => ({ x: p[curve.x], y: p[curve.y], threshold: p.threshold });
  const defined = points.filter((p) => p[curve.x] !== null && p[curve.y] !== null);
  const axis = (title) => ({ type: 'linear', min: 0, max: 1, title: { display: true, text: title } });
  return createChart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Every threshold', data: defined.map(xy), showLine: true, pointRadius: 0, pointHoverRadius: 3,
          borderWidth: 2 },
        { label: 'Current threshold', data: defined.filter((p) => p.current).map(xy), pointRadius: 6 }
      ]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: axis(curve.xTitle), y: axis(curve.yTitle) },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item) => 'threshold ' + dp2(item.raw.threshold) + ': ' + curve.xTitle.toLowerCase() + ' '
                + dp3(item.raw.x) + ', ' + curve.yTitle.toLowerCase() + ' ' + dp3(item.raw.y)
          }
        }
      }
    }
  });
}

function initThresholdLab(root) {
  const form = root.querySelector('[data-threshold-form]');
  const output = root.querySelector('[data-threshold-output]');
  const region = root.querySelector('[data-threshold-result]');
  const verdict = root.querySelector('[data-goal-verdict]');
  let charts = [];
  let timer = null;
  let sequence = 0;

  function drawCharts() {
    destroyCharts();
    const points = pointsOf(region.querySelector('[data-curve-rows]'));
    charts = Object.entries(CURVES)
      .map(([name, curve]) => drawCurve(region.querySelector('[data-curve="' + name + '"]'), curve, points))
      .filter((chart) => chart);
  }

  function destroyCharts() {
    charts.forEach((chart) => chart.destroy());
    charts = [];
  }

  // Swaps the server's new result in, keeping the summary element itself (a live region announces a change of its
  // text, not a new element) and whether the data table is open.
  function swap(fresh) {
    const summary = region.querySelector('[data-threshold-summary]');
    const freshSummary = fresh.querySelector('[data-threshold-summary]');
    summary.textContent = freshSummary.textContent;
    freshSummary.remove();
    fresh.querySelector('[data-curve-data]').open = region.querySelector('[data-curve-data]').open;
    destroyCharts();
    while (summary.nextSibling) {
      summary.nextSibling.remove();
    }
    region.append(fresh);
    drawCharts();
  }

  async function load() {
    const mine = ++sequence;
    const query = new URLSearchParams({
      dataset: form.elements.dataset.value,
      threshold: form.elements.threshold.value
    });
    try {
      const fresh = await fetchFragment('/widgets/threshold-lab/result?' + query);
      if (mine === sequence) {
        swap(fresh);
      }
    } catch (error) {
      if (mine === sequence) {
        region.querySelector('[data-threshold-summary]').textContent = error.message;
      }
    }
  }

  function showGoal() {
    root.querySelectorAll('[data-goal]').forEach((goal) => {
      goal.hidden = goal.dataset.goal !== form.elements.dataset.value;
    });
    verdict.textContent = '';
  }

  async function checkGoal() {
    const url = '/api/v1/thresholds/' + encodeURIComponent(form.elements.dataset.value) + '/challenge?'
        + new URLSearchParams({ threshold: form.elements.threshold.value });
    try {
      const answer = await fetchJson(url);
      verdict.textContent = 'At ' + dp2(answer.threshold) + ': ' + answer.message;
    } catch (error) {
      verdict.textContent = error.message;
    }
  }

  form.addEventListener('input', (event) => {
    output.textContent = dp2(Number(form.elements.threshold.value));
    if (event.target === form.elements.dataset) {
      showGoal();
    }
    clearTimeout(timer);
    timer = setTimeout(load, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  root.querySelector('[data-check-goal]').addEventListener('click', checkGoal);
  drawCharts();
}

document.querySelectorAll('[data-widget="threshold-lab"]').forEach(initThresholdLab);
