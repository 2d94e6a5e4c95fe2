// The rollout lab: a deployment of this browser's own (POST /api/v1/deployments), a candidate beside its current
// version as a canary or a shadow, the iris flowers replayed as traffic, and the server's per-version figures
// beside this browser's own count of right answers. It can train the overfitting preset and promote it first, to
// have a worse model to roll out.
import { cell, el, fetchJson, forget, load, oneAtATime, postJson, save } from '/js/common.js';
import { percent, whole } from '/js/format.js';
import { RunFollower } from '/js/training/run-follower.js';

const KEY = 'serving-lab.rollout-lab';
const AT_ONCE = 4;

function ms(value) {
  return value === null || value === undefined ? '—' : `≤ ${value} ms`;
}

function initRolloutLab(root) {
  const form = root.querySelector('[data-rollout-form]');
  const status = root.querySelector('[data-rollout-status]');
  const candidates = root.querySelector('[data-rollout-candidates]');
  const flowers = JSON.parse(root.dataset.flowers);
  const current = root.dataset.current;
  // This browser's count per model since the rollout began: answered, and right about the species.
  let tally = {};
  let deployment = load(KEY).deployment || null;

  const say = (text) => {
    status.textContent = text;
  };

  async function ensureDeployment() {
    if (deployment) {
      try {
        return await fetchJson(`/api/v1/deployments/${encodeURIComponent(deployment)}`);
      } catch (e) {
        if (e.status !== 404) {
          throw e;
        }
        forget(KEY); // the server restarted, or older deployments made way: make a new one
      }
    }
    const made = await postJson('/api/v1/deployments');
    deployment = made.name;
    save(KEY, { deployment });
    return made;
  }

  const path = (tail = '') => `/api/v1/deployments/${encodeURIComponent(deployment)}${tail}`;

  async function refreshCandidates(select) {
    const models = await fetchJson('/api/v1/models');
    const keep = select || candidates.value;
    candidates.replaceChildren(...models.filter((m) => m.name !== current).map((m) => {
      const option = el('option', null, m.name);
      option.value = m.name;
      return option;
    }));
    if ([...candidates.options].some((o) => o.value === keep)) {
      candidates.value = keep;
    }
  }

  function render(view) {
    const versions = [view.current, view.candidate].filter(Boolean);
    root.querySelector('[data-rollout-versions]').replaceChildren(...versions.map((v) => {
      const mine = tally[v.model];
      const tr = el('tr');
      tr.append(
        cell('th', v.model, 'row'),
        cell('td', v.role),
        cell('td', whole(v.requests)),
        cell('td', `${whole(v.errors)} (${percent(v.error_rate)})`),
        cell('td', ms(v.p50_ms)),
        cell('td', ms(v.p99_ms)),
        cell('td', mine ? `${mine.right} of ${mine.answered} (${percent(mine.right / mine.answered)})` : '—'));
      return tr;
    }));
    const shadowBox = root.querySelector('[data-rollout-shadow]');
    shadowBox.hidden = !view.shadow;
    if (view.shadow) {
      const s = view.shadow;
      root.querySelector('[data-rollout-agreement]').textContent = s.compared === 0
        ? 'The shadow has answered no copy yet.'
        : `The shadow gave the same species as the current version on ${whole(s.agreed)} of ${whole(s.compared)} `
          + `requests (${percent(s.agreement_rate)})${s.dropped ? `; ${whole(s.dropped)} copies dropped` : ''}.`;
      const head = el('tr');
      head.append(cell('th', 'Current \\ shadow', 'col'), ...s.classes.map((c) => cell('th', c, 'col')));
      root.querySelector('[data-rollout-confusion-head]').replaceChildren(head);
      root.querySelector('[data-rollout-confusion]').replaceChildren(...s.confusion.map((counts, i) => {
        const tr = el('tr');
        tr.append(cell('th', s.classes[i], 'row'), ...counts.map((n) => cell('td', whole(n))));
        return tr;
      }));
    }
  }

  const copiesSeen = (view) => (view.shadow ? view.shadow.compared + view.shadow.dropped : 0);

  async function send() {
    const before = copiesSeen(await ensureDeployment());
    let next = 0;
    let errors = 0;
    const one = async () => {
      while (next < flowers.length) {
        const flower = flowers[next++];
        try {
          const answer = await postJson(path('/predict'), flower.body);
          const mine = (tally[answer.model] ??= { answered: 0, right: 0 });
          mine.answered++;
          mine.right += answer.predicted_class === flower.species ? 1 : 0;
        } catch (e) {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: AT_ONCE }, one));
    let view = await fetchJson(path());
    // A shadow answers its copies after the current version has answered: give it a moment to catch up with every
    // flower just answered before showing its figures (a few seconds at most; the figures say how far it got).
    const answered = flowers.length - errors;
    for (let i = 0; i < 50 && view.shadow && copiesSeen(view) < before + answered; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      view = await fetchJson(path());
    }
    render(view);
    say(`Sent ${flowers.length} flowers${errors ? `, ${errors} refused` : ''}.`);
  }

  function train() {
    return new Promise((resolve, reject) => {
      postJson('/api/v1/trainings', JSON.parse(root.dataset.overfitting)).then((run) => {
        say(`Training run ${run.id} (the overfitting preset)…`);
        const follower = new RunFollower({
          epoch: () => {},
          summary: (summary) => resolve({ id: run.id, summary }),
          reconnecting: () => {},
          resume: (id) => follower.follow(id),
          lost: () => reject(new Error('the training run\'s stream was lost'))
        });
        follower.follow(run.id);
      }, reject);
    });
  }

  const act = oneAtATime(say);

  root.querySelector('[data-rollout-train]').addEventListener('click', () => act(async () => {
    const { id, summary } = await train();
    if (summary.status && summary.status !== 'completed') {
      throw new Error(`The training run ended ${summary.status}.`);
    }
    const promotion = await postJson(`/api/v1/trainings/${encodeURIComponent(id)}/promotion`, {});
    await refreshCandidates(promotion.model);
    say(`Promoted ${promotion.model}: it can take traffic now. Choose a mode and start the rollout.`);
  }));

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    act(async () => {
      await ensureDeployment();
      const mode = form.elements.mode.value;
      const body = { candidate: candidates.value, mode };
      if (mode === 'canary') {
        body.percent = Number(form.elements.percent.value);
      }
      const view = await fetchJson(path('/rollout'), {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body)
      });
      tally = {};
      render(view);
      say(mode === 'canary'
        ? `Canary started: ${body.candidate} answers about ${body.percent} % of the requests. Send the flowers.`
        : `Shadow started: ${body.candidate} gets a copy of every request. Send the flowers.`);
    });
  });

  root.querySelector('[data-rollout-send]').addEventListener('click', () => act(send));

  root.querySelector('[data-rollout-promote]').addEventListener('click', () => act(async () => {
    await ensureDeployment();
    const view = await postJson(path('/promotion'));
    render(view);
    say(`Promoted: ${view.current.model} now answers every request of your deployment.`);
  }));

  root.querySelector('[data-rollout-back]').addEventListener('click', () => act(async () => {
    await ensureDeployment();
    let view = await fetchJson(path('/rollout'), { method: 'DELETE' });
    if (view.current.model !== current) {
      view = await fetchJson(path('/current'), { method: 'DELETE' });
    }
    tally = {};
    render(view);
    say(`Rolled back: ${view.current.model} answers every request again, from the very next one.`);
  }));

  refreshCandidates().catch(() => {});
}

document.querySelectorAll('[data-widget="rollout-lab"]').forEach(initRolloutLab);
