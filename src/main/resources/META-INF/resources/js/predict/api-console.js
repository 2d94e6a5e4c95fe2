// The API console: sends any request to this server and shows exactly what a client gets back, whatever its
// status, which is why it reads the raw response instead of going through common.js's fetchJson (which turns a
// 4xx into an error). The requests it offers come from the page, rendered by the server from the example flower.
import { millis } from '/js/format.js';

// Sends one request and resolves with what came back: status line, content type, body text and time taken.
async function exchange(method, path, contentType, body) {
  const options = { method, headers: { Accept: 'application/json' } };
  if (method === 'POST') {
    options.headers['Content-Type'] = contentType;
    options.body = body;
  }
  const started = performance.now();
  const response = await fetch(path, options);
  const text = await response.text();
  return {
    status: response.status + ' ' + response.statusText,
    type: response.headers.get('Content-Type') || 'no content type',
    text,
    ms: performance.now() - started
  };
}

// Indents a JSON answer for reading; anything else is shown as it came.
function readable(text) {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch (e) {
    return text || '(empty body)';
  }
}

function initApiConsole(root) {
  const form = root.querySelector('[data-console-form]');
  const fields = form.elements;
  const status = root.querySelector('[data-console-status]');
  const out = root.querySelector('[data-console-body]');

  for (const button of root.querySelectorAll('[data-console-preset]')) {
    button.addEventListener('click', () => {
      fields.method.value = button.dataset.method;
      fields.path.value = button.dataset.path;
      fields.type.value = button.dataset.type;
      fields.body.value = button.dataset.body;
      fields.body.focus();
    });
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    root.querySelector('[data-console-response]').hidden = false;
    const path = fields.path.value.trim();
    if (!path.startsWith('/')) {
      status.textContent = 'The path must start with / (this console talks to this server only).';
      return;
    }
    try {
      const answer = await exchange(fields.method.value, path, fields.type.value, fields.body.value);
      status.textContent = `HTTP ${answer.status} · ${answer.type} · ${millis(answer.ms, 1)}`;
      out.textContent = readable(answer.text);
    } catch (e) {
      status.textContent = 'The request failed: ' + e.message;
    }
  });
}

document.querySelectorAll('[data-widget="api-console"]').forEach(initApiConsole);
