// The presenter view, for a projector: shows a lesson section or a quiz question large, and the class's answers to
// the question beside it once the instructor reveals them. The choice and the reveal are the workshop's own (PUT
// /presenter), so they survive a reload and every open presenter view follows them through the dashboard stream.
import { el } from '/js/common.js';
import { drawOptions, followDashboard, mostWrong, optionChart, optionRows, percentRight, send }
  from '/js/workshop/dashboard.js';

function initPresenter(root) {
  const code = root.dataset.code;
  const api = `/api/v1/workshops/${encodeURIComponent(code)}`;
  const form = root.querySelector('[data-present-form]');
  const select = form.elements.target;
  const reveal = root.querySelector('[data-reveal]');
  const status = root.querySelector('[data-present-status]');
  const results = root.querySelector('[data-stage-results]');
  const canvas = results.querySelector('[data-option-chart]');
  let chart = null;
  let current = null;
  // What the server rendered: the picker is only moved when the workshop's choice changes from it, not while the
  // instructor is picking.
  let shownTarget = select.value || null;
  form.hidden = false;

  const say = (text) => {
    status.textContent = text;
  };

  function question(dashboard, target) {
    return dashboard.questions.find((q) => `${q.quiz}/${q.question}` === target) || null;
  }

  function render(dashboard) {
    current = dashboard;
    const { presented, revealed } = dashboard.workshop;
    const asked = presented ? question(dashboard, presented) : null;
    const option = presented && !asked ? [...select.options].find((o) => o.value === presented) : null;
    const title = root.querySelector('[data-stage-title]');
    const link = root.querySelector('[data-stage-link]');
    const options = root.querySelector('[data-stage-options]');

    root.querySelector('[data-stage-empty]').hidden = Boolean(asked || option);
    title.hidden = !(asked || option);
    link.hidden = !option;
    if (presented !== shownTarget) {
      shownTarget = presented;
      select.value = presented || '';
      title.textContent = asked ? asked.prompt : option ? option.dataset.title : '';
      if (option) {
        link.querySelector('a').href = option.dataset.path;
      }
      options.replaceChildren(...(asked ? asked.options.map((o) => el('li', null, o.text)) : []));
    }

    reveal.setAttribute('aria-pressed', String(revealed));
    reveal.textContent = revealed ? 'Hide the class\'s results' : 'Reveal the class\'s results';
    reveal.disabled = !asked;
    results.hidden = !(asked && revealed);
    if (asked) {
      results.querySelector('[data-answered]').textContent = String(asked.answered);
      results.querySelector('[data-percent]').textContent = percentRight(asked.percent_right);
      results.querySelector('[data-wrong]').textContent = mostWrong(asked);
      results.querySelector('[data-options-results]').hidden = asked.options.length === 0;
      results.querySelector('[data-option-rows]').replaceChildren(...optionRows(asked));
      if (!results.hidden && asked.options.length) {
        // Drawn once visible: a chart made in a hidden box has no size.
        chart = chart || optionChart(canvas);
        drawOptions(chart, asked);
      }
    }
  }

  async function present(target, revealed, done) {
    try {
      const workshop = await send('PUT', `${api}/presenter`, { target, revealed });
      say(done);
      if (current) {
        render({ ...current, workshop });
      }
    } catch (e) {
      say('That did not work: ' + e.message);
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const target = select.value || null;
    const text = select.selectedOptions[0].textContent.trim();
    present(target, false, target ? `Showing: ${text}. Results hidden.` : 'Showing nothing.');
  });
  reveal.addEventListener('click', () => {
    if (!current || !current.workshop.presented) {
      return;
    }
    const revealed = !current.workshop.revealed;
    present(current.workshop.presented, revealed,
      revealed ? 'The class\'s results are shown.' : 'The class\'s results are hidden.');
  });

  followDashboard(code, render, say);
}

document.querySelectorAll('[data-presenter]').forEach(initPresenter);
