"""The live-kernel path tutors use: the widgets in JupyterLab, with a running kernel.

In JupyterLab anywidget's own front-end draws the view (not our static host). When
a student clicks or types in the widget, the view calls model.set(...) and
model.save_changes(), so the Python object's traits change and ``summary()``
reports what was entered. This test starts a private JupyterLab (loopback only, a
token, temporary root/config/data/runtime dirs, news and update checks off), opens a
small notebook with Debian's chromium, runs the widget cell, uses the widget, runs
``print(x.summary())`` and compares the printed text with what Python computes for
the same answers. It also checks that the page asked no host but 127.0.0.1.

Binder opens the notebooks in JupyterLab with binder/requirements.txt, which adds
jupyterlab-myst; so does requirements-test.txt. Without it, MyST roles ({term},
{cite:p}, {ref}, {doc}) and labels show as raw text in markdown cells. The MyST
tests open a small notebook and a real course notebook and check that the markdown
cells show rendered text, not roles.
"""
from __future__ import annotations

import os
import re
import secrets
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import nbformat
import pytest

from conftest import ROOT

MYST_NOTEBOOK = "exercises/ch05-exercises.ipynb"  # roles, labels and directives of every kind
# Raw MyST a reader must not see: a role name such as {cite:p} (its backticks may have
# become a code span), or a label "(name)=".
RAW_ROLE = re.compile(r"\{[a-z]+(:[a-z]+)?\}")
RAW_LABEL = re.compile(r"\([A-Za-z0-9_-]+\)=")

VENV_BIN = ROOT / ".venv" / "bin"
JUPYTER = VENV_BIN / "jupyter"
START_TIMEOUT = 60  # seconds for the server to answer
UI_TIMEOUT = 60_000  # ms: JupyterLab's first load takes 10-20 s on a 2-core machine

# No skip when JupyterLab is missing: `make test` installs it (requirements-test.txt),
# and a missing install must fail loudly rather than pass quietly.


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _write_notebook(path: Path, cells: list[str], markdown: list[str] | None = None) -> None:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell(source) for source in markdown or []]
    nb.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    nbformat.write(nb, path)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """A private JupyterLab on 127.0.0.1 serving a temporary root; stopped at the end."""
    base = tmp_path_factory.mktemp("live-kernel")
    root = base / "root"
    root.mkdir()
    dirs = {name: base / name for name in ("config", "data", "runtime", "ipython")}
    for folder in dirs.values():
        folder.mkdir()
    _write_notebook(
        root / "checklist.ipynb",
        [
            'from coproduction_course.checklist import BarrierChecklist\nc = BarrierChecklist(storage_key="live-test")\nc',
            "print(c.summary())",
        ],
    )
    _write_notebook(
        root / "debate.ipynb",
        [
            'from coproduction_course.debate import DebatePrompts\nd = DebatePrompts(storage_key="live-test-debate")\nd',
            "print(d.summary())",
        ],
    )
    _write_notebook(
        root / "selfcheck.ipynb",
        [
            'from coproduction_course.selfcheck import SelfCheck\ns = SelfCheck(chapter=5, storage_key="live-test-selfcheck")\ns',
            "print(s.summary())",
        ],
    )
    _write_notebook(
        root / "myst.ipynb",
        ["1 + 1"],
        markdown=[
            "(live-myst-label)=\n## Rendered MyST\n\n"
            "A {term}`co-production` role, a citation {cite:p}`carr2016` and a reference to {ref}`live-myst-label`.\n\n"
            ":::{note}\nA note in a colon fence.\n:::"
        ],
    )
    (root / "course").mkdir()
    (root / "course" / Path(MYST_NOTEBOOK).name).write_bytes((ROOT / MYST_NOTEBOOK).read_bytes())
    port = _free_port()
    token = secrets.token_hex(16)
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(dirs["config"]),
        "JUPYTER_DATA_DIR": str(dirs["data"]),
        "JUPYTER_RUNTIME_DIR": str(dirs["runtime"]),
        "IPYTHONDIR": str(dirs["ipython"]),
        "JUPYTER_PLATFORM_DIRS": "1",
        "PYTHONWARNINGS": "ignore",
    }
    assert (VENV_BIN / "jupyter-lab").exists(), "JupyterLab is not installed: run `make setup` (requirements-test.txt)"
    cmd = [
        str(JUPYTER), "lab",
        "--no-browser",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        # Nothing may leave the machine: no news feed, no update check, no PyPI
        # listing in the extension manager.
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        "--ServerApp.terminals_enabled=False",
        *(["--allow-root"] if os.geteuid() == 0 else []),  # CI runs as root
    ]
    log_path = base / "server.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{log_path.read_text()[-4000:]}")
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"jupyter lab did not answer within {START_TIMEOUT} s:\n{log_path.read_text()[-4000:]}")
            time.sleep(0.3)
        yield {"url": url, "token": token, "root": root, "log": log_path}
    finally:
        # The kernels are the server's children, in its session: stop them all.
        for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
            if proc.poll() is not None:
                break
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=wait)
            except subprocess.TimeoutExpired:
                pass
        try:  # any kernel left behind in the process group
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        log.close()


