// build.mjs: assemble each widget's ES modules into the one file anywidget
// sends as the view (`_esm`), and its stylesheets into one `_css` file.
//
//   node coproduction_course/static/src/build.mjs            # writes static/*.js, *.css
//   node coproduction_course/static/src/build.mjs OUTDIR     # writes elsewhere (the test)
//
// The site's page scripts, src/log/, src/offline/ and src/sw/, are built the same way,
// as plain scripts (IIFE, not modules) into _ext/portable_static/ (into OUTDIR
// when one is given), from where the site serves them.
//
// esbuild is pinned in package.json; the output is minified (smaller pages,
// and no second readable copy of the sources to drift or to be read by
// mistake: edit src/), the same on every machine, and committed, so the
// Python package and the notebooks need no Node. tests/test_widget_bundles.py fails when a committed
// bundle differs from what its sources build.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import path from "node:path";

const here = path.dirname(fileURLToPath(import.meta.url));
const outdir = path.resolve(process.argv[2] || path.join(here, ".."));
const WIDGETS = ["checklist", "debate", "selfcheck"];
const banner = "/* Built (minified) by coproduction_course/static/src/build.mjs from src/{name}/: edit those files, then run `npm run build:widgets`. */";

for (const name of WIDGETS) {
  const common = { absWorkingDir: here, bundle: true, minify: true, write: true, logLevel: "warning", legalComments: "none", charset: "utf8" };
  await build({
    ...common,
    entryPoints: [path.join(here, name, "index.js")],
    outfile: path.join(outdir, `${name}.js`),
    format: "esm",
    target: "es2020",
    banner: { js: banner.replace("{name}", name) },
  });
  await build({
    ...common,
    entryPoints: [path.join(here, name, `${name}.css`)],
    outfile: path.join(outdir, `${name}.css`),
    banner: { css: banner.replace("{name}", name) },
  });
}

// The site's own page scripts (not widgets): src/log/ (the learning-log page)
// and src/offline/ (every page: pages opened, the service worker, the offline button).
const portableOut = process.argv[2] ? outdir : path.resolve(here, "..", "..", "..", "_ext", "portable_static");
// src/sw/ is the service worker (course-sw.js; _ext/course_portable.py fills in its version).
for (const [name, file] of [["log", "course-learning-log.js"], ["offline", "course-offline.js"], ["sw", "course-sw.js"]]) {
  await build({
    absWorkingDir: here, bundle: true, minify: true, write: true, logLevel: "warning", legalComments: "none", charset: "utf8",
    entryPoints: [path.join(here, name, "index.js")],
    outfile: path.join(portableOut, file),
    format: "iife",
    target: "es2020",
    banner: { js: banner.replace("{name}", name) },
  });
}
