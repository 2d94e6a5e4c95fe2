// The reliability diagram: choosing a model or a bin count fetches the widget's result part, rendered by the server
// for that choice (GET /widgets/calibration/result), and swaps it in; the chart is drawn with Chart.js from the rows
// of the result's own data table.
import { fetchFragment } from '/js/common.js';
import { createChart } from '/js/charts.js';
import { dp3, whole } from '/js/format.js';

// Reads one point per bin that holds predictions: its mean probability, observed frequency and count.
function binsOf(rows) {
  return [...rows.querySelectorAll('tr[data-count]')]
    .filter((row) => Number(row.dataset.count) > 0)
    .map((row) => ({ x: Number(row.dataset.mean), y: Number(row.dataset.observed), count: Number(row.dataset.count) }));
}

// Draws the bins as dots and the diagonal of perfect calibration, or returns null without Chart.js: the data table
// still shows every bin.
function drawDiagram(canvas, bins) {
  const axis = (title) => ({ type: 'linear', min: 0, max: 1, title: { display: true, text: title } });
  return createChart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'Bins', data: bins, pointRadius: 6 },
        { label: 'Perfect calibration', data: [{ x: 0, y: 0 }, { x: 1, y: 1 }], showLine: true, pointRadius: 0,
          borderWidth: 1, borderDash: [6, 4] }
      ]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: axis('Mean predicted probability'), y: axis('Observed frequency') },
      plugins: {
        tooltip: {
          filter: (item) => item.datasetIndex === 0,
          callbacks: {
            label: (item) => whole(item.raw.count) + ' predictions: mean probability ' + dp3(item.raw.x)
                + ', observed ' + dp3(item.raw.y)
          }
        }
      }
    }
  });
}

function initCalibration(root) {
  const form = root.querySelector('[data-calibration-form]');
  const region = root.querySelector('[data-calibration-result]');
  let chart = null;
  let sequence = 0;

  function draw() {
    chart?.destroy();
    chart = drawDiagram(region.querySelector('[data-calibration-chart]'), binsOf(region.querySelector('[data-calibration-rows]')));
  }

  // Swaps the server's new result in, keeping the summary element itself: a live region announces a change of its
  // text, not a new element.
  function swap(fresh) {
    const summary = region.querySelector('[data-calibration-summary]');
    const freshSummary = fresh.querySelector('[data-calibration-summary]');
    summary.textContent = freshSummary.textContent.replace(/\s+/g, ' ').trim();
    freshSummary.remove();
    chart?.destroy();
    chart = null;
    while (summary.nextSibling) {
      summary.nextSibling.remove();
    }
    region.append(fresh);
    draw();
  }

  async function load() {
    const mine = ++sequence;
    const query = new URLSearchParams({ model: form.elements.model.value, bins: form.elements.bins.value });
    try {
      const fresh = await fetchFragment('/widgets/calibration/result?' + query);
      if (mine === sequence) {
        swap(fresh);
      }
    } catch (error) {
      if (mine === sequence) {
        region.querySelector('[data-calibration-summary]').textContent = error.message;
      }
    }
  }

  form.addEventListener('input', load);
  form.addEventListener('submit', (event) => event.preventDefault());
  draw();
}

document.querySelectorAll('[data-widget="calibration"]').forEach(initCalibration);
