// Promotes the run the lab shows to a served model, then asks that model for a prediction of one of the run's own
// test rows, both through the public API.
import { postJson } from '/js/common.js';
import { dp3 } from '/js/format.js';

export class Promotion {
  // run() returns the id of the run shown.
  constructor(root, run) {
    this.root = root;
    this.run = run;
    this.served = null;
    this.find = (selector) => root.querySelector(selector);
    this.find('[data-promote-button]').addEventListener('click', () => this.promote());
    this.find('[data-predict-button]').addEventListener('click', () => this.predict());
  }

  // Forgets the last promotion, for a new run.
  reset() {
    this.served = null;
    this.find('[data-promotion]').hidden = true;
    this.find('[data-predict-result]').textContent = '';
  }

  async promote() {
    const name = this.find('#train-model-name').value.trim();
    const answer = this.find('[data-predict-result]');
    try {
      const served = await postJson('/api/v1/trainings/' + encodeURIComponent(this.run()) + '/promotion',
          name ? { name } : {});
      this.served = served;
      this.find('[data-model-name]').textContent = served.model;
      this.find('[data-model-card]').href = served.model_card;
      this.find('[data-promotion-curl]').textContent = "curl -s '" + window.location.origin + served.predict
          + "' \\\n  -H 'Content-Type: application/json' \\\n  -d '" + JSON.stringify(served.example) + "'";
      answer.textContent = served.created ? 'Your model is served as ' + served.model + '.'
          : 'This run was already served as ' + served.model + '.';
      if (served.retired && served.retired.length) {
        answer.textContent += ' To stay within the server\'s limit, ' + served.retired.join(', ')
            + ' is no longer served.';
      }
    } catch (error) {
      answer.textContent = 'Not promoted: ' + error.message;
    }
    this.find('[data-promotion]').hidden = false;
  }

  async predict() {
    const answer = this.find('[data-predict-result]');
    try {
      const prediction = await postJson(this.served.predict, this.served.example);
      const best = prediction.probabilities[prediction.predicted_class];
      answer.textContent = prediction.model + ' answers "' + prediction.predicted_class + '" with probability '
          + dp3(best) + ' for the first test row of your run.';
    } catch (error) {
      answer.textContent = 'The prediction failed: ' + error.message;
    }
  }
}
