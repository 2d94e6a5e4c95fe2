// Number formats of the page scripts, the same as the server's templates write them (web.format.Numbers).

// A number with two decimals.
export function dp2(value) {
  return isNumber(value) ? value.toFixed(2) : '—';
}

// A number with three decimals.
export function dp3(value) {
  return isNumber(value) ? value.toFixed(3) : '—';
}

// A share as a percentage with one decimal.
export function percent(value) {
  return isNumber(value) ? (value * 100).toFixed(1) + ' %' : '—';
}

// A whole number with thousands separated by commas: 1,000.
export function whole(value) {
  return isNumber(value) ? Math.round(value).toLocaleString('en-US') : '—';
}

// A duration in nanoseconds, as microseconds.
export function micros(nanos) {
  return (nanos / 1000).toFixed(1) + ' µs';
}

// A duration in milliseconds.
export function millis(ms, digits = 2) {
  return ms.toFixed(digits) + ' ms';
}

function isNumber(value) {
  return typeof value === 'number' && Number.isFinite(value);
}
