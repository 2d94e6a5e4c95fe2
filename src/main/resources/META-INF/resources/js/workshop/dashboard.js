// The instructor's dashboard: follows the class live over Server-Sent Events and redraws what the server rendered
// first (learners, lessons, quiz answers, exercises, training runs, the class load test), and carries out the
// instructor's controls (release, follow me, close, delete) through the workshop API. The presenter view imports
// the stream and the question results from here.
import { el, fetchJson } from '/js/common.js';
import { createChart, createCountChart } from '/js/charts.js';
import { dp2, dp3, millis, percent } from '/js/format.js';
import { Curves } from '/js/training/curves.js';

// Names a choice by its letter, as the server's pages do (A for the first).
export function letter(index) {
  return index >= 0 && index < 26 ? String.fromCharCode(65 + index) : String(index + 1);
}

// A percentage the dashboard sends (0 to 100), as the pages write it.
export function percentRight(value) {
  return typeof value === 'number' ? percent(value / 100) : '—';
}

// The most chosen wrong answer with its count, or a dash.
export function mostWrong(question) {
  const wrong = question.most_chosen_wrong;
  return wrong ? `${wrong.answer} (${wrong.count})` : '—';
}

// A time of day in UTC, to the second, as the server writes it.
function clock(instant) {
  if (instant === null || instant === undefined) {
    return '—';
  }
  const date = typeof instant === 'number' ? new Date(instant * 1000) : new Date(instant);
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString().slice(11, 19);
}

function ms(value) {
  return typeof value === 'number' ? millis(value) : '—';
}

function bound(value) {
  return typeof value === 'number' ? dp2(value) : '∞';
}

function row(...cells) {
  const tr = el('tr');
  tr.append(...cells.map((cell) => (cell instanceof Node ? wrap(cell) : el('td', null, String(cell)))));
  return tr;
}

function wrap(node) {
  const td = el('td');
  td.append(node);
  return td;
}

