// widget-host.js: draws the course's anywidget views on the static site.
//
// Why not @jupyter-widgets/html-manager: it weighs ~0.9 MB gzip and loads
// require.js and every stock widget, while every widget in this course is an
// anywidget whose whole view is one ES module. The notebooks' saved state names
// that module's bundle (trait `_course_bundle`) rather than holding its code:
// _ext/course_widget_bundles.py publishes each bundle as a static file, linked on
// the pages that show it, which registers the module's text by name. (A state
// that does carry its code, trait `_esm`, is drawn from that.) This host
// implements the small part of anywidget's front-end contract those views use
// (model.get/set/on/off/save_changes/send, render and initialize), so the views
// run fully in the browser with no kernel and no CDN.
// In JupyterLab, Notebook 7, VS Code or Colab anywidget's own front-end is used.
//
// A classic deferred script: the block below keeps every name out of the
// page's global scope.
"use strict";
{
  const STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  const VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  // The build stores a large trait value once per page and refers to it from
  // other models that hold the same value. _ext/course_widget_state.py reads
  // this line and fails the build if the marker here and there differ.
  const SAME_AS = "__course_same_as__";
  // Where the published bundles register (_ext/course_widget_bundles.py checks
  // that these two names match its own).
  const BUNDLES = "courseWidgetBundles";
  const BUNDLE_EVENT = "course-widget-bundle";

  const resolveShared = (state) => {
    for (const modelId of Object.keys(state)) {
      const traits = (state[modelId] && state[modelId].state) || {};
      for (const [name, value] of Object.entries(traits)) {
        if (value && typeof value === "object" && SAME_AS in value) {
          const owner = state[value[SAME_AS]];
          traits[name] = owner && owner.state ? owner.state[name] : undefined;
        }
      }
    }
    return state;
  };

  const readSavedState = () => {
    const tag = document.querySelector(`script[type="${STATE_TYPE}"]`);
    if (!tag) return {};
    try {
      return resolveShared(JSON.parse(tag.textContent).state || {});
    } catch (err) {
      console.error("widget-host: saved widget state is not valid JSON", err);
      return {};
    }
  };

  // A minimal stand-in for anywidget's model: local state plus change events.
  class StaticModel {
    constructor(modelId, state) {
      this.model_id = modelId;
      this._state = Object.assign({}, state);
      this._handlers = {};
      this.widget_manager = { get_model: () => Promise.reject(new Error("Not available on the static page")) };
    }
    get(name) {
      return this._state[name];
    }
    set(name, value) {
      const old = this._state[name];
      this._state[name] = value;
      if (old !== value) {
        this._emit("change:" + name, value);
        this._emit("change", name);
      }
    }
    on(event, handler) {
      (this._handlers[event] = this._handlers[event] || []).push(handler);
    }
    off(event, handler) {
      if (!event) this._handlers = {};
      else this._handlers[event] = handler ? (this._handlers[event] || []).filter((h) => h !== handler) : [];
    }
    _emit(event, value) {
      for (const handler of (this._handlers[event] || []).slice()) {
        try {
          handler(value);
        } catch (err) {
          console.error("widget-host: a change handler failed", err);
        }
      }
    }
    // No kernel on a static page: syncing and messages have nowhere to go.
    save_changes() {}
    send() {}
  }

  // The text of a published bundle, once its (deferred) script has run. Every
  // script of the page has run by the load event: a bundle missing then never comes.
  const registered = (name) => {
    const source = (self[BUNDLES] || {})[name];
    return typeof source === "string" ? source : null;
  };
  const bundleSource = (name) => new Promise((resolve, reject) => {
    const missing = () => new Error(`the ${name} view was not loaded`);
    if (registered(name) !== null) return resolve(registered(name));
    if (document.readyState === "complete") return reject(missing());
    const check = () => {
      if (registered(name) === null) return;
      document.removeEventListener(BUNDLE_EVENT, check);
      resolve(registered(name));
    };
    document.addEventListener(BUNDLE_EVENT, check);
    window.addEventListener("load", () => {
      document.removeEventListener(BUNDLE_EVENT, check);
      if (registered(name) === null) reject(missing());
      else resolve(registered(name));
    }, { once: true });
  });

  // The view's code: in the state itself, or the bundle the state names.
  const viewSource = (traits) => typeof traits._esm === "string" ? Promise.resolve(traits._esm)
    : bundleSource(traits._course_bundle);

  const moduleCache = new Map();
  const loadWidget = (source) => {
    if (!moduleCache.has(source)) {
      const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      moduleCache.set(source, import(url).then(async (mod) => {
        const widget = mod.default !== undefined ? mod.default : mod;
        return typeof widget === "function" ? widget() : widget;
      }));
    }
    return moduleCache.get(source);
  };

  // One model per model id, however many views show it: the promise is stored
  // before anything is awaited, so two views drawn at once share one model and
  // `initialize` runs once.
  const models = new Map();
  const modelFor = (modelId, entry) => {
    if (!models.has(modelId)) {
      models.set(modelId, viewSource(entry.state).then(loadWidget).then(async (widget) => {
        const model = new StaticModel(modelId, entry.state);
        if (widget.initialize) await widget.initialize({ model });
        return { model, widget };
      }));
    }
    return models.get(modelId);
  };

  const styled = new Set();
  const addStyle = (id, css) => {
    if (!css || styled.has(id)) return;
    styled.add(id);
    const style = document.createElement("style");
    style.setAttribute("data-widget-style", id);
    style.textContent = css;
    document.head.appendChild(style);
  };

  const showFailure = (el, message) => {
    const note = document.createElement("p");
    note.className = "widget-host-error";
    note.setAttribute("role", "alert");
    note.textContent = message;
    el.appendChild(note);
  };

  // The placeholder goes in at once (the page's layout and the widget count are
  // known from the start); drawing waits until the widget nears the screen.
  const placeholderFor = (tag) => {
    const el = document.createElement("div");
    el.className = "course-widget";
    tag.parentNode.insertBefore(el, tag.nextSibling);
    tag.setAttribute("data-widget-rendered", "true");
    return el;
  };

  const renderView = async (tag, el, savedState) => {
    let view;
    try {
      view = JSON.parse(tag.textContent);
    } catch (err) {
      return;
    }
    const entry = savedState[view.model_id];
    const traits = (entry && entry.state) || {};
    if (!entry || entry.model_name !== "AnyModel" || !(traits._esm || traits._course_bundle)) {
      showFailure(el, "This interactive element needs a running notebook to display.");
      return;
    }
    try {
      const { model, widget } = await modelFor(view.model_id, entry);
      // A state that carries its stylesheet; a published bundle's is linked in the page.
      addStyle(traits._anywidget_id || view.model_id, traits._css);
      await widget.render({ model, el });
    } catch (err) {
      console.error("widget-host: could not draw a widget", err);
      showFailure(el, "This interactive element could not be displayed: " + err.message);
    }
  };

  // Speed: each widget is drawn as it nears the screen (IntersectionObserver), and
  // the rest one at a time while the browser is idle, so the first screen is not
  // held up by widgets further down. Before printing, and where there is no
  // IntersectionObserver, everything is drawn at once. When every widget is drawn,
  // <html data-course-widgets="ready"> and a "course-widgets-ready" event say so
  // (the tests wait for that signal).
  const renderAll = () => {
    const savedState = readSavedState();
    const pending = new Map();
    for (const tag of document.querySelectorAll(`script[type="${VIEW_TYPE}"]`)) {
      // Render once per output, even if this script is included twice.
      if (!tag.hasAttribute("data-widget-rendered")) pending.set(placeholderFor(tag), tag);
    }
    const root = document.documentElement;
    if (!pending.size) return;
    root.dataset.courseWidgets = "drawing";
    const drawing = [];
    let observer = null;
    const draw = (el) => {
      const tag = pending.get(el);
      if (!tag) return;
      pending.delete(el);
      if (observer) observer.unobserve(el);
      drawing.push(renderView(tag, el, savedState));
      if (!pending.size) {
        if (observer) observer.disconnect();
        Promise.allSettled(drawing).then(() => {
          root.dataset.courseWidgets = "ready";
          document.dispatchEvent(new CustomEvent("course-widgets-ready"));
        });
      }
    };
    const drawEverything = () => [...pending.keys()].forEach(draw);
    window.addEventListener("beforeprint", drawEverything);
    if (!("IntersectionObserver" in window)) {
      drawEverything();
      return;
    }
    observer = new IntersectionObserver((entries) => {
      for (const entry of entries) if (entry.isIntersecting) draw(entry.target);
    }, { rootMargin: "800px 0px" });
    pending.forEach((tag, el) => observer.observe(el));
    const idle = window.requestIdleCallback || ((fn) => setTimeout(fn, 50));
    const drawNextWhenIdle = () => {
      const next = pending.keys().next();
      if (next.done) return;
      draw(next.value);
      idle(drawNextWhenIdle, { timeout: 1000 });
    };
    const start = () => idle(drawNextWhenIdle, { timeout: 1000 });
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start, { once: true });
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", renderAll);
  else renderAll();
}
