// The trace lab. The server renders everything it shows: the page comes with the example flower's trace, and on
// every change (or at once, when the page's address carries a shared trace) this script posts the flower to
// /widgets/trace-lab/result, which runs the code of POST /api/v1/predict/trace and answers with the new answer, stage
// cards, JSON and snippets as HTML, swapped in here. The script keeps the state in the page's address, pairs the
// sliders with the number fields, points the snippets at this page's server, and runs the snippet tabs.
import { fetchFragment } from '/js/common.js';

const RESULT = '/widgets/trace-lab/result';
const DEBOUNCE_MS = 120;

function initTraceLab(root) {
  const form = root.querySelector('[data-trace-form]');
  const features = [...form.querySelectorAll('[data-feature]')];
  const model = form.elements.model;
  const skip = form.elements.skip_scaling;
  const error = root.querySelector('[data-trace-error]');
  const shareLink = root.querySelector('[data-share-link]');
  let language = 'curl';
  let sequence = 0;
  let timer = null;

  function syncSliders() {
    for (const slider of root.querySelectorAll('input[type="range"][data-pair]')) {
      slider.value = document.getElementById(slider.dataset.pair).value;
    }
  }

  // The state lives in the URL, so that a learner can share exactly what they see. Tells whether the URL held any.
  function restore() {
    const params = new URLSearchParams(window.location.search);
    const names = [...features.map((input) => input.name), 'model', 'skip_scaling'];
    if (!names.some((name) => params.has(name))) {
      return false;
    }
    for (const input of features) {
      if (params.has(input.name)) {
        input.value = params.get(input.name);
      }
    }
    if (params.has('model')) {
      model.value = params.get('model');
    }
    skip.checked = params.get('skip_scaling') === 'true';
    syncSliders();
    return true;
  }

  function flower() {
    return Object.fromEntries(features.map((input) => [input.name, Number(input.value)]));
  }

  function query() {
    const params = new URLSearchParams({ model: model.value });
    if (skip.checked) {
      params.set('skip_scaling', 'true');
    }
    return params;
  }

  // The address of this page showing the lab in this state.
  function stateUrl(body, params) {
    const state = new URLSearchParams(Object.entries(body).map(([name, value]) => [name, String(value)]));
    params.forEach((value, name) => state.set(name, value));
    return window.location.pathname + '?' + state + '#trace-lab-title';
  }

  function remember(body, params) {
    const url = stateUrl(body, params);
    window.history.replaceState(null, '', url);
    shareLink.href = url;
  }

  // Points the snippets at the server this page came from: the server wrote the address it knew of, which a page
  // rendered before any request cannot know to be the right one.
  function localizeSnippets() {
    const snippets = root.querySelector('[data-snippet-origin]');
    const written = snippets.dataset.snippetOrigin;
    if (written && written !== window.location.origin) {
      for (const snippet of snippets.querySelectorAll('[data-snippet]')) {
        snippet.textContent = snippet.textContent.replaceAll(written, window.location.origin);
      }
      snippets.dataset.snippetOrigin = window.location.origin;
    }
  }

  // Shows the tab of one snippet language and hides the others, as the ARIA tabs pattern describes.
  function selectTab(name, focus) {
    for (const tab of root.querySelectorAll('[role="tab"]')) {
      const panel = document.getElementById(tab.getAttribute('aria-controls'));
      const selected = panel.dataset.snippet === name;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panel.hidden = !selected;
      if (selected && focus) {
        tab.focus();
      }
    }
    language = name;
  }

  // Puts the server's new result in place. The answer keeps its element, a live region, so that screen readers
  // announce the new answer; the rest is replaced whole.
  function swap(fresh) {
    const answer = root.querySelector('[data-trace-answer]');
    const freshAnswer = fresh.querySelector('[data-trace-answer]');
    answer.className = freshAnswer.className;
    answer.replaceChildren(...freshAnswer.childNodes);
    root.querySelector('[data-trace-result]').replaceWith(fresh.querySelector('[data-trace-result]'));
    localizeSnippets();
    selectTab(language, false);
  }

  // Shows what the server refused, naming the field: the problem's detail, and the fields marked invalid.
  function showProblem(problem, body) {
    error.textContent = problem.message;
    error.hidden = false;
    const fields = new Set(((problem.body && problem.body.errors) || []).map((violation) => violation.field));
    for (const input of features) {
      if (fields.has(input.name)) {
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-errormessage', error.id);
      } else {
        input.removeAttribute('aria-invalid');
        input.removeAttribute('aria-errormessage');
      }
    }
    root.querySelector('[data-trace-request]').textContent = JSON.stringify(body, null, 2);
    root.querySelector('[data-trace-response]').textContent =
      typeof problem.body === 'object' ? JSON.stringify(problem.body, null, 2) : String(problem.body || '');
  }

  function clearProblem() {
    error.hidden = true;
    error.textContent = '';
    for (const input of features) {
      input.removeAttribute('aria-invalid');
      input.removeAttribute('aria-errormessage');
    }
  }

  async function send() {
    const mine = ++sequence;
    const body = flower();
    const params = query();
    remember(body, params);
    try {
      const fresh = await fetchFragment(RESULT + '?' + params, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      });
      if (mine === sequence) { // an older answer arriving late must not overwrite a newer one
        swap(fresh);
        clearProblem();
      }
    } catch (problem) {
      if (mine === sequence) {
        showProblem(problem, body);
      }
    }
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(send, DEBOUNCE_MS);
  }

  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target.dataset.pair) {
      document.getElementById(target.dataset.pair).value = target.value;
    } else if (target.type === 'number') {
      syncSliders();
    }
    later();
  });
  form.addEventListener('change', later);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  for (const button of root.querySelectorAll('[data-preset]')) {
    button.addEventListener('click', () => {
      const preset = JSON.parse(button.dataset.preset);
      for (const input of features) {
        input.value = preset[input.name];
      }
      syncSliders();
      send();
    });
  }

  // The tabs are replaced with every result, so their events are handled here, on the widget.
  root.addEventListener('click', (event) => {
    const tab = event.target.closest('[role="tab"]');
    if (tab) {
      selectTab(document.getElementById(tab.getAttribute('aria-controls')).dataset.snippet, false);
    }
  });
  root.addEventListener('keydown', (event) => {
    const tab = event.target.closest('[role="tab"]');
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (tab && step) {
      const tabs = [...root.querySelectorAll('[role="tab"]')];
      const next = tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length];
      selectTab(document.getElementById(next.getAttribute('aria-controls')).dataset.snippet, true);
      event.preventDefault();
    }
  });
  root.querySelector('[data-copy-snippet]').addEventListener('click', async () => {
    const status = root.querySelector('[data-copy-status]');
    const text = root.querySelector(`[data-snippet="${language}"]`).textContent;
    if (!navigator.clipboard) {
      status.textContent = 'Select the text and copy it.';
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = 'Copied.';
    } catch (e) {
      status.textContent = 'Copying is blocked here: select the text and copy it.';
    }
  });

  localizeSnippets();
  // The page comes with the example flower's trace: only a shared state needs a trace of its own.
  if (restore()) {
    send();
  } else {
    shareLink.href = stateUrl(flower(), query());
  }
}

document.querySelectorAll('[data-widget="trace-lab"]').forEach(initTraceLab);
