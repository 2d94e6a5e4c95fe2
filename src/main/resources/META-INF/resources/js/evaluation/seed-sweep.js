// The seed sweep: the button asks the server for the sweep's result part (GET /widgets/seed-sweep/result), rendered
// once the 20 trainings are done, and swaps it in; the chart is drawn with Chart.js from the rows of the result's
// own data table.
import { fetchFragment } from '/js/common.js';
import { createChart } from '/js/charts.js';
import { percent } from '/js/format.js';

// Reads the seeds, the served model and the interval's bounds from the data table.
function readTable(rows) {
  const point = (row) => ({ x: Number(row.dataset.seed), y: Number(row.dataset.accuracy) * 100 });
  return {
    seeds: [...rows.querySelectorAll('tr[data-seed]:not([data-served])')].map(point),
    served: point(rows.querySelector('tr[data-served]')),
    low: Number(rows.dataset.low) * 100,
    high: Number(rows.dataset.high) * 100
  };
}

// Draws a dot per seed, the served model's accuracy as a line across, and the interval's bounds dashed, or returns
// null without Chart.js: the data table still holds every number.
function drawSweep(canvas, table) {
  const first = table.seeds[0].x;
  const last = table.seeds[table.seeds.length - 1].x;
  const across = (y) => [{ x: first, y }, { x: last, y }];
  const line = (label, y, dashed) => ({
    label, data: across(y), showLine: true, pointRadius: 0, borderWidth: 2, borderDash: dashed ? [6, 4] : []
  });
  return createChart(canvas, {
    type: 'scatter',
    data: {
      datasets: [
        { label: 'One seed', data: table.seeds, pointRadius: 5 },
        line('Served model (seed ' + table.served.x + ')', table.served.y, false),
        line('2.5th percentile', table.low, true),
        line('97.5th percentile', table.high, true)
      ]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { type: 'linear', min: first, max: last, ticks: { stepSize: 1 }, title: { display: true, text: 'Seed' } },
        y: { suggestedMin: 80, max: 100, title: { display: true, text: 'Test accuracy (%)' } }
      },
      plugins: {
        tooltip: { callbacks: { label: (item) => item.dataset.label + ': ' + percent(item.raw.y / 100) } }
      }
    }
  });
}

function initSeedSweep(root) {
  const form = root.querySelector('[data-sweep-form]');
  const button = root.querySelector('[data-sweep-start]');
  const summary = root.querySelector('[data-sweep-summary]');
  const region = root.querySelector('[data-sweep-result]');
  let chart = null;
  let sequence = 0;

  async function run() {
    const mine = ++sequence;
    summary.textContent = 'Training ' + button.textContent.replace(/^Train /, '') + '…';
    try {
      const fresh = await fetchFragment('/widgets/seed-sweep/result?'
          + new URLSearchParams({ model: form.elements.model.value }));
      if (mine !== sequence) {
        return;
      }
      // The page's own summary is the live region: it takes the new text, so that screen readers announce it.
      const freshSummary = fresh.querySelector('[data-sweep-summary]');
      summary.textContent = freshSummary.textContent.replace(/\s+/g, ' ').trim();
      freshSummary.remove();
      chart?.destroy();
      region.replaceChildren(fresh);
      chart = drawSweep(region.querySelector('[data-sweep-chart]'), readTable(region.querySelector('[data-sweep-rows]')));
    } catch (error) {
      if (mine === sequence) {
        summary.textContent = error.message;
      }
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
}

document.querySelectorAll('[data-widget="seed-sweep"]').forEach(initSeedSweep);
