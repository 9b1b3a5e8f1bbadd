// The JavaScript linter's settings (eslint, pinned in package.json; run by
// tests/test_lint.py and `npx eslint .`): eslint's recommended rules for the
// widgets' ES modules, the unbundled page scripts and the node tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    // Built output (minified bundles) and installed or generated folders.
    ignores: [
      "node_modules/**", ".venv/**", "_build/**", "**/_build/**",
      "coproduction_course/static/*.js", "!coproduction_course/static/widget-host.js",
      "benchmarks/**",
      // The learning log, offline and service-worker scripts are bundled from static/src/ (linted there).
      "_ext/portable_static/**",
    ],
  },
  js.configs.recommended,
  {
    rules: {
      // `catch (err) {}` where the error is deliberately ignored, and `const { a, ...rest }`
      // to leave `a` out of a copy, are the course's idioms, not mistakes.
      "no-unused-vars": ["error", { caughtErrors: "none", ignoreRestSiblings: true }],
    },
  },
  {
    // The widgets' views: ES modules bundled by esbuild, run in the browser.
    files: ["coproduction_course/static/src/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.browser } },
  },
  {
    // Scripts a page loads as they are (no bundling): the widget host, the site's
    // navigation, the learning log, the offline copy and its service worker, and the
    // SCORM packages' chapter script (course_tools/lms_scorm_chapter.js).
    files: ["coproduction_course/static/widget-host.js", "_static/**/*.js", "_ext/review_static/**/*.js",
            "course_tools/**/*.js"],
    languageOptions: {
      ecmaVersion: 2022, sourceType: "script",
      globals: { ...globals.browser, ...globals.serviceworker },
    },
  },
  {
    // No function over 80 lines in the widget code and the scripts under _ext/
    // (issue 21; tests/test_ext_size.py checks the Python in _ext/).
    files: ["coproduction_course/static/src/**/*.js", "coproduction_course/static/widget-host.js",
            "_ext/review_static/**/*.js"],
    rules: { "max-lines-per-function": ["error", { max: 80 }] },
  },
  {
    // Node: the bundler script and the node tests.
    files: ["**/*.mjs"],
    languageOptions: { ecmaVersion: 2022, sourceType: "module", globals: { ...globals.node } },
  },
];
