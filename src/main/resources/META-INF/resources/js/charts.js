// Draws the page scripts' charts with Chart.js, served from its webjar in this app (no CDN), in the page's own colours.
// Its UMD build sets globalThis.Chart when no module loader is present, which is the case when imported from a
// module.
import '/webjars/chart.js/dist/chart.umd.min.js';

const Chart = globalThis.Chart;

// The colours of a chart's datasets, in order: the first series in the accent, the second in the "bad" colour.
const SERIES = ['accent', 'bad'];

const DARK = window.matchMedia('(prefers-color-scheme: dark)');

// The chart colours come from the page's own palette, light or dark.
function palette() {
  const css = getComputedStyle(document.documentElement);
  const color = (name, fallback) => css.getPropertyValue(name).trim() || fallback;
  return {
    text: color('--text', '#1b1f24'),
    grid: color('--border', '#c9d0d7'),
    accent: color('--accent', '#0b57d0'),
    bad: color('--bad', '#a3141c')
  };
}

// Colours a chart's configuration (the one given to Chart.js, or a chart's own config) in the page's palette: each
// dataset's line and fill by its place, every axis's title, ticks and grid, and the legend's text.
function paint(config) {
  const colors = palette();
  config.data.datasets.forEach((dataset, index) => {
    const color = colors[SERIES[index % SERIES.length]];
    dataset.borderColor = color;
    dataset.backgroundColor = color;
  });
  const options = config.options ??= {};
  for (const axis of Object.values(options.scales ?? {})) {
    (axis.title ??= {}).color = colors.text;
    (axis.ticks ??= {}).color = colors.text;
    (axis.grid ??= {}).color = colors.grid;
  }
  const legend = (options.plugins ??= {}).legend ??= {};
  (legend.labels ??= {}).color = colors.text;
}

// Draws a chart in the page's colours and repaints it whenever the reader's system switches between light and dark,
// until the chart is destroyed. Returns null when Chart.js did not load: the data table beside every chart still
// shows its numbers.
export function createChart(canvas, config) {
  if (!Chart) {
    return null;
  }
  paint(config);
  let chart = null;
  const repaint = () => {
    paint(chart.config);
    chart.update('none');
  };
  const stopRepainting = { id: 'stop-repainting', afterDestroy: () => DARK.removeEventListener('change', repaint) };
  chart = new Chart(canvas, { ...config, plugins: [...(config.plugins ?? []), stopRepainting] });
  DARK.addEventListener('change', repaint);
  return chart;
}

// Draws a bar chart of counts (a histogram, the options chosen), one unlabelled data set with whole-number heights:
// the shape every count chart of the pages has. Returns null when Chart.js did not load, as createChart does.
export function createCountChart(canvas, { label, x, y }) {
  return createChart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [{ label, data: [] }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: {
        x: { title: { display: true, text: x } },
        y: { title: { display: true, text: y }, ticks: { precision: 0 }, beginAtZero: true }
      },
      plugins: { legend: { display: false } }
    }
  });
}