@pytest.fixture()
def lab_page(browser, lab):
    ctx = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = ctx.new_page()
    pg.set_default_timeout(UI_TIMEOUT)
    pg.foreign_requests = []
    pg.script_errors = []
    pg.sent_frames = []
    local = ("http://127.0.0.1:", "ws://127.0.0.1:", "blob:", "data:", "about:")
    pg.on("request", lambda req: None if req.url.startswith(local) else pg.foreign_requests.append(req.url))
    pg.on("pageerror", lambda err: pg.script_errors.append(str(err)))

    def on_socket(ws):
        if not ws.url.startswith(local):
            pg.foreign_requests.append(ws.url)
        ws.on("framesent", lambda payload: pg.sent_frames.append(payload if isinstance(payload, bytes) else payload.encode()))

    pg.on("websocket", on_socket)
    yield pg
    ctx.close()


def _open_notebook(pg, lab, name: str):
    # A workspace of its own, reset, so that no tab from another test is restored.
    workspace = Path(name).stem
    pg.goto(f"{lab['url']}/lab/workspaces/{workspace}/tree/{name}?reset&token={lab['token']}", wait_until="domcontentloaded")
    panel = pg.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").filter(has=pg.locator(".jp-Cell")).first
    panel.locator(".jp-Cell").first.wait_for()
    # The kernel has started and connected when the status bar says "| Idle".
    try:
        pg.locator("#jp-main-statusbar").get_by_text(re.compile(r"\|\s*Idle")).first.wait_for()
    except Exception as exc:
        raise AssertionError(f"the kernel did not start; the status bar shows {pg.locator('#jp-main-statusbar').inner_text()!r}") from exc
    _wait_idle(pg, panel)
    return panel


def _wait_idle(pg, panel):
    indicator = panel.locator(".jp-Notebook-ExecutionIndicator")
    try:
        pg.wait_for_function(
            "el => el && el.getAttribute('data-status') === 'idle'",
            arg=indicator.element_handle(),
            timeout=UI_TIMEOUT,
        )
    except Exception as exc:  # say what was seen
        status = indicator.get_attribute("data-status") if indicator.count() else "(no execution indicator)"
        raise AssertionError(f"the kernel did not become idle; status was {status!r}") from exc


def _run_cell(pg, panel, index: int):
    cell = panel.locator(".jp-Notebook .jp-Cell").nth(index)
    prompt = cell.locator(".jp-InputArea-prompt")
    before = prompt.text_content()
    # The prompt turns from [ ] (or the previous [n]) into [*] and then [n]. Just after
    # JupyterLab has loaded, a first Shift+Enter can be lost: try again while nothing
    # has changed (a cell that started running is never run twice).
    cell.locator(".jp-InputArea-editor .cm-content").wait_for()
    for _attempt in range(3):
        cell.locator(".jp-InputArea-editor .cm-content").click()
        pg.keyboard.press("Shift+Enter")
        try:
            pg.wait_for_function(
                "([el, before]) => el.textContent !== before",
                arg=[prompt.element_handle(), before],
                timeout=10_000,
            )
            break
        except Exception:
            continue
    try:
        prompt.filter(has_text=re.compile(r"\[\d+\]")).wait_for()
    except Exception as exc:
        raise AssertionError(f"cell {index} did not finish running; its prompt shows {prompt.inner_text()!r}") from exc
    _wait_idle(pg, panel)
    return cell


