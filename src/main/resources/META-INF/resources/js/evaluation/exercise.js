// The confusion-matrix exercise: answers are graded by the server, which never sends the expected values back
// until the learner asks for the worked solution. Score and streak stay in this browser.
import { STORAGE, el, load as loadStored, postJson, save as saveStored } from '/js/common.js';

var KEY = STORAGE.exercises;

function init(root) {
  var id = root.getAttribute('data-exercise');
  var base = '/api/v1/exercises/' + encodeURIComponent(id);
  var form = root.querySelector('[data-exercise-form]');
  var status = root.querySelector('[data-exercise-status]');
  var levels = {};
  var record = loadStored(KEY);
  record.solved = record.solved || [];
  record.streak = record.streak || 0;

  function showScore() {
    root.querySelector('[data-exercise-score]').textContent = 'solved ' + record.solved.length
        + ' · streak ' + record.streak;
  }

  function showSolution() {
    return postJson(base + '/solution').then(function (steps) {
      var rows = root.querySelector('[data-solution-rows]');
      rows.textContent = '';
      steps.forEach(function (step) {
        var tr = el('tr');
        var th = el('th', null, step.metric === 'f1' ? 'F1' : step.metric.charAt(0).toUpperCase() + step.metric.slice(1));
        th.setAttribute('scope', 'row');
        tr.appendChild(th);
        tr.appendChild(el('td', null, step.formula));
        tr.appendChild(el('td', null, step.working));
        tr.appendChild(el('td', null, step.answer));
        rows.appendChild(tr);
      });
      var section = root.querySelector('[data-solution]');
      section.hidden = false;
      section.focus();
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var answers = {};
    form.querySelectorAll('input[type="text"]').forEach(function (input) {
      if (input.value.trim() !== '') {
        answers[input.name] = input.value.trim();
      }
    });
    if (!Object.keys(answers).length) {
      status.textContent = 'Fill in at least one metric first.';
      return;
    }
    postJson(base + '/answers', answers).then(function (grade) {
      root.querySelectorAll('[data-result]').forEach(function (result) {
        result.textContent = '';
        result.className = 'metric-result';
      });
      var right = 0;
      Object.keys(grade.grades).forEach(function (metric) {
        var ok = grade.grades[metric] === 'correct';
        right += ok ? 1 : 0;
        var result = root.querySelector('[data-metric="' + metric + '"] [data-result]');
        result.textContent = ok ? '✓ correct' : '✗ not yet';
        result.className = 'metric-result ' + (ok ? 'right' : 'wrong');
      });
      if (grade.solved) {
        status.textContent = 'Solved: all four metrics are right.';
        if (record.solved.indexOf(id) < 0) {
          record.solved.push(id);
          record.streak++;
          saveStored(KEY, record);
        }
        showScore();
        showSolution();
      } else {
        // A new message each time, so that screen readers announce every check.
        status.textContent = right + ' of ' + Object.keys(grade.grades).length + ' answers right ('
            + new Date().toLocaleTimeString() + '): try again, or ask for a hint.';
      }
    }).catch(function (e) {
      status.textContent = e.message;
    });
  });

  root.querySelectorAll('[data-hint]').forEach(function (button) {
    button.addEventListener('click', function () {
      var metric = button.getAttribute('data-hint');
      var level = (levels[metric] || 0) + 1;
      fetch(base + '/hints/' + metric + '?level=' + level, { headers: { 'Accept': 'application/json' } })
          .then(function (r) {
            return r.json().then(function (data) {
              if (!r.ok) {
                throw new Error(data.detail || data.title);
              }
              return data;
            });
          })
          .then(function (hint) {
            levels[metric] = hint.level;
            root.querySelector('[data-metric="' + metric + '"] [data-hints]')
                .appendChild(el('li', null, hint.text));
            if (!hint.more_levels) {
              // Disabling the focused button would drop focus to the page top: move it to the answer first.
              root.querySelector('#metric-' + metric).focus();
              button.disabled = true;
            } else {
              button.textContent = 'Another hint';
            }
          })
          .catch(function (e) {
            status.textContent = e.message;
          });
    });
  });

  root.querySelector('[data-give-up]').addEventListener('click', function () {
    if (record.solved.indexOf(id) < 0) {
      record.streak = 0; // giving up ends the streak
      saveStored(KEY, record);
      showScore();
    }
    showSolution();
  });
  showScore();
}

document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-exercise]').forEach(init);
});
