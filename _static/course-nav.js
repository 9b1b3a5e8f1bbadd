/* course-nav.js: finishes the themes' phone menus (issue 9; tests/test_navigation.py).
   pydata-sphinx-theme 0.17 opens the site menu and the page contents as modal
   <dialog>s on narrow screens, moving the sidebar's content into them. Two gaps:
   - There is no visible way to close them except Escape or tapping the backdrop:
     each sidebar gets a "Close" button, drawn only inside an open dialog (course.css).
     It is a <form method="dialog">, so the browser closes the dialog itself.
   - sphinx-book-theme blurs a toggle when it is clicked, so when the dialog closes
     focus falls to the top of the page: here it goes back to the button that
     opened it (WCAG 2.4.3).
   - On a phone, tapping a section in "On this page" left the menu open over the
     page: choosing a link on this page closes the menu, and focus goes to the
     section (not back to the button). */
(function () {
  "use strict";
  function setUp() {
    [
      ["pst-primary-sidebar", "pst-primary-sidebar-modal", ".bd-header-article .primary-toggle", "Close the site menu"],
      ["pst-secondary-sidebar", "pst-secondary-sidebar-modal", ".bd-header-article .secondary-toggle", "Close the page contents"],
    ].forEach(function (parts) {
      var sidebar = document.getElementById(parts[0]);
      var dialog = document.getElementById(parts[1]);
      var toggle = document.querySelector(parts[2]);
      if (!sidebar || !dialog || !toggle) return;
      var form = document.createElement("form");
      form.method = "dialog";
      form.className = "course-menu-close";
      var button = document.createElement("button");
      button.type = "submit";
      button.className = "btn";
      button.textContent = "Close";
      button.setAttribute("aria-label", parts[3]);
      form.appendChild(button);
      sidebar.insertBefore(form, sidebar.firstChild);
      toggle.addEventListener("click", function () {
        dialog.dataset.courseOpener = parts[2];
      });
      dialog.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest("a[href]");
        if (!link || !dialog.open) return;
        var url = new URL(link.href, location.href);
        if (url.pathname !== location.pathname || !url.hash) return;
        dialog.dataset.courseOpener = "";
        dialog.close();
        var target = document.getElementById(decodeURIComponent(url.hash.slice(1)));
        if (target) {
          if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
          setTimeout(function () { target.focus({ preventScroll: true }); target.scrollIntoView(); }, 0);
        }
      });
      dialog.addEventListener("close", function () {
        // After the theme's own close handlers, which move the content back.
        setTimeout(function () {
          if (dialog.dataset.courseOpener === parts[2] && toggle.offsetParent !== null) toggle.focus();
        }, 0);
      });
    });
  }
  // Tables on a phone (course.css) are drawn as blocks, and some screen readers
  // (VoiceOver on iOS) then stop treating them as tables. Stating each part's role
  // keeps the table, its rows and its column headers for them (WCAG 1.3.1). HTML
  // does not allow these roles in the markup itself, so they are set here.
  function tableRoles() {
    var roles = { THEAD: "rowgroup", TBODY: "rowgroup", TFOOT: "rowgroup", TR: "row", TD: "cell" };
    document.querySelectorAll("table.course-stacked, table.course-stacked-keys").forEach(function (table) {
      table.setAttribute("role", "table");
      table.querySelectorAll("thead, tbody, tfoot, tr, th, td").forEach(function (part) {
        if (part.closest("table") !== table) return;
        var role = part.tagName === "TH" ? (part.closest("thead") ? "columnheader" : "rowheader") : roles[part.tagName];
        part.setAttribute("role", role);
      });
    });
  }
  function start() {
    setUp();
    tableRoles();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
