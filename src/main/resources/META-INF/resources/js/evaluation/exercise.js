// The confusion-matrix exercise: answers are graded by the server, which never sends the expected values back
// until the learner asks for the worked solution. Score and streak stay in this browser.
import {
  EVENTS, STORAGE, announce, el, fetchJson, load as loadStored, postJson, save as saveStored
} from '/js/common.js';

function initExercise(root) {
  const id = root.dataset.exercise;
  const base = '/api/v1/exercises/' + encodeURIComponent(id);
  const form = root.querySelector('[data-exercise-form]');
  const status = root.querySelector('[data-exercise-status]');
  const levels = {};
  const record = Object.assign({ solved: [], streak: 0 }, loadStored(STORAGE.exercises));

  function showScore() {
    root.querySelector('[data-exercise-score]').textContent =
        'solved ' + record.solved.length + ' · streak ' + record.streak;
  }

  function rowOf(step) {
    const tr = el('tr');
    const th = el('th', null, step.label);
    th.scope = 'row';
    tr.append(th, el('td', null, step.formula), el('td', null, step.working), el('td', null, step.answer));
    return tr;
  }

  async function showSolution() {
    const steps = await postJson(base + '/solution');
    root.querySelector('[data-solution-rows]').replaceChildren(...steps.map(rowOf));
    const section = root.querySelector('[data-solution]');
    section.hidden = false;
    section.focus();
  }

  function showGrades(grade) {
    root.querySelectorAll('[data-result]').forEach((result) => {
      result.textContent = '';
      result.className = 'metric-result';
    });
    let right = 0;
    for (const [metric, verdict] of Object.entries(grade.grades)) {
      const ok = verdict === 'correct';
      right += ok ? 1 : 0;
      const result = root.querySelector('[data-metric="' + metric + '"] [data-result]');
      result.textContent = ok ? '✓ correct' : '✗ not yet';
      result.className = 'metric-result ' + (ok ? 'right' : 'wrong');
    }
    return right;
  }

  async function check() {
    const answers = {};
    for (const input of form.querySelectorAll('input[type="text"]')) {
      if (input.value.trim() !== '') {
        answers[input.name] = input.value.trim();
      }
    }
    if (!Object.keys(answers).length) {
      status.textContent = 'Fill in at least one metric first.';
      return;
    }
    const grade = await postJson(base + '/answers', answers);
    announce(EVENTS.exerciseGraded, { exercise: id, answers, solved: grade.solved });
    const right = showGrades(grade);
    if (grade.solved) {
      status.textContent = 'Solved: all four metrics are right.';
      if (!record.solved.includes(id)) {
        record.solved.push(id);
        record.streak++;
        saveStored(STORAGE.exercises, record);
      }
      showScore();
      await showSolution();
    } else {
      // A new message each time, so that screen readers announce every check.
      status.textContent = right + ' of ' + Object.keys(grade.grades).length + ' answers right ('
          + new Date().toLocaleTimeString() + '): try again, or ask for a hint.';
    }
  }

  async function hint(button) {
    const metric = button.dataset.hint;
    const level = (levels[metric] || 0) + 1;
    const given = await fetchJson(base + '/hints/' + encodeURIComponent(metric) + '?level=' + level);
    levels[metric] = given.level;
    root.querySelector('[data-metric="' + metric + '"] [data-hints]').append(el('li', null, given.text));
    if (given.more_levels) {
      button.textContent = 'Another hint';
    } else {
      // Disabling the focused button would drop focus to the page top: move it to the answer first.
      root.querySelector('#metric-' + metric).focus();
      button.disabled = true;
    }
  }

  function giveUp() {
    if (!record.solved.includes(id)) {
      record.streak = 0; // giving up ends the streak
      saveStored(STORAGE.exercises, record);
      showScore();
    }
    return showSolution();
  }

  // Every failure (a 4xx names the field and the rule) is said in the status line, never thrown away.
  function report(error) {
    status.textContent = error.message;
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check().catch(report);
  });
  root.querySelectorAll('[data-hint]').forEach((button) => {
    button.addEventListener('click', () => hint(button).catch(report));
  });
  root.querySelector('[data-give-up]').addEventListener('click', () => giveUp().catch(report));
  showScore();
}

document.querySelectorAll('[data-exercise]').forEach(initExercise);
