// words.js: what the offline button says.
export const WORDS = {
  fromDisk:
    "This copy is opened from your disk (or your browser has no service workers), so it already works offline or cannot be cached.",
  saving: "Saving every page of the course in this browser…",
  progress: "Saved {done} of {total} files…",
  done: "Done: all {total} files of the course are saved in this browser. It now works without a connection.",
  failed: "Could not save the course for offline use: {message}. Try again when you are online.",
  noHelper: "this copy of the course has no offline helper",
};
