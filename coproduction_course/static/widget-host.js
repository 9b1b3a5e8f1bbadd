// widget-host.js: draws the course's anywidget views on the static site.
//
// Why not @jupyter-widgets/html-manager: it weighs ~0.9 MB gzip and loads
// require.js and every stock widget, while every widget in this course is an
// anywidget whose whole view is an ES module stored in the saved widget state
// (trait `_esm`). This host implements the small part of anywidget's front-end
// contract those views use (model.get/set/on/off/save_changes/send, render and
// initialize), so the views run fully in the browser with no kernel and no CDN.
// In JupyterLab, Notebook 7, VS Code or Colab anywidget's own front-end is used.
(function () {
  "use strict";
  var STATE_TYPE = "application/vnd.jupyter.widget-state+json";
  var VIEW_TYPE = "application/vnd.jupyter.widget-view+json";
  var SAME_AS = "__course_same_as__"; // must match _ext/course_widget_state.py

  function readSavedState() {
    var tag = document.querySelector('script[type="' + STATE_TYPE + '"]');
    if (!tag) return {};
    var state;
    try {
      state = JSON.parse(tag.textContent).state || {};
    } catch (err) {
      console.error("widget-host: saved widget state is not valid JSON", err);
      return {};
    }
    // The build stores a large trait value once per page and refers to it from
    // other models that hold the same value (_ext/course_widget_state.py).
    Object.keys(state).forEach(function (modelId) {
      var traits = (state[modelId] && state[modelId].state) || {};
      Object.keys(traits).forEach(function (name) {
        var value = traits[name];
        if (value && typeof value === "object" && SAME_AS in value) {
          var owner = state[value[SAME_AS]];
          traits[name] = owner && owner.state ? owner.state[name] : undefined;
        }
      });
    });
    return state;
  }

  // A minimal stand-in for anywidget's model: local state plus change events.
  function StaticModel(modelId, state) {
    this.model_id = modelId;
    this._state = Object.assign({}, state);
    this._handlers = {};
    this.widget_manager = {
      get_model: function () {
        return Promise.reject(new Error("Not available on the static page"));
      },
    };
  }
  StaticModel.prototype.get = function (name) {
    return this._state[name];
  };
  StaticModel.prototype.set = function (name, value) {
    var old = this._state[name];
    this._state[name] = value;
    if (old !== value) {
      this._emit("change:" + name, value);
      this._emit("change", name);
    }
  };
  StaticModel.prototype.on = function (event, handler) {
    (this._handlers[event] = this._handlers[event] || []).push(handler);
  };
  StaticModel.prototype.off = function (event, handler) {
    if (!event) {
      this._handlers = {};
      return;
    }
    var list = this._handlers[event] || [];
    this._handlers[event] = handler ? list.filter(function (h) { return h !== handler; }) : [];
  };
  StaticModel.prototype._emit = function (event, value) {
    (this._handlers[event] || []).slice().forEach(function (handler) {
      try {
        handler(value);
      } catch (err) {
        console.error("widget-host: a change handler failed", err);
      }
    });
  };
  // No kernel on a static page: syncing and messages have nowhere to go.
  StaticModel.prototype.save_changes = function () {};
  StaticModel.prototype.send = function () {};

  var moduleCache = {};
  function loadModule(source) {
    if (!moduleCache[source]) {
      var url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
      moduleCache[source] = import(url);
    }
    return moduleCache[source];
  }

  var styledIds = {};
  function addStyle(id, css) {
    if (!css || styledIds[id]) return;
    styledIds[id] = true;
    var style = document.createElement("style");
    style.setAttribute("data-widget-style", id);
    style.textContent = css;
    document.head.appendChild(style);
  }

  function showFailure(el, message) {
    var note = document.createElement("p");
    note.className = "widget-host-error";
    note.setAttribute("role", "alert");
    note.textContent = message;
    el.appendChild(note);
  }

  var models = {};
  async function renderView(tag, savedState) {
    var view;
    try {
      view = JSON.parse(tag.textContent);
    } catch (err) {
      return;
    }
    var entry = savedState[view.model_id];
    var el = document.createElement("div");
    el.className = "course-widget";
    tag.parentNode.insertBefore(el, tag.nextSibling);
    tag.setAttribute("data-widget-rendered", "true");
    if (!entry || entry.model_name !== "AnyModel" || !entry.state || !entry.state._esm) {
      showFailure(el, "This interactive element needs a running notebook to display.");
      return;
    }
    try {
      var model = models[view.model_id];
      var mod = await loadModule(entry.state._esm);
      var widget = mod.default !== undefined ? mod.default : mod;
      if (typeof widget === "function") widget = await widget();
      if (!model) {
        model = models[view.model_id] = new StaticModel(view.model_id, entry.state);
        if (widget.initialize) await widget.initialize({ model: model });
      }
      addStyle(entry.state._anywidget_id || view.model_id, entry.state._css);
      await widget.render({ model: model, el: el });
    } catch (err) {
      console.error("widget-host: could not draw a widget", err);
      showFailure(el, "This interactive element could not be displayed: " + err.message);
    }
  }

  function renderAll() {
    var savedState = readSavedState();
    var tags = document.querySelectorAll('script[type="' + VIEW_TYPE + '"]');
    tags.forEach(function (tag) {
      // Render once per output, even if this script is included twice.
      if (tag.hasAttribute("data-widget-rendered")) return;
      renderView(tag, savedState);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();
