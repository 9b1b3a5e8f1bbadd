// disclosure.js: one checklist per case on a long page (the case studies)
// folds into a disclosure, so a student works on one case at a time. Nothing
// is lost when it is closed (answers stay in the model and in storage), and
// printing opens every disclosure so the printed page is complete.
import { h } from "../common/dom.js";
import { fill } from "../common/text.js";

export function buildDisclosure(shared, parts) {
  const summaryText = h("span", { "data-role": "disclosure-summary" });
  const details = h("details", { class: "cwc-disclosure" }, h("summary", {}, summaryText), ...parts);
  const update = (overall) => {
    summaryText.textContent = fill(shared.disclosure_summary, { answered: overall.rated, total: overall.total });
  };
  let reopen = false;
  const beforePrint = () => {
    reopen = !details.open;
    details.open = true;
  };
  const afterPrint = () => {
    if (reopen) details.open = false;
    reopen = false;
  };
  globalThis.addEventListener("beforeprint", beforePrint);
  globalThis.addEventListener("afterprint", afterPrint);
  const dispose = () => {
    globalThis.removeEventListener("beforeprint", beforePrint);
    globalThis.removeEventListener("afterprint", afterPrint);
  };
  return { details, update, dispose };
}
