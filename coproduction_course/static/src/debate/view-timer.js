// view-timer.js: the speech timer. "Time's up" fills the clock with a large,
// high-contrast signal that can be read from the back of a room; a sound is
// optional and off by default.
import { h, uid } from "../common/dom.js";
import { fill, wholeIn } from "../common/text.js";
import { createTimer, display, pause, reset, start, tick } from "./timer.js";
import { numberField, showError } from "./view-groups.js";

function beep() {
  try {
    const Context = globalThis.AudioContext || globalThis.webkitAudioContext;
    const audio = new Context();
    const tone = audio.createOscillator();
    tone.frequency.value = 880;
    tone.connect(audio.destination);
    tone.start();
    tone.stop(audio.currentTime + 0.6);
  } catch (err) {
    /* no sound available: the visual signal stays */
  }
}

export function buildTimer(ctx) {
  const { ui, state, status } = ctx;
  const minutes = numberField(ui.minutes_label, state.minutes, [1, 60], ui.minutes_hint, "cw-minutes");
  const clock = h("p", { class: "cw-clock", role: "timer" });
  const doneFlag = h("p", { class: "cw-done-flag", hidden: true, text: ui.times_up });
  const startBtn = h("button", { type: "button", class: "cw-start", text: ui.start });
  const resetBtn = h("button", { type: "button", class: "cw-secondary cw-reset-timer", text: ui.reset_timer });
  const soundId = uid("cw-sound");
  const sound = h("input", { type: "checkbox", id: soundId, class: "cw-sound" });
  sound.checked = state.sound;
  let timer = createTimer(state.minutes * 60000);
  let handle = null;
  const stopTicking = () => {
    if (handle !== null) clearInterval(handle);
    handle = null;
  };
  function show() {
    clock.textContent = display(timer);
    clock.classList.toggle("is-done", timer.done);
    doneFlag.hidden = !timer.done;
  }
  function onTick() {
    timer = tick(timer, Date.now());
    show();
    if (!timer.done) return;
    stopTicking();
    startBtn.textContent = ui.start_again;
    status.textContent = ui.times_up + ".";
    if (state.sound) beep();
  }
  function resetTo(announce) {
    stopTicking();
    timer = reset(timer, state.minutes * 60000);
    startBtn.textContent = ui.start;
    show();
    if (announce) status.textContent = fill(ui.timer_reset, { left: display(timer) });
  }
  startBtn.addEventListener("click", () => {
    if (timer.running) {
      stopTicking();
      timer = pause(timer, Date.now());
      startBtn.textContent = ui.resume;
      show();
      status.textContent = fill(ui.timer_paused, { left: display(timer) });
      return;
    }
    timer = start(timer, Date.now());
    show();
    handle = setInterval(onTick, 250);
    startBtn.textContent = ui.pause;
    status.textContent = fill(ui.timer_started, { left: display(timer) });
  });
  resetBtn.addEventListener("click", () => resetTo(true));
  sound.addEventListener("change", () => {
    state.sound = sound.checked;
    ctx.persist();
  });
  minutes.input.addEventListener("input", () => {
    const m = wholeIn(minutes.input.value, 1, 60);
    showError(minutes, m === null ? ui.error_minutes : "");
    if (m === null) return;
    state.minutes = m;
    ctx.persist();
    if (!timer.running) resetTo(false);
  });
  show();
  const fieldset = h(
    "fieldset",
    { class: "cw-timer" },
    h("legend", { text: ui.timer_legend }),
    h("div", { class: "cw-row" }, minutes.field),
    clock,
    doneFlag,
    h("div", { class: "cw-row" }, startBtn, resetBtn),
    h("p", {}, sound, " ", h("label", { for: soundId, text: ui.sound_label })),
  );
  return { fieldset, dispose: stopTicking };
}
