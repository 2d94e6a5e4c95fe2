// The lesson's self-check. The page holds no answer key: every answer is graded by the server, and the key
// comes back only in the review, once every question is answered. Answers are kept in this browser, and announced
// (EVENTS.quizAnswered). In a workshop the page names where answers go instead (data-workshop-answers): one request
// grades and records them; when the instructor holds the answers back, the feedback waits for their release.
import { EVENTS, STORAGE, announce, el, load, postJson, save } from '/js/common.js';

const HELD = 'Your answer is recorded. Your instructor will release the answers: the feedback shows here then.';

// Says what went wrong in words a learner can act on: the server's problem detail when it sent one.
function failure(what, error) {
  return `${what}: ${error.message}`;
}

// A parametrised question poses each learner their own problem (data-variant): the answer names it, so that the
// server grades it with the same numbers.
function answerOf(item) {
  const form = item.querySelector('form');
  if (item.dataset.kind === 'numeric') {
    const text = form.elements.value.value.trim();
    if (text === '') {
      return null;
    }
    return item.dataset.variant === undefined
      ? { value: Number(text) }
      : { value: Number(text), variant: Number(item.dataset.variant) };
  }
  const choices = [...form.querySelectorAll('input[name="choice"]:checked')].map((input) => Number(input.value));
  return choices.length ? { choices } : null;
}

function showFeedback(box, feedback) {
  box.textContent = '';
  box.className = `feedback ${feedback.correct ? 'right' : 'wrong'}`;
  box.append(el('p', 'verdict', feedback.correct ? 'Correct.' : 'Not correct.'));
  for (const chosen of feedback.chosen || []) {
    box.append(el('p', null, `${chosen.correct ? '✓' : '✗'} ${chosen.text}: ${chosen.explanation}`));
  }
  if (feedback.explanation) {
    box.append(el('p', null, feedback.explanation));
  }
  if (feedback.hint) {
    box.append(el('p', 'hint', feedback.hint));
  }
  if (feedback.next) {
    box.append(el('p', 'hint', 'The question above now shows new numbers.'));
  }
}

// After a wrong answer to a parametrised question the server poses a new problem: a retry is not a second guess
// at the same numbers.
function poseNext(item, next) {
  item.dataset.variant = String(next.variant);
  item.querySelector('legend').textContent = next.prompt;
  item.querySelector('form').elements.value.value = '';
}

function showMessage(box, text) {
  box.className = 'feedback wrong';
  box.textContent = text;
}

function reviewItem(q) {
  const li = el('li', q.correct ? 'right' : 'wrong');
  li.append(el('p', 'review-prompt', `${q.correct ? '✓' : '✗'} ${q.prompt}`));
  if (q.options) {
    const ul = el('ul');
    for (const o of q.options) {
      const text = `${o.correct ? 'Right' : 'Wrong'}: ${o.text}${o.chosen ? ' (your choice)' : ''}. ${o.explanation}`;
      ul.append(el('li', o.correct ? 'option-right' : 'option-wrong', text));
    }
    li.append(ul);
  } else {
    li.append(el('p', null, `Answer: ${q.answer} (±${q.tolerance}); yours: ${q.given}. ${q.explanation}`));
  }
  if (!q.correct) {
    const link = el('a', null, 'Review this section');
    link.href = q.section;
    const p = el('p');
    p.append(link);
    li.append(p);
  }
  return li;
}

function showHeld(box) {
  box.className = 'feedback held';
  box.textContent = HELD;
}

