// storage.js: the course's entries in this browser's localStorage, as portable
// entries (keys.js), and the one backup taken before an import.
import { BACKUP_KEY, PREFIX, portableKey, storageKey } from "./keys.js";

export function createLogStorage(area, rootPath) {
  function courseKeys() {
    const keys = [];
    for (let i = 0; i < area.length; i += 1) {
      const key = area.key(i);
      if (key && key.startsWith(PREFIX)) keys.push(key);
    }
    return keys.sort();
  }
  function read() {
    const entries = {};
    for (const key of courseKeys()) {
      const portable = portableKey(key, rootPath);
      if (portable) entries[portable] = area.getItem(key);
    }
    return entries;
  }
  // Write portable entries; on failure put back what was there and rethrow.
  function write(entries) {
    const before = {};
    for (const key of Object.keys(entries)) before[key] = area.getItem(storageKey(key, rootPath));
    try {
      for (const [key, value] of Object.entries(entries)) area.setItem(storageKey(key, rootPath), value);
    } catch (err) {
      for (const [key, value] of Object.entries(before)) {
        if (value === null) area.removeItem(storageKey(key, rootPath));
        else area.setItem(storageKey(key, rootPath), value);
      }
      throw err;
    }
  }
  function replaceAll(entries) {
    const before = read();
    for (const key of Object.keys(before)) area.removeItem(storageKey(key, rootPath));
    try {
      write(entries);
    } catch (err) {
      for (const key of Object.keys(entries)) area.removeItem(storageKey(key, rootPath));
      write(before);
      throw err;
    }
  }
  function clearAll() {
    for (const key of courseKeys()) area.removeItem(key);
    area.removeItem(BACKUP_KEY);
  }
  function backup() {
    try {
      return JSON.parse(area.getItem(BACKUP_KEY) || "null");
    } catch (err) {
      return null;
    }
  }
  function keepBackup(when) {
    area.setItem(BACKUP_KEY, JSON.stringify({ saved: when, entries: read() }));
  }
  return { read, write, replaceAll, clearAll, backup, keepBackup };
}
