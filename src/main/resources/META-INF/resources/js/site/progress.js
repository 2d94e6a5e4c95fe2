// Lesson progress, kept in this browser only (localStorage): no login, nothing sent anywhere.
import { STORAGE, forget, load as loadStored, save as saveStored } from '/js/common.js';

var KEY = STORAGE.progress;

function load() {
  return loadStored(KEY);
}

function save(progress) {
  saveStored(KEY, progress);
}

var LABELS = { visited: 'Visited', completed: 'Completed' };

function showHome(progress) {
  var cards = document.querySelectorAll('.lesson-card[data-lesson-slug]');
  var done = 0;
  cards.forEach(function (card) {
    var state = progress[card.getAttribute('data-lesson-slug')];
    var status = card.querySelector('[data-status]');
    if (state === 'completed') {
      done++;
    }
    status.textContent = LABELS[state] || 'Not started';
    status.setAttribute('data-state', state || 'new');
  });
  var summary = document.querySelector('[data-progress-summary]');
  if (summary && cards.length) {
    summary.textContent = done + ' of ' + cards.length + ' lessons completed';
    summary.hidden = false;
  }
  var reset = document.querySelector('[data-reset-progress]');
  if (reset) {
    reset.hidden = false;
    reset.onclick = function () {
      if (window.confirm('Forget which lessons you have visited and completed, and your quiz answers?')) {
        save({});
        forget(STORAGE.quizzes);
        showHome({});
      }
    };
  }
}

function showLesson(article, progress) {
  var slug = article.getAttribute('data-lesson-slug');
  if (progress[slug] !== 'completed') {
    progress[slug] = 'visited';
    save(progress);
  }
  var button = document.querySelector('[data-complete-lesson]');
  var note = document.querySelector('[data-completed-note]');
  function render() {
    var completed = load()[slug] === 'completed';
    button.hidden = completed;
    note.hidden = !completed;
  }
  button.onclick = function () {
    var current = load();
    current[slug] = 'completed';
    save(current);
    render();
    note.setAttribute('tabindex', '-1');
    note.focus();
  };
  render();
}

document.addEventListener('DOMContentLoaded', function () {
  var progress = load();
  var article = document.querySelector('article.lesson[data-lesson-slug]');
  if (article) {
    showLesson(article, progress);
  } else {
    showHome(progress);
  }
});
