// confirm.js: an inline "are you sure?" box for a destructive button (both
// widgets' reset). It opens below the button, focuses the safe choice, and
// Escape or the safe choice closes it and returns focus to the button.
import { h, uid } from "./dom.js";

export function inlineConfirm({ trigger, question, yesLabel, noLabel, onYes, onNo, classes }) {
  const id = uid("cw-confirm");
  const yes = h("button", { type: "button", class: classes.yes, text: yesLabel });
  const no = h("button", { type: "button", class: classes.no, text: noLabel });
  const box = h(
    "div",
    { class: "cw-confirm", id, role: "group", "aria-labelledby": `${id}-text`, hidden: true },
    h("p", { id: `${id}-text`, text: question }),
    h("div", { class: "cw-row" }, yes, no),
  );
  trigger.setAttribute("aria-expanded", "false");
  trigger.setAttribute("aria-controls", id);
  function close() {
    box.hidden = true;
    trigger.setAttribute("aria-expanded", "false");
    trigger.focus();
  }
  trigger.addEventListener("click", () => {
    box.hidden = false;
    trigger.setAttribute("aria-expanded", "true");
    no.focus();
  });
  no.addEventListener("click", () => {
    close();
    if (onNo) onNo();
  });
  yes.addEventListener("click", () => {
    onYes();
    close();
  });
  box.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    close();
    if (onNo) onNo();
  });
  return { box, yes, no, close };
}
