// timer.js: the speech timer's state, pure; `now` is passed in (milliseconds),
// so node --test drives it with a made-up clock.
export function createTimer(durationMs) {
  return { durationMs, leftMs: durationMs, endAt: 0, running: false, done: false };
}

export function start(timer, now) {
  const base = timer.done ? createTimer(timer.durationMs) : timer;
  return Object.assign({}, base, { running: true, endAt: now + base.leftMs });
}

export function pause(timer, now) {
  if (!timer.running) return timer;
  return Object.assign({}, timer, { running: false, leftMs: Math.max(0, timer.endAt - now) });
}

// The timer at `now`: counts down while running, and is done at zero.
export function tick(timer, now) {
  if (!timer.running) return timer;
  const leftMs = Math.max(0, timer.endAt - now);
  return leftMs === 0 ? Object.assign({}, timer, { leftMs, running: false, done: true }) : Object.assign({}, timer, { leftMs });
}

export function reset(timer, durationMs = timer.durationMs) {
  return createTimer(durationMs);
}

export function mmss(totalSeconds) {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

export function display(timer) {
  return mmss(Math.ceil(timer.leftMs / 1000));
}
