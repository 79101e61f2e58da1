"""The self-test page: self-contained by construction, and used in a real Chromium (Debian's
chromium and chromium-driver, driven by selenium) at desktop and phone width: one question
answered right with the mouse, one wrong with the keyboard, feedback, source and score checked."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest

from .conftest import HOSTILE

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SIZES = {"desktop": (1280, 900), "phone": (390, 844)}
SCREENSHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"
"""Where the browser tests leave their screenshots for a person to look at (build/ is ignored by git)."""


def test_page_needs_nothing_from_outside(exports):
    """The page loads no script, style, font or picture from anywhere: no src or href but the
    article link, no url() or @import, and a Content-Security-Policy that forbids fetching."""
    page = exports.file("selftest.html").read_text(encoding="utf-8")
    assert "default-src 'none'" in page
    assert not re.search(r"<(script|img|link|iframe)[^>]*\s(src|href)=", page)
    assert "url(" not in page and "@import" not in page
    assert page.count("<script") == 2  # the data and the code, both inline


def _strings(value):
    """Every string in a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def test_embedded_json_cannot_end_the_script(hostile_exports):
    """Text with ``</script>`` and ``<!--`` is escaped inside the embedded JSON, which still parses."""
    page = hostile_exports.file("selftest.html").read_text(encoding="utf-8")
    data = page.split('<script type="application/json" id="quiz-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and ">" not in data and "&" not in data
    assert any(HOSTILE in text for text in _strings(json.loads(data)))
    assert "javascript:" not in page.split('<script type="application/json"', 1)[0]


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium through chromedriver, with a fresh profile and no background traffic."""
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is a test dependency")
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("Debian's chromium and chromium-driver are not installed (.ci/run installs them)")
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="studyaid-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


FORM_ASKING = """
const wanted = arguments[0];
for (const form of document.querySelectorAll("form.question")) {
  const legend = form.querySelector("legend").innerText.replace(/\\s+/g, " ").trim();
  if (legend.slice(legend.indexOf(". ") + 2) === wanted) return form;
}
return null;
"""
"""Finds the question form by its legend in one browser round trip (two per form, asked from Python)."""


def _form_for(driver, prompt: str):
    form = driver.execute_script(FORM_ASKING, " ".join(prompt.split()))
    if form is None:
        raise AssertionError(f"no question on the page asks {prompt!r}")
    return form


@pytest.mark.parametrize("size", SIZES)
def test_answer_right_and_wrong(browser, exports, size):
    """A right choice gets "Correct", a wrong typed answer gets the right one, both with the source
    sentence and citation; the score counts them; nothing is wider than the window."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(*SIZES[size])
    browser.get(exports.file("selftest.html").as_uri())
    planned = exports.version_a()
    forms = browser.find_elements(By.CSS_SELECTOR, "form.question")
    assert len(forms) == len(planned)
    choice = next(pq for pq in planned.values() if pq["form"] in ("choice", "true-false"))
    typed = next(pq for pq in planned.values() if pq["form"] in ("short", "numeric", "cloze"))

    form = _form_for(browser, choice["prompt"])
    labels = form.find_elements(By.CSS_SELECTOR, ".options label")
    labels[choice["letters"].index(choice["correct"])].click()
    form.find_element(By.TAG_NAME, "button").click()
    feedback = form.find_element(By.CSS_SELECTOR, ".feedback").text
    record = exports.quiz["questions"][choice["id"]]
    assert feedback.startswith("✓ Correct")
    assert all(" ".join(s["quote"].split()) in " ".join(feedback.split()) for s in record["sources"])
    assert record["sources"][0]["citation"] in feedback

    form = _form_for(browser, typed["prompt"])
    box = form.find_element(By.CSS_SELECTOR, "input[type=text]")
    box.send_keys("not the answer", Keys.ENTER)
    feedback = form.find_element(By.CSS_SELECTOR, ".feedback").text
    record = exports.quiz["questions"][typed["id"]]
    assert feedback.startswith(f"✗ Not quite. The answer: {typed['answer']}")
    assert all(" ".join(s["quote"].split()) in " ".join(feedback.split()) for s in record["sources"])
    assert browser.find_element(By.ID, "score").text == f"Score: 1 of 2 answered ({len(planned)} questions)"
    assert box.get_attribute("disabled") is not None
    width, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= inner
    assert [e for e in browser.get_log("browser") if e["level"] == "SEVERE"] == []
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    form.location_once_scrolled_into_view  # noqa: B018 - scrolls the answered question into view
    browser.save_screenshot(str(SCREENSHOTS / f"selftest-{exports.quiz['count']}-{size}.png"))


def test_keyboard_only(browser, exports):
    """Tab reaches a choice question, its letter key picks an option and Enter checks it."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    browser.set_window_size(*SIZES["desktop"])
    browser.get(exports.file("selftest.html").as_uri())
    planned = exports.version_a()
    choice = next(pq for pq in planned.values() if pq["form"] in ("choice", "true-false"))
    form = _form_for(browser, choice["prompt"])
    first = form.find_element(By.CSS_SELECTOR, "input[type=radio]")
    browser.execute_script("arguments[0].focus()", first)
    wrong = next(letter for letter in choice["letters"] if letter != choice["correct"])
    active = browser.switch_to.active_element
    active.send_keys(wrong.lower())
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    feedback = form.find_element(By.CSS_SELECTOR, ".feedback")
    assert feedback.text.startswith("✗ Not quite. The answer:")
    assert browser.switch_to.active_element == feedback
    assert browser.find_element(By.ID, "score").text.startswith("Score: 0 of 1 answered")


def test_hostile_text_is_shown_not_run(browser, hostile_exports):
    """A name with ``</script>``, a comment opener and markup shows as text: the page still builds
    every question, no markup element appears, and the javascript: address is not linked."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(*SIZES["desktop"])
    browser.get(hostile_exports.file("selftest.html").as_uri())
    forms = browser.find_elements(By.CSS_SELECTOR, "form.question")
    assert len(forms) == len(hostile_exports.version_a())
    assert browser.find_elements(By.CSS_SELECTOR, "#questions b") == []
    assert browser.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == []
    text = browser.find_element(By.ID, "questions").text
    assert HOSTILE in text
