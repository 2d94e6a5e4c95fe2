// The lesson's prediction elements: the learner commits a prediction, this browser keeps it, and only then is the
// reveal fetched from the server (the page does not hold it). On a reload a committed prediction shows again with its
// reveal. Without scripts the same form asks the server for a page with the reveal.
import { el, fetchJson } from '/js/common.js';
import { keepPrediction, predictionsOf } from '/js/lesson/prediction-store.js';

const article = document.querySelector('article.lesson[data-lesson-slug]');

function answerOf(form) {
  const field = form.elements.namedItem('prediction');
  return field ? String(field.value).trim() : '';
}

function showAnswer(section, answer) {
  const form = section.querySelector('form');
  if (section.dataset.kind === 'choice') {
    form.querySelectorAll('input[name="prediction"]').forEach((radio) => {
      radio.checked = radio.value === answer;
    });
  } else {
    form.elements.namedItem('prediction').value = answer;
  }
}

// A committed prediction stays as it was: the point is to compare it with what happens.
function lock(section, locked) {
  section.querySelectorAll('input, textarea, button').forEach((control) => {
    control.disabled = locked;
  });
}

function checkLink(id) {
  const control = document.getElementById(id);
  const link = el('a', null, 'Check it yourself with the widget');
  link.href = '#' + id;
  link.addEventListener('click', (event) => {
    if (control) {
      event.preventDefault();
      // A data table folded away in a <details> opens, so that the control can be seen and focused.
      const folded = control.closest('details');
      if (folded) {
        folded.open = true;
      }
      // A heading or a caption takes the focus too, so that the keyboard goes on from there.
      if (!control.matches('input, select, textarea, button, a[href], [tabindex]')) {
        control.setAttribute('tabindex', '-1');
      }
      control.scrollIntoView({ block: 'center' });
      control.focus();
    }
  });
  const p = el('p', 'predict-check');
  p.append(link);
  return p;
}

function showReveal(section, reveal, focus) {
  const box = section.querySelector('[data-reveal]');
  const ownCall = reveal.kind === 'text';
  const yours = el('p', 'predict-yours', ownCall ? 'Your call: ' : 'You predicted: ');
  yours.append(el('strong', null, reveal.prediction_text));
  const body = document.createElement('template');
  // Lesson HTML, rendered by the server from the lesson's Markdown (raw HTML in lessons is escaped).
  body.innerHTML = reveal.reveal_html;
  box.replaceChildren(
    yours,
    el('p', 'predict-title', ownCall ? 'A model answer' : 'What happens, and why'),
    body.content);
  if (reveal.check) {
    box.append(checkLink(reveal.check));
  }
  box.hidden = false;
  if (focus) {
    box.focus();
  }
}

async function reveal(section, answer, focus) {
  const slug = article.dataset.lessonSlug;
  const id = section.dataset.predict;
  const error = section.querySelector('[data-predict-error]');
  error.hidden = true;
  lock(section, true);
  try {
    const url = `/api/v1/lessons/${encodeURIComponent(slug)}/predictions/${encodeURIComponent(id)}`
      + `?prediction=${encodeURIComponent(answer)}`;
    const body = await fetchJson(url);
    keepPrediction(slug, id, answer);
    showReveal(section, body, focus);
  } catch (e) {
    lock(section, false);
    error.textContent = 'The answer could not be shown: ' + e.message;
    error.hidden = false;
  }
}

function start(section) {
  const form = section.querySelector('form');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const answer = answerOf(form);
    if (answer) {
      reveal(section, answer, true);
    }
  });
  const committed = predictionsOf(article.dataset.lessonSlug)[section.dataset.predict];
  if (committed) {
    showAnswer(section, committed);
    reveal(section, committed, false);
  }
}

if (article) {
  article.querySelectorAll('section.predict[data-predict]').forEach(start);
}
