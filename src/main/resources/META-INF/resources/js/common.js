// Helpers shared by the page scripts, as an ES module: no build step, no globals.

// Reads a JSON value kept in this browser; an empty object when there is none or storage is refused.
export function load(key) {
  try {
    return JSON.parse(localStorage.getItem(key)) || {};
  } catch (e) {
    return {};
  }
}

// Keeps a JSON value in this browser; private windows may refuse, and the pages work without it.
export function save(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch (e) {
    // nothing kept: a convenience lost, not a failure
  }
}

// Forgets a value kept in this browser.
export function forget(key) {
  try {
    localStorage.removeItem(key);
  } catch (e) {
    // nothing stored, nothing to forget
  }
}

// The keys of what this browser keeps, written once for every script that reads or writes them.
export const STORAGE = {
  progress: 'serving-lab.progress',
  quizzes: 'serving-lab.quizzes',
  exercises: 'serving-lab.exercises',
  predictions: 'serving-lab.predictions'
};

// The names of the events the feature scripts announce on `document` (CustomEvents, each with a `detail`), written
// once for every script that sends or hears them. The features announce what happened and never know who listens;
// in a workshop, /js/workshop/learner.js reports them to the instructor.
export const EVENTS = {
  // detail {lesson, state: 'visited' | 'completed'}
  lessonProgress: 'serving-lab:lesson-progress',
  // detail {quiz, question, answer, correct (null while held), recorded (true when the workshop has it already)}
  quizAnswered: 'serving-lab:quiz-answered',
  // detail {exercise, answers: {accuracy, precision, recall, f1} (the ones filled in), solved}
  exerciseGraded: 'serving-lab:exercise-graded',
  // detail {run_id, status}
  trainingFinished: 'serving-lab:training-finished',
  // detail {latencies_ms, errors, concurrency, seconds}
  latencyRunFinished: 'serving-lab:latency-run-finished',
  // detail {lesson}: the instructor released a lesson's quiz answers (sent by learner.js, heard by quiz.js)
  answersReleased: 'serving-lab:answers-released'
};

// Announces that something happened, for whoever listens (see EVENTS).
export function announce(name, detail) {
  document.dispatchEvent(new CustomEvent(name, { detail }));
}

// Fetches a URL and resolves with its answer as JSON (or text, for another content type). Any 4xx or 5xx answer,
// or a failed connection, rejects with an Error whose message says what went wrong (the problem's detail when
// the server sent one), and whose `status` and `body` hold the HTTP status and the parsed answer.
export async function fetchJson(url, options = {}) {
  const headers = Object.assign({ Accept: 'application/json' }, options.headers);
  let response;
  try {
    response = await fetch(url, Object.assign({}, options, { headers }));
  } catch (e) {
    throw new Error('The request failed: ' + e.message + ' (is the server running?)');
  }
  const text = await response.text();
  let body = text;
  if (/json/.test(response.headers.get('Content-Type') || '')) {
    try {
      body = JSON.parse(text);
    } catch (e) {
      // not JSON after all: keep the text
    }
  }
  if (!response.ok) {
    const detail = body && typeof body === 'object' ? (body.detail || body.title || body.error) : null;
    const error = new Error(response.status + ': ' + (detail || response.statusText || 'error'));
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

// Fetches an HTML fragment the server renders for a widget (a Qute fragment) and resolves with it as a
// DocumentFragment, ready to be put in the page; rejects as fetchJson does.
export async function fetchFragment(url, options = {}) {
  const headers = Object.assign({ Accept: 'text/html' }, options.headers);
  const html = await fetchJson(url, Object.assign({}, options, { headers }));
  const template = document.createElement('template');
  template.innerHTML = html;
  return template.content;
}

// Posts a value as JSON and resolves with the JSON answer, as fetchJson does.
export function postJson(url, body) {
  return fetchJson(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
}

// Creates a table cell (td or th) with its text; a header cell gets its scope ('row' or 'col').
export function cell(tag, text, scope) {
  const node = el(tag, null, text);
  if (scope) {
    node.scope = scope;
  }
  return node;
}

// Returns a runner that does one piece of work at a time: a click while the last one is still running is ignored,
// and a failure is reported through `fail` (its message) instead of escaping as an unhandled rejection.
export function oneAtATime(fail) {
  let busy = false;
  return async (work) => {
    if (busy) {
      return;
    }
    busy = true;
    try {
      await work();
    } catch (e) {
      fail(e.message);
    } finally {
      busy = false;
    }
  };
}

// Creates an element with an optional class and text.
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) {
    node.className = className;
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}
