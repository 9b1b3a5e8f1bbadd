// store.js: the one saved-state helper every widget uses.
//
// What a student enters is kept in the browser's storage, per page and per
// widget (its `storage_key` trait), as {version: N, saved: ISO time, ...fields}.
// `saved` is the store's own field (clean() never sees it; an entry saved
// before it existed simply has no time, and an import treats it as undated). A widget
// describes its format with:
//   version     the current version number;
//   migrations  {oldVersion: (saved) => savedOneVersionNewer}, applied in turn;
//   clean       (saved, context) => the checked value, or null when it is broken.
// load() says what happened ("none", "restored" or "corrupt") so the view can
// tell the student. An entry it cannot read (damaged, or written by a newer
// release of the course) is copied aside under its own key (SET_ASIDE, see
// setAside) before anything else is saved, so the next keystroke never
// overwrites it; the learning log counts and exports set-aside entries. If the
// copy cannot be made (storage full), save() refuses rather than overwrite.
// Storage can be full, blocked or absent (private mode, file:// pages): save()
// then returns false and the view says so rather than lose work silently.

export const STORAGE_PREFIX = "coproduction-course:v1:";

export const SET_ASIDE = ":set-aside";

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

// Copy an unreadable entry to KEY:set-aside (or :set-aside-2, -3 ... when that
// holds something else). True when the copy is safe in storage.
export function setAside(area, key, raw) {
  for (let n = 1; n < 100; n += 1) {
    const aside = key + SET_ASIDE + (n === 1 ? "" : "-" + n);
    const there = area.getItem(aside);
    if (there === raw) return true;
    if (there === null) {
      area.setItem(aside, raw);
      return area.getItem(aside) === raw;
    }
  }
  return false;
}

export function createStore(format) {
  const unsafe = new Set(); // keys whose unreadable entry could not be set aside
  function corrupt(area, key, raw) {
    let kept;
    try {
      kept = setAside(area, key, raw);
    } catch (err) {
      kept = false;
    }
    if (!kept) unsafe.add(key);
    return { status: "corrupt", value: null };
  }
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
        return corrupt(area, storageKey(model), raw);
      }
      const value = upgrade(format, parsed, context);
      return value ? { status: "restored", value } : corrupt(area, storageKey(model), raw);
    },
    save(model, value) {
      if (unsafe.has(storageKey(model))) return false;
      try {
        // `saved`: when, so that an import keeps the newer of two copies (learning log).
        const stamp = { version: format.version, saved: new Date().toISOString() };
        storage().setItem(storageKey(model), JSON.stringify(Object.assign({}, value, stamp)));
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