def _wait_sent(pg, text: str, timeout: float = 10.0) -> None:
    """Wait until the page has sent `text` to the kernel (a comm message from save_changes)."""
    needle = text.encode()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(needle in frame for frame in pg.sent_frames):
            return
        pg.wait_for_timeout(100)
    raise AssertionError(f"the widget never sent {text!r} to the kernel ({len(pg.sent_frames)} frames sent)")


def _output_text(cell) -> str:
    out = cell.locator(".jp-OutputArea-output")
    out.first.wait_for()
    return out.first.inner_text().strip()


def _check_no_foreign(pg):
    assert not pg.foreign_requests, f"requests left 127.0.0.1: {pg.foreign_requests[:10]}"


def test_checklist_updates_python(lab_page, lab):
    from coproduction_course.checklist import BarrierChecklist

    pg = lab_page
    panel = _open_notebook(pg, lab, "checklist.ipynb")
    cell = _run_cell(pg, panel, 0)
    widget = cell.locator(".cwc")
    try:
        widget.wait_for()
    except Exception as exc:
        raise AssertionError(f"the checklist did not render; the output shows: {cell.locator('.jp-OutputArea').inner_text()[:500]!r}") from exc

    expected = BarrierChecklist(storage_key="live-test")
    first = expected.content["groups"][0]["indicators"][0]["id"]
    clearly = expected.content["rating_labels"]["clearly"]
    initiative = "Peer support café, Leeds (live test)"

    widget.locator(f'fieldset[data-indicator="{first}"] label').filter(has_text=clearly).click()
    widget.locator('input[data-role="initiative"]').fill(initiative)
    _wait_sent(pg, "Leeds (live test)")  # the last keystrokes reached the kernel
    expected.ratings = {first: 2}
    expected.initiative = initiative

    out = _output_text(_run_cell(pg, panel, 1))
    assert out == expected.summary(), f"summary() printed:\n{out}\n\nexpected:\n{expected.summary()}"
    assert not pg.script_errors, pg.script_errors
    _check_no_foreign(pg)


def test_debate_updates_python(lab_page, lab):
    from coproduction_course.debate import DebatePrompts

    pg = lab_page
    panel = _open_notebook(pg, lab, "debate.ipynb")
    cell = _run_cell(pg, panel, 0)
    widget = cell.locator(".cw-debate")
    try:
        widget.wait_for()
    except Exception as exc:
        raise AssertionError(f"the debate prompts did not render; the output shows: {cell.locator('.jp-OutputArea').inner_text()[:500]!r}") from exc

    argument = "Co-production cannot work while people are detained (live test)."
    widget.get_by_label("Against the motion").check()
    widget.locator("textarea.cw-argument").fill(argument)
    _wait_sent(pg, argument)

    expected = DebatePrompts(storage_key="live-test-debate")
    expected.side = "against"
    expected.argument = argument
    out = _output_text(_run_cell(pg, panel, 1))
    assert out == expected.summary(), f"summary() printed:\n{out}\n\nexpected:\n{expected.summary()}"
    assert not pg.script_errors, pg.script_errors
    _check_no_foreign(pg)


def test_selfcheck_updates_python(lab_page, lab):
    """Issue 12: the self-check in a live kernel. Answer one question right and one
    wrong; the feedback shown is the data file's, and Python's choices match."""
    from coproduction_course.selfcheck import SelfCheck

    pg = lab_page
    panel = _open_notebook(pg, lab, "selfcheck.ipynb")
    cell = _run_cell(pg, panel, 0)
    widget = cell.locator("section.sc")
    try:
        widget.wait_for()
    except Exception as exc:
        raise AssertionError(f"the self-check did not render; the output shows: {cell.locator('.jp-OutputArea').inner_text()[:500]!r}") from exc

    expected = SelfCheck(chapter=5, storage_key="live-test-selfcheck")
    first, second = expected.questions[0]["id"], expected.questions[1]["id"]
    right = expected.correct_index(first)
    wrong = next(i for i in range(len(expected.questions[1]["options"])) if i != expected.correct_index(second))
    for qid, option in ((first, right), (second, wrong)):
        widget.locator(f'fieldset[data-question="{qid}"] .sc-option label').nth(option).click()
        widget.locator(f'fieldset[data-question="{qid}"] button.sc-check').click()  # select, then confirm
        feedback = widget.locator(f'fieldset[data-question="{qid}"] .sc-feedback')
        feedback.wait_for()
        assert expected.feedback(qid, option) in feedback.inner_text()
    assert "sc-right" in widget.locator(f'fieldset[data-question="{first}"] .sc-feedback').get_attribute("class")
    assert "sc-wrong" in widget.locator(f'fieldset[data-question="{second}"] .sc-feedback').get_attribute("class")
    _wait_sent(pg, second)  # the second choice reached the kernel

    expected.choices = {first: right, second: wrong}
    out = _output_text(_run_cell(pg, panel, 1))
    assert out == expected.summary(), f"summary() printed:\n{out}\n\nexpected:\n{expected.summary()}"
    assert "2 answered here, 1 correct" in out
    assert not pg.script_errors, pg.script_errors
    _check_no_foreign(pg)


