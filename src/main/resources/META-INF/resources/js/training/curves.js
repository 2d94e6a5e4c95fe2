// The training lab's two charts, loss and accuracy per epoch, drawn by Chart.js in the page's own colours. The
// numbers are also in the epoch table under them; the charts only draw them.
import { createChart } from '/js/charts.js';
import { dp3, percent } from '/js/format.js';

function series(name, dashed) {
  return { label: name, data: [], borderWidth: 2, borderDash: dashed ? [6, 4] : [], pointRadius: 0,
    pointHoverRadius: 4, tension: 0 };
}

// Draws one chart, the training series in the accent and the validation series in the "bad" colour, or returns null
// without Chart.js.
function lineChart(canvas, label, format) {
  return createChart(canvas, {
    type: 'line',
    data: { datasets: [series('Training ' + label, false), series('Validation ' + label, true)] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: { type: 'linear', title: { display: true, text: 'Epoch' }, ticks: { precision: 0 }, min: 1 },
        y: { title: { display: true, text: label }, min: 0, suggestedMax: 1 }
      },
      plugins: {
        tooltip: {
          callbacks: {
            title: (items) => (items.length ? 'Epoch ' + items[0].parsed.x : ''),
            label: (item) => item.dataset.label + ': ' + format(item.parsed.y)
          }
        }
      }
    }
  });
}

// Holds the loss and accuracy charts of one lab. Points are added at once and drawn once per frame: a replay of
// 2,000 epochs is one redraw, not 2,000.
export class Curves {
  constructor(root) {
    this.charts = [
      { chart: lineChart(root.querySelector('[data-chart=loss]'), 'loss', dp3), train: 'train_loss',
        validation: 'validation_loss' },
      { chart: lineChart(root.querySelector('[data-chart=accuracy]'), 'accuracy', percent),
        train: 'train_accuracy', validation: 'validation_accuracy' }
    ].filter(({ chart }) => chart); // without Chart.js the tables still show every number
    this.redraw = null;
  }

  // Adds an epoch's point to both charts.
  add(epoch) {
    this.charts.forEach(({ chart, train, validation }) => {
      chart.data.datasets[0].data.push({ x: epoch.epoch, y: epoch[train] });
      chart.data.datasets[1].data.push({ x: epoch.epoch, y: epoch[validation] });
    });
    if (this.redraw === null) {
      this.redraw = window.requestAnimationFrame(() => {
        this.redraw = null;
        this.charts.forEach(({ chart }) => chart.update('none'));
      });
    }
  }

  // Empties both charts for a new run.
  clear() {
    this.charts.forEach(({ chart }) => {
      chart.data.datasets.forEach((set) => {
        set.data = [];
      });
      chart.update('none');
    });
  }
}
