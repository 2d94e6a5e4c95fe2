// Where this browser keeps the learner's committed predictions (localStorage, like lesson progress): by lesson slug,
// then by prediction element id, the answer as the form sent it. Nothing is sent anywhere but to fetch a reveal.
import { STORAGE, load, save } from '/js/common.js';

const PREDICTIONS = STORAGE.predictions;

// Returns the committed predictions of one lesson, by element id.
export function predictionsOf(lesson) {
  return load(PREDICTIONS)[lesson] || {};
}

// Keeps one committed prediction.
export function keepPrediction(lesson, element, answer) {
  const all = load(PREDICTIONS);
  all[lesson] = Object.assign({}, all[lesson], { [element]: answer });
  save(PREDICTIONS, all);
}