// Sends a JSON body with a method and resolves with the answer, as fetchJson does.
export function send(method, url, body) {
  return fetchJson(url, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
}

// Follows a workshop's dashboard stream: calls onDashboard with every dashboard, and onState with a sentence when
// the connection is lost, back, or ended. EventSource reconnects by itself after a network error.
export function followDashboard(code, onDashboard, onState) {
  const source = new EventSource(`/api/v1/workshops/${encodeURIComponent(code)}/dashboard/events`);
  let lost = false;
  source.addEventListener('dashboard', (event) => {
    if (lost) {
      lost = false;
      onState('Connected again: the dashboard is live.');
    }
    onDashboard(JSON.parse(event.data));
  });
  source.addEventListener('deleted', () => {
    source.close();
    onState('This workshop was deleted.', 'deleted');
  });
  // The server is stopping: the browser reconnects by itself once it is back, and the dashboard says so.
  source.addEventListener('shutdown', (event) => {
    lost = true;
    onState(JSON.parse(event.data).detail);
  });
  source.addEventListener('error', () => {
    if (source.readyState === EventSource.CLOSED) {
      onState('The live updates stopped: reload the page (is the instructor link still valid?).', 'closed');
    } else if (!lost) {
      lost = true;
      onState('Connection lost: trying again…');
    }
  });
  return source;
}

// Draws a bar chart of how many chose each option, or returns null without Chart.js.
export function optionChart(canvas) {
  return createCountChart(canvas, { label: 'Learners', x: 'Option', y: 'Learners' });
}

// Puts a question's option counts in its chart.
export function drawOptions(chart, question) {
  if (!chart) {
    return;
  }
  chart.data.labels = question.options.map((option) => letter(option.index));
  chart.data.datasets[0].data = question.options.map((option) => option.count);
  chart.update('none');
}

// Lists a question's options as table rows: letter and text, whether correct, how many chose it.
export function optionRows(question) {
  return question.options.map((option) =>
    row(`${letter(option.index)}. ${option.text}`, option.correct ? 'correct' : '', option.count));
}

function initDashboard(root) {
  const code = root.dataset.code;
  const api = `/api/v1/workshops/${encodeURIComponent(code)}`;
  const status = root.querySelector('[data-dashboard-status]');
  const say = (text) => {
    status.textContent = text;
  };
  const charts = new Map();
  let current = null;
  let deleting = false;

  root.querySelectorAll('[data-follow-form], [data-manage], [data-toggle]').forEach((node) => {
    node.hidden = false;
  });

  function renderLearners(dashboard) {
    root.querySelector('[data-learner-count]').textContent = String(dashboard.learners.length);
    root.querySelector('[data-learners-empty]').hidden = dashboard.learners.length > 0;
    root.querySelector('[data-learners]').replaceChildren(...dashboard.learners.map((learner) =>
      row(learner.nickname, clock(learner.joined_at), learner.active ? 'yes' : 'left', learner.lessons_completed,
        learner.answered, learner.right)));
  }

  function renderLessons(dashboard) {
    const progress = new Map(dashboard.lessons.map((line) => [line.lesson, line]));
    for (const lesson of dashboard.workshop.lessons) {
      const tr = root.querySelector(`tr[data-lesson="${CSS.escape(lesson.slug)}"]`);
      if (!tr) {
        continue;
      }
      const line = progress.get(lesson.slug) || { visited: 0, completed: 0 };
      tr.querySelector('[data-visited]').textContent = String(line.visited);
      tr.querySelector('[data-completed]').textContent = String(line.completed);
      tr.querySelector('[data-released]').textContent = lesson.released ? 'open' : 'held back';
      setToggle(tr.querySelector('[data-toggle=released]'), lesson.released, lesson.title);
      const answers = tr.querySelector('[data-answers]');
      if (answers) {
        answers.textContent = lesson.answers_released ? 'released' : 'held back';
        setToggle(tr.querySelector('[data-toggle=answers]'), lesson.answers_released,
          'the answers of ' + lesson.title);
      }
    }
  }

  function setToggle(button, on, what) {
    const hidden = el('span', 'visually-hidden', ' ' + what);
    button.replaceChildren(on ? 'Hold back' : 'Release', hidden);
  }

  function renderFollow(workshop) {
    const now = root.querySelector('[data-follow-now]');
    if (workshop.follow) {
      const link = el('a', null, workshop.follow.title);
      link.href = workshop.follow.path;
      now.replaceChildren('The class is asked to follow ', link, '.');
    } else {
      now.textContent = 'The class is not asked to follow a section.';
    }
  }

  function renderQuestions(dashboard) {
    for (const question of dashboard.questions) {
      const box = root.querySelector(`[data-question-key="${CSS.escape(question.quiz + '/' + question.question)}"]`);
      if (!box) {
        continue;
      }
      box.querySelector('[data-answered]').textContent = String(question.answered);
      box.querySelector('[data-percent]').textContent = percentRight(question.percent_right);
      box.querySelector('[data-wrong]').textContent = mostWrong(question);
      for (const option of question.options) {
        const cell = box.querySelector(`tr[data-option="${option.index}"] [data-count]`);
        if (cell) {
          cell.textContent = String(option.count);
        }
      }
      const canvas = box.querySelector('[data-option-chart]');
      if (canvas) {
        if (!charts.has(canvas)) {
          charts.set(canvas, optionChart(canvas));
        }
        drawOptions(charts.get(canvas), question);
      }
    }
  }

  function renderExercises(dashboard) {
    root.querySelector('[data-exercises]').replaceChildren(...dashboard.exercises.map((exercise) =>
      row(exercise.exercise, exercise.learners, exercise.solved, exercise.attempts)));
  }

  function hyperparameters(values) {
    const entries = Object.entries(values || {});
    return entries.length ? entries.map(([name, value]) => `${name.replaceAll('_', ' ')} ${value}`).join(', ') : '—';
  }

  function renderTrainings(dashboard) {
    root.querySelector('[data-trainings]').replaceChildren(...dashboard.trainings.map((run) => {
      const link = el('a', null, 'Curves');
      link.href = `${api}/trainings/${encodeURIComponent(run.run_id)}/curves`;
      link.dataset.curves = run.run_id;
      link.append(el('span', 'visually-hidden', ` of ${run.nickname}'s run`));
      return row(run.rank, run.nickname, run.dataset, dp3(run.validation_loss), percent(run.test_accuracy),
        run.epochs, hyperparameters(run.hyperparameters), link);
    }));
  }

  function chartOnce(selector, make) {
    const canvas = root.querySelector(selector);
    if (!charts.has(canvas)) {
      charts.set(canvas, make(canvas));
    }
    return charts.get(canvas);
  }

  function renderLoad(dashboard) {
    const load = dashboard.load;
    const set = (name, text) => {
      root.querySelector(`[data-load="${name}"]`).textContent = text;
    };
    set('runs', String(load.runs));
    set('requests', `${load.requests} (${load.errors} errors)`);
    set('p50', ms(load.p50_ms));
    set('p99', ms(load.p99_ms));
    root.querySelector('[data-load-buckets]').replaceChildren(...load.histogram.map((bucket) =>
      row(bound(bucket.from_ms), bound(bucket.to_ms), bucket.count)));
    root.querySelector('[data-load-slots]').replaceChildren(...load.timeline.map((slot) =>
      row(clock(slot.ends_at), dp2(slot.requests_per_second), ms(slot.p50_ms), ms(slot.p99_ms))));

    const histogram = chartOnce('[data-load-histogram]', (canvas) =>
      createCountChart(canvas, { label: 'Requests', x: 'Latency up to (ms)', y: 'Requests' }));
    if (histogram) {
      histogram.data.labels = load.histogram.map((bucket) => bound(bucket.to_ms));
      histogram.data.datasets[0].data = load.histogram.map((bucket) => bucket.count);
      histogram.update('none');
    }
    const timeline = chartOnce('[data-load-timeline]', (canvas) => createChart(canvas, {
      type: 'line',
      data: {
        labels: [],
        datasets: [
          { label: 'Requests per second', data: [], yAxisID: 'y', pointRadius: 2, borderWidth: 2 },
          { label: 'p99 (ms)', data: [], yAxisID: 'y1', pointRadius: 2, borderWidth: 2, borderDash: [6, 4] }
        ]
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        spanGaps: false,
        scales: {
          x: { title: { display: true, text: 'Slot ends (UTC)' } },
          y: { title: { display: true, text: 'Requests per second' }, beginAtZero: true, position: 'left' },
          y1: { title: { display: true, text: 'p99 (ms)' }, beginAtZero: true, position: 'right' }
        }
      }
    }));
    if (timeline) {
      timeline.data.labels = load.timeline.map((slot) => clock(slot.ends_at));
      timeline.data.datasets[0].data = load.timeline.map((slot) => slot.requests_per_second);
      timeline.data.datasets[1].data = load.timeline.map((slot) => slot.p99_ms);
      timeline.update('none');
    }
  }

  function renderWorkshop(workshop) {
    root.querySelector('[data-closed-note]').hidden = !workshop.closed;
    root.querySelector('[data-close]').disabled = workshop.closed;
    renderFollow(workshop);
  }

  // What the page last drew, but for the class load test: the server sends the whole dashboard on every clock tick
  // too, for the load timeline, and redrawing every table when nothing else changed costs a projector's browser
  // long tasks of tens to hundreds of milliseconds.
  let drawn = null;

  function render(dashboard) {
    current = dashboard;
    const content = JSON.stringify({ ...dashboard, load: null });
    if (content !== drawn) {
      drawn = content;
      renderWorkshop(dashboard.workshop);
      renderLearners(dashboard);
      renderLessons(dashboard);
      renderQuestions(dashboard);
      renderExercises(dashboard);
      renderTrainings(dashboard);
    }
    renderLoad(dashboard);
    root.querySelector('[data-updated]').textContent =
      `Live: updated at ${new Date().toISOString().slice(11, 19)} UTC, report ${dashboard.seq}.`;
  }

  // Takes the workshop an action answered with, so the page shows it before the stream does.
  function changed(workshop) {
    if (current) {
      render({ ...current, workshop });
    }
  }

  async function act(action, done) {
    try {
      const answer = await action();
      say(done);
      return answer;
    } catch (e) {
      say('That did not work: ' + e.message);
      return null;
    }
  }

  root.querySelector('#lessons').addEventListener('click', async (event) => {
    const button = event.target.closest('[data-toggle]');
    if (!button || !current) {
      return;
    }
    const slug = button.closest('tr').dataset.lesson;
    const lesson = current.workshop.lessons.find((l) => l.slug === slug);
    const body = { released: lesson.released, answers_released: lesson.answers_released };
    const what = button.dataset.toggle === 'released' ? 'released' : 'answers_released';
    body[what] = !body[what];
    const noun = what === 'released' ? lesson.title : 'The answers of ' + lesson.title;
    const workshop = await act(() => send('PUT', `${api}/lessons/${encodeURIComponent(slug)}`, body),
      `${noun}: ${body[what] ? 'released' : 'held back'}.`);
    if (workshop) {
      changed(workshop);
    }
  });

  const followForm = root.querySelector('[data-follow-form]');
  followForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const [lesson, section] = followForm.elements.target.value.split('#');
    const workshop = await act(() => send('PUT', `${api}/follow`, { lesson, section: section ?? null }),
      'The class is asked to follow: ' + followForm.elements.target.selectedOptions[0].textContent.trim() + '.');
    if (workshop) {
      changed(workshop);
    }
  });
  root.querySelector('[data-follow-stop]').addEventListener('click', async () => {
    const workshop = await act(() => send('PUT', `${api}/follow`, { lesson: null, section: null }),
      'The class is no longer asked to follow a section.');
    if (workshop) {
      changed(workshop);
    }
  });

  root.querySelector('[data-close]').addEventListener('click', async () => {
    if (!window.confirm('Close this workshop? Learners can no longer join or report; the results stay.')) {
      return;
    }
    const workshop = await act(() => send('POST', `${api}/close`), 'The workshop is closed.');
    if (workshop) {
      changed(workshop);
    }
  });
  root.querySelector('[data-delete]').addEventListener('click', async () => {
    if (!window.confirm('Delete this workshop with every learner and answer? This cannot be undone.')) {
      return;
    }
    deleting = true;
    const deleted = await act(() => send('DELETE', api), 'The workshop is deleted.');
    if (deleted !== null) {
      window.location.assign('/workshops/new');
    } else {
      deleting = false;
    }
  });

  // Curves of a class run: the link opens the JSON without JavaScript; here it draws them under the table.
  const panel = root.querySelector('[data-curves-panel]');
  let curves = null;
  root.querySelector('[data-trainings]').addEventListener('click', async (event) => {
    const link = event.target.closest('a[data-curves]');
    if (!link) {
      return;
    }
    event.preventDefault();
    try {
      const epochs = await fetchJson(link.href);
      panel.hidden = false;
      curves = curves || new Curves(panel);
      curves.clear();
      epochs.forEach((epoch) => curves.add(epoch));
      const run = current && current.trainings.find((r) => r.run_id === link.dataset.curves);
      panel.querySelector('[data-curves-title]').textContent =
        run ? `Curves of ${run.nickname}'s run (rank ${run.rank})` : 'Curves of the run';
      panel.querySelector('[data-curves-rows]').replaceChildren(...epochs.map((epoch) =>
        row(epoch.epoch, dp3(epoch.train_loss), dp3(epoch.validation_loss), percent(epoch.train_accuracy),
          percent(epoch.validation_accuracy))));
      panel.focus();
    } catch (e) {
      say('The curves could not be loaded: ' + e.message);
    }
  });

  followDashboard(code, render, (text, state) => {
    if (state === 'deleted' && deleting) {
      return;
    }
    say(text);
  });
}

document.querySelectorAll('[data-dashboard]').forEach(initDashboard);
