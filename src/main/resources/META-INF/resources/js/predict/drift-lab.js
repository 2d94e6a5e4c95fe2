// The drift lab: sends the iris flowers, as they are or changed by a preset, to a deployment of this browser's own,
// and shows the server's drift report (per feature PSI against its chance level, KS, distributions by bin, species
// mix) and its alerts, with a chart of one feature's bins and a table behind it.
import { cell, el, fetchJson, forget, load, oneAtATime, postJson, save } from '/js/common.js';
import { createChart } from '/js/charts.js';
import { dp2, dp3, percent } from '/js/format.js';

const KEY = 'serving-lab.drift-lab';
const AT_ONCE = 4;

// Applies a preset to one flower: adds, multiplies, or leaves the flower out (null) when below a minimum.
function change(flower, preset) {
  for (const [feature, minimum] of Object.entries(preset.minimum)) {
    if (flower[feature] < minimum) {
      return null;
    }
  }
  const changed = { ...flower };
  for (const [feature, add] of Object.entries(preset.add)) {
    changed[feature] = Math.round((changed[feature] + add) * 100) / 100;
  }
  for (const [feature, factor] of Object.entries(preset.multiply)) {
    changed[feature] = Math.round(changed[feature] * factor * 100) / 100;
  }
  return changed;
}

function initDriftLab(root) {
  const form = root.querySelector('[data-drift-form]');
  const alertForm = root.querySelector('[data-alert-form]');
  const status = root.querySelector('[data-drift-status]');
  const featureSelect = root.querySelector('[data-drift-feature]');
  const flowers = JSON.parse(root.dataset.flowers);
  const presets = JSON.parse(root.dataset.presets);
  let deployment = load(KEY).deployment || null;
  let report = null;
  let chart = null;

  const say = (text) => {
    status.textContent = text;
  };
  const path = (tail = '') => `/api/v1/deployments/${encodeURIComponent(deployment)}${tail}`;

  async function ensureDeployment(fresh = false) {
    if (deployment && !fresh) {
      try {
        await fetchJson(path());
        return;
      } catch (e) {
        if (e.status !== 404) {
          throw e;
        }
        forget(KEY);
      }
    }
    deployment = (await postJson('/api/v1/deployments')).name;
    save(KEY, { deployment });
  }

  function drawBins() {
    if (!report) {
      return;
    }
    const feature = report.features[Number(featureSelect.value)];
    const labels = feature.training_shares.map((_, b) => {
      const from = b === 0 ? '' : dp2(feature.edges[b - 1]);
      const to = b === feature.edges.length ? '' : dp2(feature.edges[b]);
      return from === '' ? `below ${to}` : to === '' ? `${from} or more` : `${from} to ${to}`;
    });
    root.querySelector('[data-drift-bins]').replaceChildren(...labels.map((label, b) => {
      const tr = el('tr');
      tr.append(cell('th', label, 'row'), cell('td', percent(feature.training_shares[b])),
        cell('td', feature.recent_shares.length ? percent(feature.recent_shares[b]) : '—'));
      return tr;
    }));
    const data = {
      labels,
      datasets: [
        { label: 'Training rows', data: feature.training_shares },
        { label: 'Recent requests', data: feature.recent_shares }
      ]
    };
    if (chart) {
      chart.data = data;
      chart.update('none');
    } else {
      chart = createChart(root.querySelector('[data-drift-chart]'), {
        type: 'bar',
        data,
        options: {
          animation: false,
          maintainAspectRatio: false,
          scales: {
            x: { title: { display: true, text: `${feature.feature} (cm)` } },
            y: { title: { display: true, text: 'Share' }, beginAtZero: true }
          }
        }
      });
    }
  }

  function render(drift) {
    report = drift;
    root.querySelector('[data-drift-features]').replaceChildren(...drift.features.map((f) => {
      const tr = el('tr');
      tr.append(
        cell('th', f.feature, 'row'),
        cell('td', dp2(f.training_mean)),
        cell('td', dp2(f.recent_mean)),
        cell('td', dp3(f.psi)),
        cell('td', dp3(f.psi_noise)),
        cell('td', f.level),
        cell('td', dp3(f.ks)),
        cell('td', f.ks_p_value === null ? '—' : f.ks_p_value < 0.001 ? '< 0.001' : dp3(f.ks_p_value)));
      return tr;
    }));
    const mix = drift.classes;
    root.querySelector('[data-drift-classes]').replaceChildren(...mix.classes.map((c, i) => {
      const tr = el('tr');
      tr.append(cell('th', c, 'row'), cell('td', percent(mix.training[i])),
        cell('td', mix.recent.length ? percent(mix.recent[i]) : '—'));
      return tr;
    }));
    drawBins();
  }

  function renderAlerts(alerts) {
    root.querySelector('[data-alerts]').replaceChildren(...alerts.alerts.map((a) => {
      const tr = el('tr');
      const value = a.value === null ? '—' : a.name === 'error rate' ? percent(a.value) : `${dp3(a.value)} ms`;
      tr.append(cell('th', a.name, 'row'), cell('td', a.rule), cell('td', value), cell('td', a.state));
      return tr;
    }));
  }

  async function refresh() {
    render(await fetchJson(path('/drift')));
    renderAlerts(await fetchJson(path('/alerts')));
  }

  async function sendAll(bodies) {
    let next = 0;
    let refused = 0;
    const one = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        try {
          await postJson(path('/predict'), body);
        } catch (e) {
          refused++;
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, one));
    return refused;
  }

  const act = oneAtATime(say);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      await ensureDeployment();
      const preset = presets.find((p) => p.name === form.elements.preset.value);
      const bodies = flowers.map((f) => change(f, preset)).filter(Boolean);
      const refused = await sendAll(bodies);
      await refresh();
      say(`Sent ${bodies.length} flowers (${preset.label.toLowerCase()})${refused ? `, ${refused} refused` : ''}; `
        + `the window now holds the last ${report.requests} answered requests.`);
    });
  });

  root.querySelector('[data-drift-fresh]').addEventListener('click', () => act(async () => {
    await ensureDeployment(true);
    await refresh();
    say('A new deployment with an empty window: nothing sent yet.');
  }));

  featureSelect.addEventListener('change', drawBins);

  alertForm.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      await ensureDeployment();
      const rules = {
        p99_ms: Number(alertForm.elements.p99_ms.value),
        error_rate: Number(alertForm.elements.error_rate.value),
        window_seconds: Number(alertForm.elements.window_seconds.value)
      };
      const alerts = await fetchJson(path('/alerts'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(rules)
      });
      renderAlerts(alerts);
      say(`Rules set; ${alerts.requests} requests in their window.`);
    });
  });

  root.querySelector('[data-alert-broken]').addEventListener('click', () => act(async () => {
    await ensureDeployment();
    // A flower with its petal measurements missing: every one is refused with 422, an error of the current version.
    const broken = flowers.slice(0, 50).map((f) => ({ sepal_length: f.sepal_length, sepal_width: f.sepal_width }));
    const refused = await sendAll(broken);
    renderAlerts(await fetchJson(path('/alerts')));
    say(`Sent 50 broken requests: ${refused} refused.`);
  }));
}

document.querySelectorAll('[data-widget="drift-lab"]').forEach(initDriftLab);
