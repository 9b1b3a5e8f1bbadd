// store.js: the one saved-state helper every widget uses.
//
// What a student enters is kept in the browser's storage, per page and per
// widget (its `storage_key` trait), as {version: N, ...fields}. A widget
// describes its format with:
//   version     the current version number;
//   migrations  {oldVersion: (saved) => savedOneVersionNewer}, applied in turn;
//   clean       (saved, context) => the checked value, or null when it is broken.
// load() says what happened ("none", "restored" or "corrupt") so the view can
// tell the student; a corrupt entry is set aside, never thrown at the page.
// Storage can be full, blocked or absent (private mode, file:// pages): save()
// then returns false and the view says so rather than lose work silently.

export const STORAGE_PREFIX = "coproduction-course:v1:";

export function storageKey(model, location = globalThis.location) {
  const page = (location && location.pathname) || "";
  return STORAGE_PREFIX + page + ":" + (model.get("storage_key") || "widget");
}

// Pure: bring a parsed saved value up to the current version and check it.
export function upgrade(format, saved, context) {
  if (!saved || typeof saved !== "object" || Array.isArray(saved)) return null;
  let value = saved;
  let version = Number.isInteger(value.version) ? value.version : 0;
  while (version < format.version) {
    const step = (format.migrations || {})[version];
    if (!step) return null;
    value = step(value);
    if (!value || typeof value !== "object") return null;
    version += 1;
    value = Object.assign({}, value, { version });
  }
  if (version !== format.version) return null;
  const clean = format.clean(value, context);
  return clean ? Object.assign({ version }, clean) : null;
}

function storage() {
  try {
    return globalThis.localStorage || null;
  } catch (err) {
    return null; // some browsers throw when storage is blocked
  }
}

export function createStore(format) {
  return {
    load(model, context) {
      const area = storage();
      let raw;
      try {
        raw = area ? area.getItem(storageKey(model)) : null;
      } catch (err) {
        raw = null;
      }
      if (raw === null) return { status: "none", value: null };
      let parsed;
      try {
        parsed = JSON.parse(raw);
      } catch (err) {
        return { status: "corrupt", value: null };
      }
      const value = upgrade(format, parsed, context);
      return value ? { status: "restored", value } : { status: "corrupt", value: null };
    },
    save(model, value) {
      try {
        storage().setItem(storageKey(model), JSON.stringify(Object.assign({}, value, { version: format.version })));
        return true;
      } catch (err) {
        return false;
      }
    },
    forget(model) {
      try {
        storage().removeItem(storageKey(model));
      } catch (err) {
        /* nothing stored */
      }
    },
  };
}

// Plain-object check used by the widgets' clean() functions.
export function isRecord(value) {
  return Boolean(value) && typeof value === "object" && !Array.isArray(value);
}
