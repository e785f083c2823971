"""The staff page (/staff): only behind PLANQA_ADMIN_AUTH's login; the report shows what people typed
as text; a cluster of unanswered questions becomes a curated answer that the bot then serves."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from bot.server import launch

HOSTILE = "<img src=x onerror=alert(1)>除雪はいつ来ますか"


@pytest.fixture(scope="module")
def staff_server(tmp_path_factory, mini_plan_text, make_mini_bot):
    # never 0.99 sure with the hash embedder: every question below goes unanswered
    bot = make_mini_bot(tmp_path_factory.mktemp("staff"), mini_plan_text, threshold=0.99)
    for question in (HOSTILE, "除雪はいつ来ますか？", "除雪車はいつ来ますか？"):
        bot.reply(question, channel="chat")
    server = launch(bot, "127.0.0.1", 0, admin_auth=[("admin", "s3cret-pass")])
    yield server.url, bot
    server.close()
    bot.close()


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def test_no_staff_page_without_admin_auth(mini_server):
    url, _ = mini_server
    assert _status(url + "staff/") == 404


def test_staff_api_and_log_are_unreachable_without_login(staff_server):
    url, _ = staff_server
    assert _status(url + "staff/gradio_api/info") in (401, 403)
    assert _status(url + "staff/config") in (401, 403)
    request = urllib.request.Request(url + "staff/login", data=b"username=admin&password=wrong",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"}, method="POST")
    try:
        urllib.request.urlopen(request, timeout=30)
        code = 200
    except urllib.error.HTTPError as error:
        code = error.code
    assert code in (400, 401)
    with urllib.request.urlopen(url + "config", timeout=30) as reply:  # the citizens' chat stays open
        assert "職員用ページ" not in json.dumps(json.loads(reply.read()), ensure_ascii=False)


def test_browser_login_report_and_curated_answer_from_a_cluster(staff_server, browser):
    url, bot = staff_server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url + "staff/")
    page.wait_for_selector("input[type=password]", timeout=60_000)
    assert "職員用ページ" not in page.content()
    page.locator("input[type=text], input:not([type])").first.fill("admin")
    page.locator("input[type=password]").fill("s3cret-pass")
    page.locator("button").filter(has_text="Login").click()
    page.wait_for_selector("#staff-report table", timeout=60_000)
    report = page.locator("#staff-report").inner_text()
    assert HOSTILE in report  # shown as text …
    assert page.locator("#staff-report img[src='x']").count() == 0 and not dialogs  # … never as markup
    assert "2件: " in page.locator("#staff-cluster input").input_value()  # the largest cluster, chosen first
    page.locator("#staff-draft").click()
    page.get_by_role("tab", name="職員確認済み回答").click()
    page.wait_for_function("document.querySelector('#staff-question textarea, #staff-question input').value.length > 0")
    page.locator("#staff-answer textarea").fill("除雪の日程は計画にはありません。区の土木センターにお問い合わせください。")
    page.locator("#staff-cites textarea").fill("mini_plan#L4")
    page.locator("#staff-add").click()
    page.wait_for_function("document.querySelector('#staff-status').innerText.includes('追加しました')", timeout=30_000)
    assert "除雪の日程は計画にはありません" in page.locator("#staff-curated").inner_text()
    page.close()
    (curated,) = bot.staff.curated.all()
    assert curated.cited_ids == ["mini_plan#L4"] and curated.author == "staff-ui"
    assert bot.reply(curated.question).curated


def test_staff_login_is_rate_limited(staff_server):
    """Last in this module: it uses up this address's login attempts for the minute."""
    url, _ = staff_server
    codes = []
    for _ in range(12):
        request = urllib.request.Request(url + "staff/login", data=b"username=admin&password=guess",
                                         headers={"Content-Type": "application/x-www-form-urlencoded"}, method="POST")
        try:
            urllib.request.urlopen(request, timeout=30)
            codes.append(200)
        except urllib.error.HTTPError as error:
            codes.append(error.code)
    assert codes[-1] == 429 and 200 not in codes
