// projector.js: projector view (large text; on a wide screen the page's
// sidebars and header are hidden so the widget uses the whole width; on a phone
// they stay, so the site menu is still there) and full screen. The button or
// Escape leaves projector view. Switching keeps the button where it was on the
// screen, so the page does not jump under the reader's finger.
// Every listener added to the document is removed when the view goes.
import { h } from "../common/dom.js";

const PAGE_CLASS = "cw-projector-page";

export function buildProjector(ctx, root) {
  const { ui, status } = ctx;
  const button = h("button", { type: "button", class: "cw-secondary cw-projector", "aria-pressed": "false", text: ui.projector });
  const canFullscreen = Boolean(root.requestFullscreen && document.fullscreenEnabled);
  const fullscreenBtn = canFullscreen ? h("button", { type: "button", class: "cw-secondary cw-fullscreen", text: ui.fullscreen }) : null;
  const isOn = () => root.classList.contains("is-projector");
  function set(on, announce) {
    const before = button.getBoundingClientRect().top;
    root.classList.toggle("is-projector", on);
    document.documentElement.classList.toggle(PAGE_CLASS, on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
    const moved = button.getBoundingClientRect().top - before;
    if (button.isConnected && Math.abs(moved) > 1) window.scrollBy({ top: moved, behavior: "instant" });
    if (announce) status.textContent = on ? ui.projector_on : ui.projector_off;
  }
  button.addEventListener("click", () => set(!isOn(), true));
  const onKey = (event) => {
    if (event.key === "Escape" && isOn() && !event.defaultPrevented && document.fullscreenElement !== root) {
      set(false, true);
      button.focus();
    }
  };
  const onFullscreen = () => {
    if (fullscreenBtn) fullscreenBtn.textContent = document.fullscreenElement === root ? ui.fullscreen_leave : ui.fullscreen;
  };
  document.addEventListener("keydown", onKey);
  document.addEventListener("fullscreenchange", onFullscreen);
  if (fullscreenBtn) {
    fullscreenBtn.addEventListener("click", async () => {
      try {
        if (document.fullscreenElement === root) await document.exitFullscreen();
        else {
          set(true, false);
          await root.requestFullscreen();
        }
      } catch (err) {
        status.textContent = ui.fullscreen_failed;
      }
    });
  }
  function dispose() {
    document.removeEventListener("keydown", onKey);
    document.removeEventListener("fullscreenchange", onFullscreen);
    if (isOn()) set(false, false);
  }
  return { buttons: [button, fullscreenBtn], dispose };
}
