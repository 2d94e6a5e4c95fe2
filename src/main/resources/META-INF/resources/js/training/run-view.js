// Shows a training run in the lab: the epoch and observation rows (cloned from the widget's <template> rows, which
// the server renders), the charts, the progress bar and the status line, and at the end how the run ended, a
// fragment the server renders.
import { fetchFragment } from '/js/common.js';
import * as format from '/js/format.js';

// Fills a copy of a <template> row: every [data-field] takes that field of the epoch, in the format its
// data-format names (the number formats of format.js), or as it is.
function row(template, epoch) {
  const copy = template.content.firstElementChild.cloneNode(true);
  copy.querySelectorAll('[data-field]').forEach((cell) => {
    const value = epoch[cell.dataset.field];
    const write = format[cell.dataset.format];
    cell.textContent = write ? write(value) : String(value);
  });
  return copy;
}

export class RunView {
  constructor(root, curves) {
    this.root = root;
    this.curves = curves;
    this.find = (selector) => root.querySelector(selector);
    this.epochRow = this.find('template[data-epoch-row]');
    this.observationRow = this.find('template[data-observation-row]');
    this.epochRows = this.find('[data-epochs]');
    this.observationRows = this.find('[data-observations]');
    this.progress = this.find('[data-progress]');
    this.progressText = this.find('[data-progress-text]');
    this.statusLine = this.find('[data-training-status]');
    this.result = this.find('[data-result]');
    this.shown = null; // the run shown, so that a late answer about another one is dropped
  }

  // Says what is going on, in the status line that screen readers announce.
  status(text) {
    this.statusLine.textContent = text;
  }

  // Empties the view for a run.
  clear(id) {
    this.shown = id;
    this.observationRows.textContent = '';
    this.epochRows.textContent = '';
    this.find('[data-epoch-count]').textContent = '0';
    this.result.hidden = true;
    this.find('[data-result-body]').textContent = '';
    this.curves.clear();
  }

  // Turns the start and stop buttons and the busy state on or off.
  running(on) {
    this.find('[data-start]').disabled = on;
    this.find('[data-stop]').disabled = !on;
    this.find('[data-training-output]').setAttribute('aria-busy', on ? 'true' : 'false');
  }

  // Adds an epoch out of at most `planned`.
  addEpoch(epoch, planned) {
    this.epochRows.appendChild(row(this.epochRow, epoch));
    this.find('[data-epoch-count]').textContent = String(epoch.epoch);
    if (epoch.observation) {
      this.observationRows.appendChild(row(this.observationRow, epoch));
    }
    this.curves.add(epoch);
    this.progress.max = planned;
    this.progress.value = epoch.epoch;
    this.progressText.textContent = 'Epoch ' + epoch.epoch + ' of ' + planned + ' · validation loss '
        + format.dp3(epoch.validation_loss) + ', validation accuracy ' + format.percent(epoch.validation_accuracy);
  }

  // Shows how a run ended: its observations, then the server's fragment of the result, then says so. Resolves once
  // everything is shown.
  async showSummary(summary) {
    this.running(false);
    this.observationRows.textContent = '';
    (summary.observations || []).forEach((epoch) => this.observationRows.appendChild(row(this.observationRow, epoch)));
    if (!summary.test) {
      this.status('The run failed: ' + summary.stop_reason + '.');
      return;
    }
    this.progress.value = this.progress.max = Math.max(1, summary.epochs_run);
    let fragment;
    try {
      fragment = await fetchFragment('/widgets/training-lab/runs/' + encodeURIComponent(summary.id) + '/result');
    } catch (error) {
      this.status('Could not show how the run ended: ' + error.message);
      return;
    }
    if (this.shown !== summary.id) {
      return; // another run has started meanwhile
    }
    this.find('[data-result-body]').replaceChildren(fragment);
    this.find('[data-promote]').hidden = summary.status !== 'completed';
    this.result.hidden = false;
    this.status(summary.status === 'completed' ? 'Training finished: ' + summary.stop_reason + '.'
        : 'Training stopped: ' + summary.stop_reason + '.');
  }
}
