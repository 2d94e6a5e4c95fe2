// Workshop mode, the learner's side, on every page: when this browser has joined a workshop, a small bar says so
// and offers to leave; what the feature scripts announce (see EVENTS in common.js) is reported to the instructor;
// the instructor's changes arrive over Server-Sent Events (a section to follow, released answers and lessons, the
// end of the workshop). A browser that never joined makes no request at all: the page says whether it holds a
// learner's cookie (data-workshop-learner), which no script can read.
import { EVENTS, announce, el, fetchJson, postJson } from '/js/common.js';

// How each announced event is reported; null leaves it out. Quiz answers are not here: in a workshop quiz.js sends
// them to the workshop itself, so that one request grades and records them.
const REPORTS = {
  [EVENTS.lessonProgress]: (detail, workshop) => (lessonOf(workshop, detail.lesson)
    ? ['/api/v1/me/progress', { lesson: detail.lesson, state: detail.state }] : null),
  [EVENTS.exerciseGraded]: (detail) => ['/api/v1/me/exercises', { exercise: detail.exercise, answers: detail.answers }],
  [EVENTS.trainingFinished]: (detail) => ['/api/v1/me/trainings', { run_id: detail.run_id }],
  [EVENTS.latencyRunFinished]: (detail) => (detail.latencies_ms.length ? ['/api/v1/me/latency-runs', {
    latencies_ms: detail.latencies_ms,
    errors: detail.errors,
    concurrency: detail.concurrency,
    seconds: detail.seconds
  }] : null)
};

const bar = document.querySelector('[data-workshop-bar]');
const waiting = []; // events announced before we know whether this browser is in a workshop
let state = 'waiting'; // 'waiting', then 'reporting' or 'off'
let me = null;
let source = null;
let followShown = null;
const released = new Set(); // lessons whose released answers were announced to quiz.js

function lessonOf(workshop, slug) {
  return workshop.lessons.find((lesson) => lesson.slug === slug) || null;
}

function heard(name, detail) {
  if (state === 'waiting') {
    waiting.push([name, detail]);
  } else if (state === 'reporting') {
    report(name, detail);
  }
}

async function report(name, detail, retried = false) {
  const request = REPORTS[name](detail, me.workshop);
  if (!request) {
    return;
  }
  try {
    await postJson(request[0], request[1]);
  } catch (error) {
    if (name === EVENTS.trainingFinished && error.status === 409 && !retried) {
      // The run's summary may be stored a moment after its stream said it ended.
      window.setTimeout(() => report(name, detail, true), 2000);
      return;
    }
    say('Your instructor did not get your last result: ' + error.message);
  }
}

// One polite live region for the whole bar: the follow offer and what happened to the workshop.
function news() {
  return bar.querySelector('[data-workshop-news]');
}

function say(text) {
  const line = el('p', 'workshop-note', text);
  news().querySelectorAll('.workshop-note').forEach((old) => old.remove());
  news().append(line);
}

function button(text, action) {
  const node = el('button', 'link-button', text);
  node.type = 'button';
  node.addEventListener('click', action);
  return node;
}

function renderBar() {
  const who = el('p', 'workshop-who');
  who.append('Workshop ', el('strong', null, me.workshop.display_code), ' · ');
  if (me.active && !me.workshop.closed) {
    who.append('you are ', el('strong', null, me.nickname), ' · ', button('Leave', leave));
  } else if (me.workshop.closed) {
    who.append(me.workshop.title, ' is closed: nothing is reported any more.');
  } else {
    who.append('you left it · ', button('Rejoin', rejoin));
  }
  const region = el('div', 'workshop-news');
  region.dataset.workshopNews = '';
  region.setAttribute('aria-live', 'polite');
  bar.replaceChildren(who, region);
  bar.hidden = false;
  followShown = null;
}

function offerFollow(follow) {
  const key = follow ? follow.path : null;
  if (key === followShown) {
    return;
  }
  followShown = key;
  news().querySelectorAll('.workshop-follow').forEach((old) => old.remove());
  if (!follow || location.pathname + location.hash === follow.path) {
    return;
  }
  const offer = el('p', 'workshop-follow', `Your instructor is at ${follow.title} — `);
  const link = el('a', null, 'Go there');
  link.href = follow.path;
  offer.append(link);
  news().append(offer);
}

// Acts on the workshop as the instructor left it: a section to follow, released answers, a released lesson this
// page held back, or the end of the workshop.
function changed(workshop) {
  me.workshop = workshop;
  if (workshop.closed) {
    stop();
    renderBar();
    return;
  }
  offerFollow(workshop.follow);
  for (const lesson of workshop.lessons) {
    if (lesson.answers_released && !released.has(lesson.slug)) {
      released.add(lesson.slug);
      announce(EVENTS.answersReleased, { lesson: lesson.slug });
    }
  }
  const held = document.querySelector('[data-lesson-held]');
  if (held) {
    const lesson = lessonOf(workshop, held.dataset.lessonHeld);
    if (!lesson || lesson.released) {
      location.reload();
    }
  }
}

function listen() {
  source = new EventSource('/api/v1/me/events');
  source.addEventListener('workshop', (event) => changed(JSON.parse(event.data)));
  // The browser reconnects by itself after a dropped connection; a closed stream (the workshop deleted) stays so.
}

function stop() {
  state = 'off';
  waiting.length = 0;
  if (source) {
    source.close();
    source = null;
  }
}

function start() {
  state = 'reporting';
  waiting.splice(0).forEach(([name, detail]) => report(name, detail));
  listen();
}

async function leave() {
  try {
    me = await fetchJson('/api/v1/me', { method: 'DELETE' });
  } catch (error) {
    say('Could not leave the workshop: ' + error.message);
    return;
  }
  stop();
  renderBar();
  bar.querySelector('button').focus();
  say('You left the workshop: nothing more is reported.');
}

async function rejoin() {
  try {
    me = await postJson(`/api/v1/workshops/${encodeURIComponent(me.workshop.code)}/learners`,
      { nickname: me.nickname });
  } catch (error) {
    say('Could not rejoin: ' + error.message);
    return;
  }
  renderBar();
  bar.querySelector('button').focus();
  say('You are back in the workshop.');
  if (me.active && !me.workshop.closed) {
    start();
  }
}

async function begin() {
  try {
    me = await fetchJson('/api/v1/me');
  } catch (error) {
    stop(); // not in a workshop (401), or it is gone: nothing to report to
    return;
  }
  renderBar();
  if (me.active && !me.workshop.closed) {
    start();
  } else {
    stop();
  }
}

// Listen at once, before the other page scripts run, so that no event is missed.
Object.keys(REPORTS).forEach((name) => document.addEventListener(name, (event) => heard(name, event.detail)));
if (bar && document.body.hasAttribute('data-workshop-learner')) {
  begin();
} else {
  stop();
}
