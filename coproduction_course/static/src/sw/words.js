// words.js: the page the worker shows for a page not saved, with no connection.
export function notSaved() {
  return new Response(
    "<!DOCTYPE html><html lang=en><meta charset=utf-8><title>Offline</title>" +
      "<p>This page is not saved in this browser yet, and there is no connection. " +
      "Use “Make the whole course available offline” on the “Your work” page next time you are online.</p>",
    { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
  );
}
