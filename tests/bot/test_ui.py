"""The Gradio server on a free port: API through gradio_client, and a real browser (Chromium)."""

from __future__ import annotations

import json


def test_api_through_gradio_client(mini_server):
    from gradio_client import Client

    url, _ = mini_server
    client = Client(url, verbose=False)
    result = client.predict("大型ごみをインターネットで申し込みたい", api_name="/ask")
    assert result["abstained"] is False
    assert result["citations"][0]["title"] == "大型ごみ収集のオンライン化"
    assert "[1]" in result["answer"]
    assert client.predict("   ", api_name="/ask") == {"error": "the query is empty; type a question or keywords, e.g. 大型ごみ インターネット申込", "field": "question"}
    assert "unknown ward" in client.predict("防災", "北区", "", "", api_name="/ask")["error"]
    assert client.predict("防災", "西区", "", "", api_name="/ask")["citations"][0]["ward"] == "西区"


def test_chat_endpoint_streams_the_answer_and_sources(mini_server):
    from gradio_client import Client

    url, _ = mini_server
    client = Client(url, verbose=False)
    history, sources, copy_text, *_ = client.predict(
        "消防検査 オンライン", [], "すべて", "すべて", "", api_name="/chat"
    )
    def text(message):
        content = message["content"]
        return content if isinstance(content, str) else "".join(part.get("text", "") for part in content)

    assert history[0]["role"] == "user" and "消防検査" in text(history[0])
    assert "[1]" in text(history[-1])
    assert "planqa-source" in sources and "消防局 予防部" in sources
    assert copy_text.startswith("「消防検査のオンライン化」")




def _ask(page, question):
    page.locator("#planqa-question textarea").fill(question)
    page.locator("#planqa-send").click()


def test_browser_question_answer_and_sources(mini_server, browser, tmp_path):
    url, bot = mini_server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    _ask(page, "大型ごみをインターネットで申し込みたい")
    page.wait_for_selector("#planqa-sources .planqa-source", timeout=30000)
    page.wait_for_function("document.querySelector('#planqa-chat').innerText.includes('大型ごみ収集のオンライン化')",
                           timeout=30000)  # (the answer streams)
    chat = page.locator("#planqa-chat").inner_text()
    assert "[1]" in chat and "大型ごみ収集のオンライン化" in chat
    sources = page.locator("#planqa-sources").inner_text()
    assert "[1]" in sources and "大型ごみの申込について" in sources and "環境局 環境事業部" in sources
    assert page.locator("#planqa-sources mark").count() > 0
    page.screenshot(path=str(tmp_path / "answer.png"), full_page=True)

    page.locator("#planqa-good").click()
    page.wait_for_function("document.querySelector('#planqa-feedback-status').innerText.includes('ありがとう')")
    record = bot.staff.feedback.entries()[-1]
    assert record["rating"] == "good" and record["question"] == "大型ごみをインターネットで申し込みたい"
    assert record["cited_ids"][0].endswith("#L19") or record["cited_ids"]
    page.close()


def test_browser_hostile_question_renders_inert(mini_server, browser):
    url, _ = mini_server
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    hostile = "<script>alert('xss')</script><img src=x onerror=alert('img')> [link](javascript:alert('md'))"
    _ask(page, hostile)
    page.wait_for_function(
        "document.querySelectorAll('#planqa-chat .message').length >= 2 || "
        "document.querySelector('#planqa-chat').innerText.includes('<script>')", timeout=30000)
    page.wait_for_timeout(1500)
    chat = page.locator("#planqa-chat")
    assert "<script>alert('xss')</script>" in chat.inner_text()
    assert chat.locator("script").count() == 0 and chat.locator("img[src='x']").count() == 0
    assert chat.locator("a[href^='javascript']").count() == 0
    assert dialogs == []
    _ask(page, "消防検査 オンライン")  # the server keeps serving afterwards
    page.wait_for_function("document.querySelector('#planqa-sources').innerText.includes('消防')", timeout=30000)
    page.close()


def test_browser_shows_latex_as_typed(mini_server, browser):
    url, _ = mini_server
    page = browser.new_page()
    page.goto(url)
    _ask(page, "$$x^2$$ 防災")
    page.wait_for_function("document.querySelector('#planqa-chat').innerText.includes('x^2')", timeout=30000)
    page.wait_for_timeout(1000)
    chat = page.locator("#planqa-chat")
    assert chat.locator(".katex").count() == 0
    assert "$$x^2$$" in chat.inner_text()
    page.close()


def test_browser_question_box_stops_at_the_length_limit(mini_server, browser):
    from planqa.limits import Limits

    url, _ = mini_server
    page = browser.new_page()
    page.goto(url)
    box = page.locator("#planqa-question textarea")
    box.fill("防" * (Limits().max_question_chars + 500))
    assert len(box.input_value()) <= Limits().max_question_chars
    page.close()


def test_browser_follow_up_suggestion_chip_and_furigana(mini_server, browser):
    url, _ = mini_server
    page = browser.new_page()
    page.goto(url)
    _ask(page, "消防検査のオンライン化")
    page.wait_for_selector("#planqa-suggestions button, #planqa-suggestions td", timeout=30000)
    copy = "document.querySelector('#planqa-copy textarea').value"
    page.wait_for_function(f"{copy}.includes('予防部')", timeout=30000)
    first = page.locator("#planqa-copy textarea").input_value()
    page.locator("#planqa-suggestions").get_by_text("もっと詳しく").first.click()
    # (the answer streams: its heading comes before the passage's place in the plan)
    chat = "document.querySelector('#planqa-chat').innerText"
    page.wait_for_function(f"{chat}.includes('について詳しく）') && {chat}.includes('計画上の位置')", timeout=30000)
    # the follow-up's answer is complete (the copy box is filled last, and the first answer's also named 予防部)
    # before the readings are asked for
    page.wait_for_function(f"{copy}.includes('予防部') && {copy} !== {json.dumps(first)}", timeout=30000)
    # the readings are rendered after every answer and only shown while the toggle is on
    page.wait_for_selector("#planqa-furigana ruby", state="attached", timeout=30000)
    assert not page.locator("#planqa-furigana ruby").first.is_visible()
    page.locator("#planqa-furigana-toggle input").check()
    page.wait_for_selector("#planqa-furigana ruby", timeout=30000)
    assert page.locator("#planqa-furigana rt").count() > 3
    assert "詳しく" in page.locator("#planqa-furigana").inner_text()  # the follow-up's answer, not the first
    page.locator("#planqa-furigana-toggle input").uncheck()
    page.wait_for_selector("#planqa-furigana ruby", state="hidden", timeout=30000)
    page.close()
