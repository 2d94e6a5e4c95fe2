// The training lab's form and the page's address: the settings live in the address, so that a run can be shared
// and repeated. The fields are the form's [data-hyperparameter] inputs, rendered by the server from its one
// definition of the hyperparameters; this script lists none of them.

export class Settings {
  constructor(form) {
    this.form = form;
    this.fields = Array.from(form.querySelectorAll('[data-hyperparameter]'));
  }

  // Returns the request body the form holds. Numbers are sent as typed: the server checks every value and names
  // the field that breaks a rule.
  values() {
    const body = {};
    this.fields.forEach((field) => {
      const raw = field.value.trim();
      const text = field.dataset.kind === 'choice' || raw === '' || Number.isNaN(Number(raw));
      body[field.name] = text ? raw : Number(raw);
    });
    return body;
  }

  // Sets the fields the given settings name, and leaves the others as they are.
  fill(settings) {
    this.fields.forEach((field) => {
      const value = settings[field.name];
      if (value !== undefined && value !== null) {
        field.value = String(value);
      }
    });
  }

  // Returns the input of a hyperparameter, or null for a name the form does not have.
  field(name) {
    return this.fields.find((field) => field.name === name) || null;
  }

  // Returns the label of an input, as the form shows it.
  label(field) {
    return this.form.querySelector('label[for="' + field.id + '"]').textContent;
  }

  // Writes the settings, and the run while the form holds the run's settings, into the page's address.
  save(run) {
    const params = new URLSearchParams();
    Object.entries(this.values()).forEach(([name, value]) => params.set(name, String(value)));
    if (run) {
      params.set('run', run);
    }
    history.replaceState(null, '', window.location.pathname + '?' + params.toString() + window.location.hash);
  }

  // Fills the form from the page's address and returns the run it names, if any.
  load() {
    const params = new URLSearchParams(window.location.search);
    const settings = {};
    this.fields.forEach((field) => {
      if (params.has(field.name)) {
        settings[field.name] = params.get(field.name);
      }
    });
    this.fill(settings);
    return params.get('run');
  }
}