def _markdown_cells(pg, panel) -> list[str]:
    """The text each markdown cell shows once rendered. jupyterlab-myst draws a cell
    into a ``.myst`` widget; JupyterLab's own renderer into ``.jp-RenderedMarkdown``
    (where a role's backticks become a code span, leaving "{term}" before it)."""
    cells = panel.locator(".jp-MarkdownCell")
    cells.first.wait_for()
    texts = []
    for i in range(cells.count()):
        cell = cells.nth(i)
        cell.scroll_into_view_if_needed()  # cells are rendered when first shown
        rendered = cell.locator(".myst, .jp-RenderedMarkdown").first
        rendered.wait_for(state="attached")
        pg.wait_for_function("el => el.textContent.trim().length > 0", arg=rendered.element_handle())
        texts.append(rendered.text_content() or "")
    return texts


def test_jupyterlab_myst_is_installed_as_in_binder():
    binder = (ROOT / "binder" / "requirements.txt").read_text(encoding="utf-8")
    tests = (ROOT / "requirements-test.txt").read_text(encoding="utf-8")
    pins = lambda text: dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", text, re.M))
    assert "-r ../requirements.txt" in binder, "Binder must install the course (requirements.txt, -e .)"
    for name in ("jupyterlab", "jupyterlab-myst"):
        assert name in pins(binder), f"binder/requirements.txt does not pin {name}"
        assert pins(binder)[name] == pins(tests).get(name), f"{name}: Binder and the tests use different versions"
    assert (ROOT / "binder" / "runtime.txt").read_text().strip().startswith("python-3.")
    listing = subprocess.run([str(JUPYTER), "labextension", "list"], capture_output=True, text=True)
    assert "jupyterlab-myst" in listing.stdout + listing.stderr, "jupyterlab-myst is not installed: run `make setup`"


def test_markdown_shows_rendered_myst_not_raw_roles(lab_page, lab):
    pg = lab_page
    panel = _open_notebook(pg, lab, "myst.ipynb")
    (text,) = _markdown_cells(pg, panel)
    assert "Rendered MyST" in text
    assert not RAW_ROLE.search(text), f"raw MyST roles in the rendered cell: {text!r}"
    assert not RAW_LABEL.search(text) and "(live-myst-label)=" not in text, f"a raw label shows: {text!r}"
    # The role's content is still there, as text (a term) and as a reference.
    assert "co-production" in text
    # The colon-fence note is an admonition, not literal ::: lines.
    assert ":::" not in text
    assert panel.locator(".jp-MarkdownCell .myst aside.myst-admonition").count() == 1
    # The reference resolved to the heading it labels.
    links = panel.locator('.jp-MarkdownCell .myst p a[href="#live-myst-label"]')
    assert links.count() == 1 and links.first.text_content() == "Rendered MyST"
    assert not pg.script_errors, pg.script_errors
    _check_no_foreign(pg)


def test_course_notebook_shows_no_raw_roles(lab_page, lab):
    pg = lab_page
    panel = _open_notebook(pg, lab, f"course/{Path(MYST_NOTEBOOK).name}")
    texts = _markdown_cells(pg, panel)
    source = nbformat.read(ROOT / MYST_NOTEBOOK, as_version=4)
    assert len(texts) == sum(c.cell_type == "markdown" for c in source.cells)
    raw = [(i, m.group(0)) for i, text in enumerate(texts) for m in RAW_ROLE.finditer(text)]
    assert raw == [], f"raw roles in {MYST_NOTEBOOK} as JupyterLab shows it: {raw[:10]}"
    labels = [(i, m.group(0)) for i, text in enumerate(texts) for m in RAW_LABEL.finditer(text)]
    assert labels == [], labels
    assert "Chapter 5 exercises" in texts[0]
    _check_no_foreign(pg)
