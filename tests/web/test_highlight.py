"""Markup is built from spans around escaped text; overlapping marks nest; the plot is SVG."""
from markupsafe import Markup

from onrecord.web.highlight import Mark, highlight
from onrecord.web.plot import calibration_svg


def test_text_is_escaped_and_marks_overlap():
    text = "<b>A</b> said “x & y”."
    html = highlight(text, [Mark(0, 8, "quote speech", "q1", Markup('<span class="badge">S</span>')),
                            Mark(3, 13, "forecast")])
    assert html == ('<span class="anchor" id="q1"></span><span class="quote speech">&lt;b&gt;</span>'
                    '<span class="quote speech forecast">A&lt;/b&gt;</span><span class="badge">S</span>'
                    '<span class="forecast"> said</span> “x &amp; y”.')


def test_spans_outside_the_text_are_dropped():
    assert highlight("abc", [Mark(2, 9, "quote"), Mark(3, 3, "quote")]) == "abc"


def test_plot_has_diagonal_bins_and_counts():
    svg = calibration_svg([{"bin": "0.8-1.0", "n": 3, "stated": 0.9, "observed": 0.333},
                           {"bin": "0.2-0.4", "n": 1, "stated": 0.3, "observed": 0.0}], "Calibration of <X>")
    assert svg.startswith("<svg") and svg.count('class="bin"') == 2 and 'class="diagonal"' in svg
    assert "n=3" in svg and "n=1" in svg and "Calibration of &lt;X&gt;" in svg
