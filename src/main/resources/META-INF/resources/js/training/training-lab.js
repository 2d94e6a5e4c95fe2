// The training lab: starts a run through the public API, follows its Server-Sent Events epoch by epoch, draws the
// curves and fills the tables, then promotes the run to a served model. The settings live in the page's address,
// so a run can be shared and repeated. The pieces are modules of their own; this one wires them together.
import { EVENTS, announce, el, fetchJson, postJson } from '/js/common.js';
import { Curves } from './curves.js';
import { Promotion } from './promotion.js';
import { RunFollower } from './run-follower.js';
import { RunView } from './run-view.js';
import { Settings } from './settings.js';

function initTrainingLab(root) {
  const form = root.querySelector('[data-training-form]');
  const errors = root.querySelector('[data-training-errors]');
  const settings = new Settings(form);
  const view = new RunView(root, new Curves(root));
  let run = null;
  let planned = 1; // the most epochs the run shown may have
  let shownMatchesSettings = false; // the address names the run only while the form holds its settings
  const promotion = new Promotion(root, () => run);
  const follower = new RunFollower({
    epoch: (epoch) => view.addEpoch(epoch, planned),
    summary: (summary) => {
      // Heard live only, not when a shared address shows an old run again.
      announce(EVENTS.trainingFinished, { run_id: summary.id, status: summary.status });
      return view.showSummary(summary);
    },
    reconnecting: () => view.status('Connection lost; reconnecting…'),
    resume: (id) => show(id),
    lost: () => {
      view.running(false);
      view.status('Lost the connection to the server. Reload the page to see the run.');
    }
  });

  function saveToAddress() {
    settings.save(shownMatchesSettings ? run : null);
  }

  // Starts showing a run: empties the view and the promotion.
  function begin(record) {
    run = record.id;
    planned = record.hyperparameters.epochs;
    shownMatchesSettings = true;
    view.clear(record.id);
    promotion.reset();
  }

  // Shows a run from its record, as after a reload of a shared address or a broken stream.
  async function show(id) {
    let record;
    try {
      record = await fetchJson('/api/v1/trainings/' + encodeURIComponent(id));
    } catch (error) {
      view.running(false);
      view.status('Could not show the run: ' + error.message);
      return;
    }
    begin(record);
    if (record.status === 'running') {
      view.running(true);
      follower.follow(record.id); // the stream replays every epoch so far, then goes on live
      return;
    }
    record.history.forEach((epoch) => view.addEpoch(epoch, planned));
    if (record.summary) {
      await view.showSummary(record.summary);
    }
  }

  function showErrors(problem) {
    errors.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach((field) => field.removeAttribute('aria-invalid'));
    if (!problem) {
      errors.hidden = true;
      return;
    }
    errors.appendChild(el('p', null, problem.detail || problem.title || 'The run could not start.'));
    if (problem.errors && problem.errors.length) {
      const list = el('ul');
      problem.errors.forEach((violation) => {
        const field = settings.field(violation.field);
        const label = field ? settings.label(field) : violation.field;
        list.appendChild(el('li', null, label + ' (' + violation.field + ') ' + violation.message));
        if (field) {
          field.setAttribute('aria-invalid', 'true');
        }
      });
      errors.appendChild(list);
      const first = settings.field(problem.errors[0].field);
      if (first) {
        first.focus();
      }
    }
    errors.hidden = false;
  }

  async function start() {
    showErrors(null);
    view.status('Starting…');
    view.running(true);
    let record;
    try {
      record = await postJson('/api/v1/trainings', settings.values());
    } catch (error) {
      view.running(false);
      view.status('The run did not start.');
      showErrors(error.body && typeof error.body === 'object' ? error.body : { detail: error.message });
      return;
    }
    begin(record);
    saveToAddress();
    view.status('Training run ' + record.id + ' started: ' + record.hyperparameters.epochs + ' epochs at most on '
        + record.hyperparameters.dataset + '.');
    follower.follow(record.id);
  }

  async function stop() {
    if (!run) {
      return;
    }
    view.status('Stopping after the epoch in progress…');
    try {
      await fetchJson('/api/v1/trainings/' + encodeURIComponent(run), { method: 'DELETE' });
    } catch (error) {
      view.status('Could not stop the run: ' + error.message);
    }
  }

  root.querySelectorAll('[data-preset]').forEach((button) => {
    button.addEventListener('click', () => {
      // Every setting that shapes the model; the pace is left as the learner set it.
      settings.fill(JSON.parse(button.dataset.presetValues));
      shownMatchesSettings = false;
      saveToAddress();
      view.status(button.textContent + ' preset loaded. Press Start training.');
    });
  });
  form.addEventListener('change', () => {
    shownMatchesSettings = false;
    saveToAddress();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    start();
  });
  root.querySelector('[data-stop]').addEventListener('click', stop);
  let followingWhenHidden = false;
  window.addEventListener('pagehide', () => {
    followingWhenHidden = follower.following;
    follower.close(); // the server cancels a run nobody comes back to within a few seconds
  });
  window.addEventListener('pageshow', (event) => {
    // Back from the browser's page cache: pick the run up where it is now.
    if (event.persisted && followingWhenHidden && run) {
      show(run);
    }
  });

  const shared = settings.load();
  if (shared) {
    show(shared);
  }
}

document.querySelectorAll('[data-widget="training-lab"]').forEach(initTrainingLab);