function initQuiz(root) {
  const slug = root.dataset.quiz;
  const base = `/api/v1/quizzes/${encodeURIComponent(slug)}`;
  const workshopAnswers = root.dataset.workshopAnswers;
  let answersHeld = root.hasAttribute('data-answers-held');
  const items = [...root.querySelectorAll('[data-question]')];
  const reviewButton = root.querySelector('[data-quiz-review]');
  const summary = root.querySelector('[data-quiz-summary]');

  const stored = () => load(STORAGE.quizzes)[slug] || {};
  // A held answer is kept with held: true and no grade until the instructor releases the answers.
  // A parametrised question's problem is kept with the answer (prompt), and the new problem a wrong answer got
  // (next), so that a reload shows the same numbers.
  const remember = (id, answer, correct, held = false, next = null) => {
    const all = load(STORAGE.quizzes);
    const entry = held ? { answer, held } : { answer, correct };
    if (answer.variant !== undefined) {
      entry.prompt = root.querySelector(`[data-question="${CSS.escape(id)}"] legend`).textContent;
    }
    if (next) {
      entry.next = next;
    }
    all[slug] = { ...all[slug], [id]: entry };
    save(STORAGE.quizzes, all);
  };
  const updateReview = () => {
    const answers = stored();
    reviewButton.hidden = !items.every((item) => answers[item.dataset.question] && !answers[item.dataset.question].held);
  };

  // Grades through the workshop (which records the answer) or through the quiz API; resolves with the feedback,
  // or null when the workshop holds it back.
  async function grade(id, answer) {
    if (!workshopAnswers) {
      const feedback = await postJson(`${base}/questions/${encodeURIComponent(id)}/answer`, answer);
      announce(EVENTS.quizAnswered, { quiz: slug, question: id, answer, correct: feedback.correct, recorded: false });
      return feedback;
    }
    const ack = await postJson(workshopAnswers, { quiz: slug, question: id, answer });
    const feedback = ack.held ? null : ack.feedback;
    announce(EVENTS.quizAnswered,
      { quiz: slug, question: id, answer, correct: feedback ? feedback.correct : null, recorded: true });
    return feedback;
  }

  // Once the answers are released: grades the answers kept while held, through the quiz API (the workshop has
  // them already), and shows the feedback.
  async function gradeHeld() {
    const mine = stored();
    for (const item of items) {
      const id = item.dataset.question;
      if (!mine[id] || !mine[id].held) {
        continue;
      }
      const box = item.querySelector('[data-feedback]');
      try {
        const feedback = await postJson(`${base}/questions/${encodeURIComponent(id)}/answer`, mine[id].answer);
        remember(id, mine[id].answer, feedback.correct, false, feedback.next);
        showFeedback(box, feedback);
        if (feedback.next) {
          poseNext(item, feedback.next);
        }
        item.classList.toggle('answered-right', feedback.correct);
      } catch (e) {
        showMessage(box, failure('Your answer could not be checked', e));
      }
    }
    updateReview();
  }

  for (const item of items) {
    const id = item.dataset.question;
    const box = item.querySelector('[data-feedback]');
    item.querySelector('form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const answer = answerOf(item);
      if (!answer) {
        showMessage(box, item.dataset.kind === 'numeric' ? 'Type a number first.' : 'Choose an option first.');
        return;
      }
      try {
        const feedback = await grade(id, answer);
        if (!feedback) {
          remember(id, answer, null, true);
          showHeld(box);
          updateReview();
          return;
        }
        remember(id, answer, feedback.correct, false, feedback.next);
        showFeedback(box, feedback);
        if (feedback.next) {
          poseNext(item, feedback.next);
        }
        item.classList.toggle('answered-right', feedback.correct);
        updateReview();
      } catch (e) {
        showMessage(box, failure('Your answer could not be checked', e));
      }
    });
  }

  reviewButton.addEventListener('click', async () => {
    const mine = stored();
    // Only this page's questions: answers kept from a since-edited quiz would be refused.
    const answers = Object.fromEntries(
      items.map((item) => item.dataset.question).filter((id) => mine[id]).map((id) => [id, mine[id].answer]));
    summary.textContent = '';
    try {
      const review = await postJson(`${base}/review`, { answers });
      summary.append(el('h3', null, `Your score: ${review.score} of ${review.total}`));
      const list = el('ol', 'review');
      list.append(...review.questions.map(reviewItem));
      summary.append(list);
    } catch (e) {
      summary.append(el('p', 'feedback wrong', failure('Your answers could not be reviewed', e)));
    }
    summary.hidden = false;
    summary.focus();
  });

  root.querySelector('[data-quiz-restart]').addEventListener('click', () => {
    const all = load(STORAGE.quizzes);
    delete all[slug];
    save(STORAGE.quizzes, all);
    for (const item of items) {
      item.querySelector('form').reset();
      const box = item.querySelector('[data-feedback]');
      box.textContent = '';
      box.className = 'feedback';
      item.classList.remove('answered-right');
    }
    summary.hidden = true;
    updateReview();
    items[0].querySelector('input').focus();
  });

  // Show earlier answers again, as they were graded.
  const earlier = stored();
  for (const item of items) {
    const previous = earlier[item.dataset.question];
    if (!previous) {
      continue;
    }
    const form = item.querySelector('form');
    if (previous.answer.variant !== undefined && previous.prompt) {
      item.dataset.variant = String(previous.answer.variant);
      item.querySelector('legend').textContent = previous.prompt;
    }
    if (previous.next) {
      poseNext(item, previous.next); // the new problem, still to be answered
    } else if (previous.answer.value !== undefined) {
      form.elements.value.value = previous.answer.value;
    } else {
      for (const index of previous.answer.choices) {
        const input = form.querySelector(`input[name="choice"][value="${index}"]`);
        if (input) {
          input.checked = true;
        }
      }
    }
    const box = item.querySelector('[data-feedback]');
    if (previous.held) {
      showHeld(box);
      continue;
    }
    box.className = `feedback ${previous.correct ? 'right' : 'wrong'}`;
    if (previous.correct) {
      box.textContent = 'You answered this correctly.';
    } else {
      box.textContent = previous.next
        ? 'Your last answer was not correct: try the new problem above.'
        : 'Your last answer was not correct: try again.';
    }
  }
  updateReview();

  document.addEventListener(EVENTS.answersReleased, (event) => {
    const article = root.closest('[data-lesson-slug]');
    if (event.detail.lesson === (article ? article.dataset.lessonSlug : slug) && answersHeld) {
      answersHeld = false;
      gradeHeld();
    }
  });
  if (!answersHeld) {
    gradeHeld(); // released while this page was closed
  }
}

// A module runs once the page is parsed: the quizzes are there.
document.querySelectorAll('[data-quiz]').forEach(initQuiz);
