// The lesson's self-check. The page holds no answer key: every answer is graded by the server, and the key
// comes back only in the review, once every question is answered. Answers are kept in this browser only.
import { STORAGE, el, load as loadStored, postJson, save as saveStored } from '/js/common.js';

var KEY = STORAGE.quizzes;

function load() {
  return loadStored(KEY);
}

function save(all) {
  saveStored(KEY, all);
}

function initQuiz(root) {
  var slug = root.getAttribute('data-quiz');
  var base = '/api/v1/quizzes/' + encodeURIComponent(slug);
  var questions = Array.prototype.slice.call(root.querySelectorAll('[data-question]'));
  var reviewButton = root.querySelector('[data-quiz-review]');
  var summary = root.querySelector('[data-quiz-summary]');

  function stored() {
    return load()[slug] || {};
  }

  function remember(id, answer, correct) {
    var all = load();
    all[slug] = all[slug] || {};
    all[slug][id] = { answer: answer, correct: correct };
    save(all);
  }

  function answerOf(item) {
    var form = item.querySelector('form');
    if (item.getAttribute('data-kind') === 'numeric') {
      var text = form.elements.value.value.trim();
      return text === '' ? null : { value: Number(text) };
    }
    var choices = [];
    form.querySelectorAll('input[name="choice"]:checked').forEach(function (input) {
      choices.push(Number(input.value));
    });
    return choices.length ? { choices: choices } : null;
  }

  function showFeedback(item, feedback) {
    var box = item.querySelector('[data-feedback]');
    box.textContent = '';
    box.className = 'feedback ' + (feedback.correct ? 'right' : 'wrong');
    box.appendChild(el('p', 'verdict', feedback.correct ? 'Correct.' : 'Not correct.'));
    (feedback.chosen || []).forEach(function (chosen) {
      box.appendChild(el('p', null, (chosen.correct ? '✓ ' : '✗ ') + chosen.text + ': ' + chosen.explanation));
    });
    if (feedback.explanation) {
      box.appendChild(el('p', null, feedback.explanation));
    }
    if (feedback.hint) {
      box.appendChild(el('p', 'hint', feedback.hint));
    }
    item.classList.toggle('answered-right', feedback.correct);
  }

  function updateReview() {
    var answers = stored();
    reviewButton.hidden = !questions.every(function (item) {
      return answers[item.getAttribute('data-question')];
    });
  }

  questions.forEach(function (item) {
    var id = item.getAttribute('data-question');
    item.querySelector('form').addEventListener('submit', function (event) {
      event.preventDefault();
      var answer = answerOf(item);
      var box = item.querySelector('[data-feedback]');
      if (!answer) {
        box.className = 'feedback wrong';
        box.textContent = item.getAttribute('data-kind') === 'numeric'
            ? 'Type a number first.' : 'Choose an option first.';
        return;
      }
      postJson(base + '/questions/' + encodeURIComponent(id) + '/answer', answer).then(function (feedback) {
        remember(id, answer, feedback.correct);
        showFeedback(item, feedback);
        updateReview();
      }).catch(function (e) {
        box.className = 'feedback wrong';
        box.textContent = e.message;
      });
    });
  });

  function showReview(review) {
    summary.textContent = '';
    summary.appendChild(el('h3', null, 'Your score: ' + review.score + ' of ' + review.total));
    var list = el('ol', 'review');
    review.questions.forEach(function (q) {
      var li = el('li', q.correct ? 'right' : 'wrong');
      li.appendChild(el('p', 'review-prompt', (q.correct ? '✓ ' : '✗ ') + q.prompt));
      if (q.options) {
        var ul = el('ul');
        q.options.forEach(function (o) {
          var text = (o.correct ? 'Right: ' : 'Wrong: ') + o.text + (o.chosen ? ' (your choice)' : '') + '. '
              + o.explanation;
          ul.appendChild(el('li', o.correct ? 'option-right' : 'option-wrong', text));
        });
        li.appendChild(ul);
      } else {
        li.appendChild(el('p', null, 'Answer: ' + q.answer + ' (±' + q.tolerance + '); yours: ' + q.given + '. '
            + q.explanation));
      }
      if (!q.correct) {
        var p = el('p');
        var a = el('a', null, 'Review this section');
        a.href = q.section;
        p.appendChild(a);
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    summary.appendChild(list);
    summary.hidden = false;
    summary.focus();
  }

  reviewButton.addEventListener('click', function () {
    var answers = {};
    var mine = stored();
    // Only this page's questions: answers kept from a since-edited quiz would be refused.
    questions.forEach(function (item) {
      var id = item.getAttribute('data-question');
      if (mine[id]) {
        answers[id] = mine[id].answer;
      }
    });
    postJson(base + '/review', { answers: answers }).then(showReview).catch(function (e) {
      summary.hidden = false;
      summary.textContent = e.message;
    });
  });

  root.querySelector('[data-quiz-restart]').addEventListener('click', function () {
    var all = load();
    delete all[slug];
    save(all);
    questions.forEach(function (item) {
      item.querySelector('form').reset();
      var box = item.querySelector('[data-feedback]');
      box.textContent = '';
      box.className = 'feedback';
      item.classList.remove('answered-right');
    });
    summary.hidden = true;
    updateReview();
    questions[0].querySelector('input').focus();
  });

  // Show earlier answers again, as they were graded.
  var earlier = stored();
  questions.forEach(function (item) {
    var previous = earlier[item.getAttribute('data-question')];
    if (!previous) {
      return;
    }
    var form = item.querySelector('form');
    if (previous.answer.value !== undefined) {
      form.elements.value.value = previous.answer.value;
    } else {
      previous.answer.choices.forEach(function (index) {
        var input = form.querySelector('input[name="choice"][value="' + index + '"]');
        if (input) {
          input.checked = true;
        }
      });
    }
    var box = item.querySelector('[data-feedback]');
    box.className = 'feedback ' + (previous.correct ? 'right' : 'wrong');
    box.textContent = previous.correct ? 'You answered this correctly.' : 'Your last answer was not correct: try again.';
  });
  updateReview();
}

document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-quiz]').forEach(initQuiz);
});
