// Lesson progress, kept in this browser (localStorage): no login. Each step is announced (EVENTS.lessonProgress)
// for a workshop to hear; outside one nothing is sent anywhere.
import { EVENTS, STORAGE, announce, forget, load, save } from '/js/common.js';

const LABELS = { visited: 'Visited', completed: 'Completed' };

function showHome(progress) {
  const cards = document.querySelectorAll('.lesson-card[data-lesson-slug]');
  let done = 0;
  cards.forEach((card) => {
    const state = progress[card.dataset.lessonSlug];
    const status = card.querySelector('[data-status]');
    if (state === 'completed') {
      done++;
    }
    status.textContent = LABELS[state] || 'Not started';
    status.dataset.state = state || 'new';
  });
  const summary = document.querySelector('[data-progress-summary]');
  if (summary && cards.length) {
    summary.textContent = `${done} of ${cards.length} lessons completed`;
    summary.hidden = false;
  }
}

function offerReset() {
  const reset = document.querySelector('[data-reset-progress]');
  if (!reset) {
    return;
  }
  reset.hidden = false;
  reset.addEventListener('click', () => {
    if (confirm('Forget which lessons you have visited and completed, your quiz answers and your predictions?')) {
      save(STORAGE.progress, {});
      forget(STORAGE.quizzes);
      forget(STORAGE.predictions);
      showHome({});
    }
  });
}

function showLesson(article) {
  const slug = article.dataset.lessonSlug;
  const progress = load(STORAGE.progress);
  if (progress[slug] !== 'completed') {
    progress[slug] = 'visited';
    save(STORAGE.progress, progress);
  }
  announce(EVENTS.lessonProgress, { lesson: slug, state: 'visited' });
  if (progress[slug] === 'completed') {
    announce(EVENTS.lessonProgress, { lesson: slug, state: 'completed' });
  }
  const button = document.querySelector('[data-complete-lesson]');
  const note = document.querySelector('[data-completed-note]');
  const render = () => {
    const completed = load(STORAGE.progress)[slug] === 'completed';
    button.hidden = completed;
    note.hidden = !completed;
  };
  button.addEventListener('click', () => {
    const current = load(STORAGE.progress);
    current[slug] = 'completed';
    save(STORAGE.progress, current);
    announce(EVENTS.lessonProgress, { lesson: slug, state: 'completed' });
    render();
    note.setAttribute('tabindex', '-1');
    note.focus();
  });
  render();
}

// A module runs once the page is parsed: the elements are there.
const article = document.querySelector('article.lesson[data-lesson-slug]');
if (article) {
  showLesson(article);
} else {
  showHome(load(STORAGE.progress));
  offerReset();
}
