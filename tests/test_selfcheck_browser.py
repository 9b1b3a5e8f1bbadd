"""The self-check on the static site: feedback once an answer is confirmed with
"Check my answer" (choosing alone answers nothing), live region, keyboard,
links to the chapter sections, saved choices, phone width, and no foreign request."""
from __future__ import annotations

from urllib.parse import urlparse

import pytest

from coproduction_course.selfcheck import load_selfchecks
from conftest import load_page, reload_page

CHECKS = load_selfchecks()


def _open(page, site_url, n=5):
    load_page(page, f"{site_url}/exercises/ch{n:02d}-exercises.html")
    page.wait_for_selector(".sc fieldset")
    page.evaluate("localStorage.clear()")
    reload_page(page)
    page.wait_for_selector(".sc fieldset")


def _right_index(q):
    return next(i for i, o in enumerate(q["options"]) if o.get("correct"))


def test_wrong_then_right_answer_by_mouse_and_keyboard(page, site_url):
    _open(page, site_url)
    q = CHECKS[5]["questions"][1]
    right = _right_index(q)
    wrong = (right + 1) % len(q["options"])
    fieldset = page.locator(f'.sc fieldset[data-question="{q["id"]}"]')
    feedback = fieldset.locator(".sc-feedback")
    status = page.locator('.sc [role="status"]')
    assert feedback.is_hidden()
    assert fieldset.locator("legend").inner_text().startswith("Question 2 of 5.")

    # A wrong answer, chosen by clicking its label, then confirmed.
    fieldset.locator("label").nth(wrong).click()
    assert feedback.is_hidden(), "choosing alone must not answer"
    check = fieldset.get_by_role("button", name="Check my answer")
    check.click()
    assert feedback.is_visible()
    assert "Not the best answer." in feedback.inner_text()
    assert q["options"][wrong]["feedback"] in feedback.inner_text()
    first_status = status.inner_text()
    assert first_status.startswith("Question 2: Not the best answer.")
    assert status.get_attribute("aria-live") == "polite"

    # The right answer, reached with the arrow keys from the checked radio, then
    # Tab to "Check my answer" and Enter.
    radios = fieldset.locator('input[type="radio"]')
    radios.nth(wrong).focus()
    step = "ArrowUp" if right < wrong else "ArrowDown"
    for _ in range(abs(right - wrong)):
        page.keyboard.press(step)
    assert radios.nth(right).is_checked()
    assert feedback.is_hidden(), "the earlier answer's feedback stayed beside a new selection"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check my answer"
    page.keyboard.press("Enter")
    assert "Correct." in feedback.inner_text()
    assert q["options"][right]["feedback"] in feedback.inner_text()
    assert status.inner_text() != first_status and status.inner_text().startswith("Question 2: Correct.")
    assert "1 of 5 correct so far (1 answered)" in page.locator(".sc-tally").inner_text()

    # Tab moves on, past the "read more" link, to the next question's radio group.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "A"
    page.keyboard.press("Tab")
    next_id = CHECKS[5]["questions"][2]["id"]
    assert page.evaluate("document.activeElement.closest('fieldset').dataset.question") == next_id

    assert page.foreign_requests == []
    assert page.script_errors == []


def test_feedback_links_to_the_chapter_section(page, site_url):
    _open(page, site_url)
    q = CHECKS[5]["questions"][1]
    fieldset = page.locator(f'.sc fieldset[data-question="{q["id"]}"]')
    fieldset.locator("label").nth(0).click()
    fieldset.get_by_role("button", name="Check my answer").click()
    link = fieldset.locator(".sc-more a")
    href = link.get_attribute("href")
    assert href == f"{site_url}/{q['link']['href']}"
    assert link.inner_text() == q["link"]["label"]


@pytest.mark.parametrize("n", sorted(CHECKS))
def test_every_question_link_reaches_an_existing_section(site, n):
    for q in CHECKS[n]["questions"]:
        path, _, anchor = q["link"]["href"].partition("#")
        html = (site / path).read_text(encoding="utf-8")
        assert f'id="{anchor}"' in html, f"{q['id']}: no section #{anchor} in {path}"


def test_choices_survive_a_reload_and_can_be_cleared(page, site_url):
    _open(page, site_url, n=2)
    q = CHECKS[2]["questions"][0]
    fieldset = page.locator(f'.sc fieldset[data-question="{q["id"]}"]')
    fieldset.locator("label").nth(_right_index(q)).click()
    fieldset.get_by_role("button", name="Check my answer").click()
    reload_page(page)
    page.wait_for_selector(".sc fieldset")
    fieldset = page.locator(f'.sc fieldset[data-question="{q["id"]}"]')
    assert fieldset.locator('input[type="radio"]').nth(_right_index(q)).is_checked()
    assert "Correct." in fieldset.locator(".sc-feedback").inner_text()
    page.get_by_role("button", name="Clear my answers").click()
    assert fieldset.locator(".sc-feedback").is_hidden()
    assert page.locator('.sc [role="status"]').inner_text() == "Answers cleared."
    reload_page(page)
    page.wait_for_selector(".sc fieldset")
    assert page.locator('.sc input[type="radio"]:checked').count() == 0


def test_radios_are_labelled_for_screen_readers(page, site_url):
    _open(page, site_url, n=1)
    unlabelled = page.eval_on_selector_all(
        '.sc input[type="radio"]',
        "els => els.filter(el => !(el.labels && el.labels.length && el.labels[0].textContent.trim())).length",
    )
    assert unlabelled == 0
    groups = page.locator(".sc fieldset")
    assert groups.count() == len(CHECKS[1]["questions"])
    assert all(groups.nth(i).locator("legend").inner_text().strip() for i in range(groups.count()))


def test_fits_a_phone_without_horizontal_scroll(phone_page, site_url):
    load_page(phone_page, f"{site_url}/exercises/ch03-exercises.html")
    phone_page.wait_for_selector(".sc fieldset")
    phone_page.locator(".sc fieldset").first.locator("label").first.click()
    phone_page.locator(".sc fieldset").first.get_by_role("button", name="Check my answer").click()
    overflow = phone_page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0
    box = phone_page.locator(".sc").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375


def test_case_studies_page_draws_a_checklist_per_case(page, site_url):
    load_page(page, f"{site_url}/exercises/case-studies.html")
    page.wait_for_function("document.querySelectorAll('.course-widget').length >= 6")
    assert page.locator(".widget-host-error").count() == 0
    assert page.script_errors == []
    assert page.foreign_requests == []
    assert urlparse(page.url).path.endswith("case-studies.html")
