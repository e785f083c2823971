"""The staff report as text, JSON, CSV or a self-contained HTML page with a PNG chart.

Everything staff or citizens typed is escaped: the HTML shows it as text, never as markup."""

from __future__ import annotations

import base64
import csv
import io
import json
from html import escape

from bot.staff.report import Report


def to_json(report: Report) -> str:
    return json.dumps(report.to_record(), ensure_ascii=False, indent=2) + "\n"


def to_csv(report: Report) -> str:
    """One table: ``section, rank, key, count, detail`` (clusters, most cited, per day, stale curated)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["section", "rank", "key", "count", "detail"])
    for rank, cluster in enumerate(report.clusters, start=1):
        writer.writerow(["unanswered_cluster", rank, _cell(cluster.representative), cluster.count,
                         _cell(" | ".join(cluster.examples))])
    for rank, passage in enumerate(report.most_cited, start=1):
        writer.writerow(["most_cited", rank, passage.chunk_id, passage.count, _cell(passage.title)])
    for day in report.days:
        writer.writerow(["abstention_per_day", "", day.date, day.questions, f"{day.abstained} ({day.rate:.1%})"])
    for answer in report.stale:
        writer.writerow(["stale_curated", answer.id, _cell(answer.question), answer.hits, _cell(answer.stale_reason)])
    return out.getvalue()


def _cell(text: str) -> str:
    """A spreadsheet cannot run what staff or citizens typed (=, +, -, @ start a formula)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_text(report: Report) -> str:
    record = report.to_record()["totals"]
    lines = [f"期間: {report.since.date().isoformat() + ' 以降' if report.since else '全期間'}",
             f"質問 {record['questions']} 件 / 該当なし {record['abstained']} 件（{record['abstention_rate']:.1%}）/ "
             f"職員確認済み回答の利用 {record['curated_served']} 件 / 👎 {record['thumbs_down']} 件", "",
             "■ 答えられなかった質問（似た質問ごと）"]
    lines += [f"  {c.count:>4} 件  {c.representative}" + (f"  （例: {' / '.join(c.examples[1:3])}）" if len(c.examples) > 1 else "")
              for c in report.clusters] or ["  なし"]
    lines += ["", "■ よく引用された箇所"]
    lines += [f"  {p.count:>4} 回  {p.title}  [{p.chunk_id}]" for p in report.most_cited] or ["  なし"]
    lines += ["", "■ 日ごとの「該当なし」の割合"]
    lines += [f"  {d.date}  {d.abstained}/{d.questions}（{d.rate:.0%}）" for d in report.days] or ["  なし"]
    lines += ["", "■ 要確認（計画が変わった職員確認済み回答）"]
    lines += [f"  #{a.id} {a.question} — {a.stale_reason}" for a in report.stale] or ["  なし"]
    return "\n".join(lines) + "\n"


def chart_png(report: Report) -> bytes:
    """Questions and abstention rate per day (labels in ASCII: no Japanese font is assumed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    days = report.days[-60:]
    figure, axis = plt.subplots(figsize=(8, 3), dpi=100)
    try:
        labels = [d.date[5:] for d in days] or ["-"]
        axis.bar(labels, [d.questions for d in days] or [0], color="#d0d7de", label="questions")
        axis.set_ylabel("questions")
        rate_axis = axis.twinx()
        rate_axis.plot(labels, [100 * d.rate for d in days] or [0], color="#cf222e", marker="o", label="abstained %")
        rate_axis.set_ylim(0, 100)
        rate_axis.set_ylabel("abstained (%)")
        axis.set_title("Questions and abstention rate per day")
        axis.tick_params(axis="x", labelrotation=45, labelsize=7)
        figure.tight_layout()
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        return buffer.getvalue()
    finally:
        plt.close(figure)


def to_html(report: Report, chart: bool = True) -> str:
    """A self-contained page (the chart inline as a data: PNG); every text escaped."""
    totals = report.to_record()["totals"]
    parts = ["<section class='planqa-report'>",
             f"<p>期間: {escape(report.since.date().isoformat()) + ' 以降' if report.since else '全期間'}"
             f"（{escape(report.generated_at.isoformat(timespec='minutes'))} 作成）</p>",
             f"<p>質問 <b>{totals['questions']}</b> 件 / 該当なし <b>{totals['abstained']}</b> 件"
             f"（{totals['abstention_rate']:.1%}）/ 職員確認済み回答の利用 {totals['curated_served']} 件 / "
             f"👎 {totals['thumbs_down']} 件</p>"]
    if chart:
        encoded = base64.b64encode(chart_png(report)).decode("ascii")
        parts.append(f"<img alt='日ごとの質問数と「該当なし」の割合' src='data:image/png;base64,{encoded}'>")
    parts.append("<h3>答えられなかった質問（似た質問ごと）</h3>")
    parts.append(_table(["件数", "代表的な質問", "ほかの言い方", "該当なし", "👎", "最終"],
                        [[c.count, c.representative, " / ".join(c.examples[1:]), c.abstained, c.thumbs_down,
                          c.last_asked.date().isoformat()] for c in report.clusters]))
    parts.append("<h3>よく引用された箇所</h3>")
    parts.append(_table(["回数", "箇所", "ID"], [[p.count, p.title, p.chunk_id] for p in report.most_cited]))
    parts.append("<h3>日ごとの「該当なし」の割合</h3>")
    parts.append(_table(["日付", "質問", "該当なし", "割合"],
                        [[d.date, d.questions, d.abstained, f"{d.rate:.0%}"] for d in report.days]))
    parts.append("<h3>要確認: 計画が変わった職員確認済み回答（配信停止中）</h3>")
    parts.append(_table(["ID", "質問", "理由", "利用回数"],
                        [[a.id, a.question, a.stale_reason, a.hits] for a in report.stale]))
    parts.append("</section>")
    return "\n".join(parts)


def to_html_page(report: Report) -> str:
    return ("<!doctype html><html lang='ja'><head><meta charset='utf-8'><title>planqa レポート</title>"
            "<style>body{font-family:system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
            "td,th{border:1px solid #d0d7de;padding:2px 8px;text-align:left}</style></head><body>"
            "<h2>planqa 運用レポート</h2>" + to_html(report) + "</body></html>\n")


def _table(header: list[str], rows: list[list]) -> str:
    if not rows:
        return "<p>なし</p>"
    head = "".join(f"<th>{escape(str(h))}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{escape(str(cell))}</td>" for cell in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
