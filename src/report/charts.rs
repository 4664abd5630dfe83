//! SVG for the charts in HTML reports: horizontal bars (votes) and the 2×2 matrix (scores over
//! two criteria, quadrant names, numbered points and their legend). Every piece of text is
//! escaped; the SVG is built here, never from input.
//!
//! Nothing may collide or leave the chart's box, whatever the labels' length or language: text is
//! measured with a conservative estimate (`text_width`), wrapped, then shrunk, then cut with an
//! ellipsis, and whatever is cut keeps its full text in a `<title>` and in a legend. Points that
//! share a position are spread around it; the SVG grows to hold its legend. Sizes and colours are
//! written on the elements themselves (font sizes as inline styles, which the page's stylesheet
//! cannot override), so the SVG draws the same on its own, e.g. rasterised for Word.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthChar;

use super::html::escape;
use super::markdown::{Chart, quadrant};

/// The font stack of report.css, written on the SVG so that it draws alike outside the page.
const FONT: &str = "'Source Sans 3', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#1d2330";
const MUTED: &str = "#5b6475";
const LINE: &str = "#d8dde6";
const ACCENT: &str = "#1f5fa8";
/// Line height, as a multiple of the font size.
const LEADING: f64 = 1.25;

/// The chart's SVG, named by its title (the picture in Word, whose alternative text is set apart).
pub fn svg(chart: &Chart) -> String {
    svg_named(chart, chart.title(), None)
}

/// The chart's SVG with `name` as its accessible name (what the chart shows, in words) and
/// `described_by`, the id of the table on the page that holds its data.
pub fn svg_named(chart: &Chart, name: &str, described_by: Option<&str>) -> String {
    let mut a11y = format!(r#" aria-label="{}""#, escape(name));
    if let Some(id) = described_by {
        let _ = write!(a11y, r#" aria-describedby="{}""#, escape(id));
    }
    match chart {
        Chart::Bars { rows, .. } => bars(&a11y, rows),
        Chart::Matrix {
            x_label,
            y_label,
            min,
            max,
            quadrants,
            points,
            ..
        } => matrix(&a11y, x_label, y_label, *min, *max, quadrants, points),
        Chart::Interval {
            value_label,
            rows,
            reference,
            reference_label,
            ..
        } => super::interval_chart::svg(&a11y, value_label, rows, *reference, reference_label),
    }
}

/// The width of `text` in pixels at `size`, estimated on the generous side so that real fonts
/// (whichever the reader's system picks for the stack) come out narrower: 0.62 em a character,
/// more for capitals and the widest letters, double for East Asian wide characters, none for
/// combining marks.
pub fn text_width(text: &str, size: f64) -> f64 {
    text.chars()
        .map(|c| {
            let em = match c {
                'M' | 'W' | 'm' | 'w' | '@' | '%' | '—' | '…' => 0.95,
                c if c.is_uppercase() => 0.72,
                c => 0.62 * c.width().unwrap_or(0) as f64,
            };
            em * size
        })
        .sum()
}

/// Text laid out in a box: its font size, its lines, and whether it had to be cut.
#[derive(Debug, Clone, PartialEq)]
struct Fitted {
    size: f64,
    lines: Vec<String>,
    cut: bool,
}

impl Fitted {
    fn height(&self) -> f64 {
        self.lines.len() as f64 * self.size * LEADING
    }
}

/// Fits `text` into `max_lines` lines of at most `width` pixels: wrapped at the first of `sizes`
/// (largest first) at which it fits, else at the last size with its last line cut by an ellipsis.
fn fit(text: &str, width: f64, max_lines: usize, sizes: &[f64]) -> Fitted {
    let max_lines = max_lines.max(1);
    let mut smallest = 11.0;
    for &size in sizes {
        let lines = wrap(text, width, size);
        if lines.len() <= max_lines {
            return Fitted {
                size,
                lines,
                cut: false,
            };
        }
        smallest = size;
    }
    let mut lines = wrap(text, width, smallest);
    let rest = lines.split_off(max_lines - 1).join(" ");
    lines.push(ellipsize(&rest, width, smallest));
    Fitted {
        size: smallest,
        lines,
        cut: true,
    }
}

/// Splits text into lines of at most `width` pixels at `size`, at spaces; a word wider than a
/// line is broken between characters.
fn wrap(text: &str, width: f64, size: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let joined = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if text_width(&joined, size) <= width {
            current = joined;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        for c in word.chars() {
            current.push(c);
            if text_width(&current, size) > width && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
    }
    if !current.is_empty() || lines.is_empty() {
        lines.push(current);
    }
    lines
}

/// The longest start of `text` that fits `width` with an ellipsis after it.
fn ellipsize(text: &str, width: f64, size: f64) -> String {
    if text_width(text, size) <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// One `<text>` of one or more lines from (`x`, `y`), the baseline of its first line; with a
/// `<title>` holding `full` when the text was cut.
#[allow(clippy::too_many_arguments)]
fn text(
    out: &mut String,
    x: f64,
    y: f64,
    fitted: &Fitted,
    anchor: &str,
    class: &str,
    fill: &str,
    extra: &str,
    full: &str,
) {
    let _ = write!(
        out,
        r#"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" class="{class}" fill="{fill}" style="font-size:{}px"{extra}>"#,
        fitted.size
    );
    if fitted.cut {
        let _ = write!(out, "<title>{}</title>", escape(full));
    }
    for (k, line) in fitted.lines.iter().enumerate() {
        let dy = if k == 0 { 0.0 } else { fitted.size * LEADING };
        let _ = write!(
            out,
            r#"<tspan x="{x:.1}" dy="{dy:.2}">{}</tspan>"#,
            escape(line)
        );
    }
    out.push_str("</text>");
}

/// `a11y`: the accessible name and description, as attributes already escaped.
fn open_svg(out: &mut String, a11y: &str, width: f64, height: f64) {
    let _ = write!(
        out,
        r#"<svg role="img"{a11y} viewBox="0 0 {width:.0} {height:.0}" width="100%" font-family="{FONT}" xmlns="http://www.w3.org/2000/svg">"#,
    );
}

fn format_value(value: f64) -> String {
    if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    }
}

/// Legend rows: a marker (a number) and a text, laid out in one column, or two when every text
/// fits a half-width column on one line. Returns the SVG and the height it takes.
fn legend(
    out: &mut String,
    items: &[(String, String, Option<String>)],
    x0: f64,
    y0: f64,
    width: f64,
) -> f64 {
    let (size, badge, gap) = (12.0, 24.0, 16.0);
    let column = (width - gap) / 2.0;
    let two = items.len() > 1
        && items
            .iter()
            .all(|(_, t, note)| text_width(&legend_line(t, note), size) <= column - badge);
    let (columns, col_w) = if two { (2, column) } else { (1, width) };
    let mut y = y0;
    for row in items.chunks(columns) {
        let mut row_h: f64 = 0.0;
        for (c, (marker, label, note)) in row.iter().enumerate() {
            let x = x0 + c as f64 * (col_w + gap);
            let lines = wrap(&legend_line(label, note), col_w - badge, size);
            let fitted = Fitted {
                size,
                lines,
                cut: false,
            };
            let _ = write!(
                out,
                r#"<circle cx="{:.1}" cy="{:.1}" r="8" class="pt" fill="{ACCENT}"/>"#,
                x + 8.0,
                y + size * 0.9 - 4.0
            );
            let marker = Fitted {
                size: if marker.chars().count() > 2 {
                    8.0
                } else {
                    11.0
                },
                lines: vec![marker.clone()],
                cut: false,
            };
            text(
                out,
                x + 8.0,
                y + size * 0.9 - 0.8,
                &marker,
                "middle",
                "ptn",
                "#fff",
                "",
                "",
            );
            text(
                out,
                x + badge,
                y + size * 0.9,
                &fitted,
                "start",
                "leg",
                INK,
                "",
                "",
            );
            row_h = row_h.max(fitted.height());
        }
        y += row_h + 4.0;
    }
    y - y0
}

fn legend_line(label: &str, note: &Option<String>) -> String {
    match note {
        Some(note) => format!("{label} ({note})"),
        None => label.to_owned(),
    }
}

fn bars(a11y: &str, rows: &[(String, f64)]) -> String {
    // Labels wrap onto up to three lines, shrinking if need be; a label still too long is cut,
    // numbered, and given in full in a legend under the bars.
    let (label_w, width) = (330.0, 680.0);
    // The bars leave room for the widest value after them.
    let widest = rows
        .iter()
        .map(|(_, v)| text_width(&format_value(*v), 13.0))
        .fold(0.0_f64, f64::max);
    let bar_w = width - label_w - 6.0 - widest - 4.0;
    let fitted: Vec<(Fitted, String)> = rows
        .iter()
        .enumerate()
        .map(|(i, (label, _))| {
            let first = fit(label, label_w - 10.0, 3, &[13.0, 12.0, 11.0]);
            if first.cut {
                let numbered = format!("{}. {label}", i + 1);
                (fit(&numbered, label_w - 10.0, 3, &[11.0]), label.clone())
            } else {
                (first, label.clone())
            }
        })
        .collect();
    let heights: Vec<f64> = fitted.iter().map(|(f, _)| 12.0 + f.height()).collect();
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max).max(1.0);
    let mut body = String::new();
    let mut y = 6.0;
    for (((_, value), (label, full)), h) in rows.iter().zip(&fitted).zip(&heights) {
        let value = if value.is_finite() { *value } else { 0.0 };
        let w = (value / max * bar_w).clamp(if value > 0.0 { 2.0 } else { 0.0 }, bar_w);
        let top = y + (h - label.height()) / 2.0 + label.size * 0.85;
        text(
            &mut body,
            label_w - 8.0,
            top,
            label,
            "end",
            "label",
            INK,
            "",
            full,
        );
        let bar_y = y + h / 2.0 - 9.0;
        let _ = write!(
            body,
            r#"<rect x="{label_w}" y="{bar_y:.1}" width="{w:.1}" height="18" rx="3" class="bar" fill="{ACCENT}"/>"#,
        );
        let value_text = Fitted {
            size: 13.0,
            lines: vec![format_value(value)],
            cut: false,
        };
        text(
            &mut body,
            label_w + w + 6.0,
            bar_y + 14.0,
            &value_text,
            "start",
            "value",
            MUTED,
            "",
            "",
        );
        y += h;
    }
    let cut: Vec<(String, String, Option<String>)> = fitted
        .iter()
        .enumerate()
        .filter(|(_, (f, _))| f.cut)
        .map(|(i, (_, full))| ((i + 1).to_string(), full.clone(), None))
        .collect();
    if !cut.is_empty() {
        y += 10.0;
        y += legend(&mut body, &cut, 12.0, y, width - 24.0);
    }
    let mut out = String::new();
    open_svg(&mut out, a11y, width, y + 6.0);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// A rectangle: left, top, right, bottom.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Area {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

/// Where a score falls along one axis of a quadrant's area (`lo` → `hi` in pixels): the midpoint
/// counts as high, so each half of the scale fills its own quadrant, a margin of `inset` away
/// from the edges.
fn along(v: f64, min: f64, max: f64, lo: f64, hi: f64, inset: f64) -> f64 {
    let mid = (min + max) / 2.0;
    let v = if v.is_finite() { v } else { min };
    let t = if v >= mid {
        if max > mid {
            (v - mid) / (max - mid)
        } else {
            0.0
        }
    } else if mid > min {
        (v - min) / (mid - min)
    } else {
        0.0
    };
    let span = (hi - lo - 2.0 * inset).max(0.0);
    lo + inset + t.clamp(0.0, 1.0) * span
}

/// Places discs of radius `r` as near their true positions as possible, none overlapping and each
/// inside its area: a disc whose place is taken goes to the first free place on rings around it.
/// `None` if some disc finds no room.
fn spread(targets: &[((f64, f64), Area)], r: f64) -> Option<Vec<(f64, f64)>> {
    let step = 2.0 * r + 3.0;
    let mut placed: Vec<(f64, f64)> = Vec::with_capacity(targets.len());
    for &((tx, ty), area) in targets {
        let inside = |(x, y): (f64, f64)| {
            x - r >= area.x0 && x + r <= area.x1 && y - r >= area.y0 && y + r <= area.y1
        };
        let free = |(x, y): (f64, f64)| {
            placed
                .iter()
                .all(|(px, py)| (px - x).hypot(py - y) >= step - 1e-6)
        };
        // The true position, pulled inside the area if a small area left it outside.
        let start = (
            tx.clamp(area.x0 + r, (area.x1 - r).max(area.x0 + r)),
            ty.clamp(area.y0 + r, (area.y1 - r).max(area.y0 + r)),
        );
        let mut found = (inside(start) && free(start)).then_some(start);
        let mut ring = 1;
        while found.is_none() && ring <= 40 {
            let slots = 6 * ring;
            for j in 0..slots {
                let angle =
                    std::f64::consts::TAU * j as f64 / slots as f64 - std::f64::consts::FRAC_PI_2;
                let at = (
                    start.0 + ring as f64 * step * angle.cos(),
                    start.1 + ring as f64 * step * angle.sin(),
                );
                if inside(at) && free(at) {
                    found = Some(at);
                    break;
                }
            }
            ring += 1;
        }
        placed.push(found?);
    }
    Some(placed)
}

fn matrix(
    a11y: &str,
    x_label: &str,
    y_label: &str,
    min: f64,
    max: f64,
    quadrants: &[String; 4],
    points: &[(String, f64, f64)],
) -> String {
    let (size, left, top, width) = (420.0, 48.0, 12.0, 512.0);
    let half = size / 2.0;
    let mid = (min + max) / 2.0;
    let mut body = String::new();

    // Quadrants: top-right, top-left, bottom-right, bottom-left (y = first criterion). Each name
    // sits in a strip at the top of its quadrant, as tall as the taller name of its row; points
    // keep below it.
    let corners = [
        (left + half, top),
        (left, top),
        (left + half, top + half),
        (left, top + half),
    ];
    let names: Vec<Fitted> = quadrants
        .iter()
        .map(|q| fit(q, half - 16.0, 3, &[13.0, 12.0, 11.0]))
        .collect();
    let strip = |a: usize, b: usize| 10.0 + names[a].height().max(names[b].height());
    let strips = [strip(0, 1), strip(0, 1), strip(2, 3), strip(2, 3)];
    for (i, ((x, y), name)) in corners.iter().zip(&names).enumerate() {
        let fill = match i {
            1 => "#eaf6ee",
            2 => "#fbeeee",
            _ => "#fff",
        };
        let _ = write!(
            body,
            r#"<rect x="{x}" y="{y}" width="{half}" height="{half}" class="q q{i}" fill="{fill}" stroke="{LINE}"/>"#,
        );
        text(
            &mut body,
            x + half / 2.0,
            y + 6.0 + name.size * 0.85,
            name,
            "middle",
            "qname",
            MUTED,
            r#" font-weight="600""#,
            &quadrants[i],
        );
    }

    // Axis names: the x name under the plot, the y name turned along its left edge; each on up
    // to two lines as long as the plot.
    let axis_sizes = [13.0, 12.0, 11.0];
    let x_name = fit(&format!("{x_label} →"), size, 2, &axis_sizes);
    let y_name = fit(&format!("{y_label} →"), size, 2, &axis_sizes);
    let (cx, cy) = (left + half, top + half);
    // Turned -90°, the name's lines stack to the right, ending clear of the plot.
    let y_first = left - 6.0 - y_name.height() + y_name.size * 0.85;
    let turn = format!(r#" transform="rotate(-90 {y_first:.1} {cy:.1})""#);
    text(
        &mut body, y_first, cy, &y_name, "middle", "axis", INK, &turn, y_label,
    );
    let bottom = top + size;
    text(
        &mut body,
        cx,
        bottom + 6.0 + x_name.size * 0.85,
        &x_name,
        "middle",
        "axis",
        INK,
        "",
        x_label,
    );

    // Points: each in the area of its quadrant below the name, spread when they share a place;
    // smaller when a crowd leaves no room at full size.
    let targets_at = |r: f64| -> Vec<((f64, f64), Area)> {
        points
            .iter()
            .map(|(_, x, y)| {
                let q = match (*y >= mid, *x >= mid) {
                    (true, true) => 0,
                    (true, false) => 1,
                    (false, true) => 2,
                    (false, false) => 3,
                };
                let (qx, qy) = corners[q];
                let area = Area {
                    x0: qx + 3.0,
                    y0: qy + strips[q],
                    x1: qx + half - 3.0,
                    y1: qy + half - 3.0,
                };
                let inset = r + 4.0;
                let px = along(*x, min, max, area.x0, area.x1, inset);
                let py = area.y1 + area.y0 - along(*y, min, max, area.y0, area.y1, inset);
                ((px, py), area)
            })
            .collect()
    };
    let mut r = 10.0;
    let placed = loop {
        let targets = targets_at(r);
        if let Some(placed) = spread(&targets, r) {
            break placed;
        }
        if r <= 5.0 {
            // Past a hundred or so points in one quadrant: drawn where they fall.
            break targets.iter().map(|(at, _)| *at).collect();
        }
        r -= 1.0;
    };
    for (n, (px, py)) in placed.iter().enumerate() {
        let label = (n + 1).to_string();
        // Never under 6 units: the HTML widens a chart until its smallest text is 12 px, down
        // to 6-unit text (`min_width`), so a crowd's numbers stay readable too.
        let font = (r * 1.1)
            .min(if label.len() > 2 { r * 0.8 } else { 11.0 })
            .max(6.0);
        let _ = write!(
            body,
            r#"<circle cx="{px:.1}" cy="{py:.1}" r="{r}" class="pt" fill="{ACCENT}"/>"#,
        );
        let number = Fitted {
            size: font,
            lines: vec![label],
            cut: false,
        };
        text(
            &mut body,
            *px,
            py + font * 0.36,
            &number,
            "middle",
            "ptn",
            "#fff",
            r#" font-weight="700""#,
            "",
        );
    }

    // The legend: every item in full, with its quadrant.
    let items: Vec<(String, String, Option<String>)> = points
        .iter()
        .enumerate()
        .map(|(i, (label, x, y))| {
            (
                (i + 1).to_string(),
                label.clone(),
                Some(quadrant(quadrants, min, max, *x, *y).to_owned()),
            )
        })
        .collect();
    let legend_top = bottom + 6.0 + x_name.height() + 12.0;
    let height = legend_top + legend(&mut body, &items, 12.0, legend_top, width - 24.0) + 6.0;

    let mut out = String::new();
    open_svg(&mut out, a11y, width, height);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use quick_xml::Reader;
    use quick_xml::events::{BytesStart, Event};

    /// A box: left, top, right, bottom.
    type Rect = (f64, f64, f64, f64);
    /// A `<text>` being read: class, x, y, font size, anchor, and the centre of a quarter turn.
    type OpenText = (String, f64, f64, f64, String, Option<(f64, f64)>);

    #[derive(Debug, Default)]
    struct Drawn {
        width: f64,
        height: f64,
        /// (class, its lines' boxes, its lines' text)
        texts: Vec<(String, Vec<Rect>, Vec<String>)>,
        circles: Vec<(f64, f64, f64)>,
        quadrants: Vec<Rect>,
        titles: Vec<String>,
    }

    fn attr(e: &BytesStart, name: &str) -> Option<String> {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == name.as_bytes())
            .map(|a| {
                quick_xml::escape::unescape(std::str::from_utf8(&a.value).unwrap())
                    .unwrap()
                    .into_owned()
            })
    }

    fn num(e: &BytesStart, name: &str) -> f64 {
        attr(e, name).unwrap().parse().unwrap()
    }

    /// Reads the SVG of a figure back and works out where each line of text lies, by the same
    /// estimate of widths (with a generous ascent and descent), turned as the SVG turns it.
    fn drawn(figure: &str) -> Drawn {
        let start = figure.find("<svg").unwrap();
        let end = figure.find("</svg>").unwrap() + "</svg>".len();
        let mut reader = Reader::from_str(&figure[start..end]);
        let mut d = Drawn::default();
        let mut open: Option<OpenText> = None;
        let mut lines: Vec<(f64, f64, String)> = Vec::new();
        let mut baseline = 0.0;
        let mut in_title = false;
        let mut content = String::new();
        loop {
            match reader.read_event().unwrap() {
                Event::Eof => break,
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"svg" => {
                        let vb: Vec<f64> = attr(&e, "viewBox")
                            .unwrap()
                            .split(' ')
                            .map(|v| v.parse().unwrap())
                            .collect();
                        assert_eq!((vb[0], vb[1]), (0.0, 0.0));
                        (d.width, d.height) = (vb[2], vb[3]);
                    }
                    b"rect" if attr(&e, "class").unwrap().starts_with("q ") => {
                        let (x, y) = (num(&e, "x"), num(&e, "y"));
                        d.quadrants
                            .push((x, y, x + num(&e, "width"), y + num(&e, "height")));
                    }
                    b"circle" => d.circles.push((num(&e, "cx"), num(&e, "cy"), num(&e, "r"))),
                    b"text" => {
                        let style = attr(&e, "style").unwrap();
                        let size: f64 = style
                            .trim_start_matches("font-size:")
                            .trim_end_matches("px")
                            .parse()
                            .unwrap();
                        let turn = attr(&e, "transform").map(|t| {
                            let v: Vec<f64> = t
                                .trim_start_matches("rotate(")
                                .trim_end_matches(')')
                                .split(' ')
                                .map(|v| v.parse().unwrap())
                                .collect();
                            assert_eq!(v[0], -90.0, "only quarter turns are drawn");
                            (v[1], v[2])
                        });
                        let y = num(&e, "y");
                        baseline = y;
                        open = Some((
                            attr(&e, "class").unwrap(),
                            num(&e, "x"),
                            y,
                            size,
                            attr(&e, "text-anchor").unwrap(),
                            turn,
                        ));
                    }
                    b"tspan" => {
                        baseline += num(&e, "dy");
                        lines.push((num(&e, "x"), baseline, String::new()));
                    }
                    b"title" => in_title = true,
                    _ => {}
                },
                Event::Text(t) => {
                    let s = t.decode().unwrap().into_owned();
                    if in_title {
                        content.push_str(&s);
                    } else if let Some(line) = lines.last_mut() {
                        line.2.push_str(&s);
                    }
                }
                Event::GeneralRef(r) => {
                    let s = match r.decode().unwrap().as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        _ => "'",
                    };
                    if in_title {
                        content.push_str(s);
                    } else if let Some(line) = lines.last_mut() {
                        line.2.push_str(s);
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    b"title" => {
                        in_title = false;
                        d.titles.push(std::mem::take(&mut content));
                    }
                    b"text" => {
                        let (class, _, _, size, anchor, turn) = open.take().unwrap();
                        let mut boxes = Vec::new();
                        let mut texts = Vec::new();
                        for (x, y, s) in lines.drain(..) {
                            let w = text_width(&s, size);
                            let x0 = match anchor.as_str() {
                                "start" => x,
                                "middle" => x - w / 2.0,
                                _ => x - w,
                            };
                            let (x1, y0, y1) = (x0 + w, y - 0.9 * size, y + 0.25 * size);
                            boxes.push(match turn {
                                // rotate(-90 cx cy): (x, y) → (cx + y − cy, cy − x + cx)
                                Some((cx, cy)) => {
                                    (cx + y0 - cy, cy - x1 + cx, cx + y1 - cy, cy - x0 + cx)
                                }
                                None => (x0, y0, x1, y1),
                            });
                            texts.push(s);
                        }
                        d.texts.push((class, boxes, texts));
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        d
    }

    fn overlap(a: Rect, b: Rect) -> bool {
        a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
    }

    fn within(inner: Rect, outer: Rect) -> bool {
        inner.0 >= outer.0 - 1e-6
            && inner.1 >= outer.1 - 1e-6
            && inner.2 <= outer.2 + 1e-6
            && inner.3 <= outer.3 + 1e-6
    }

    /// Everything a chart must hold to: every text inside the box and clear of every other, each
    /// quadrant's name inside it, no two discs touching, each number inside its disc, every
    /// disc of the plot inside a quadrant.
    fn assert_clear(figure: &str) -> Drawn {
        let d = drawn(figure);
        let frame = (0.0, 0.0, d.width, d.height);
        let mut boxes: Vec<(&str, Rect, &str)> = Vec::new();
        for (class, rects, lines) in &d.texts {
            for (r, s) in rects.iter().zip(lines) {
                assert!(within(*r, frame), "{class} {s:?} at {r:?} leaves {frame:?}");
                boxes.push((class, *r, s));
            }
        }
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlap(a.1, b.1), "{a:?} overlaps {b:?}");
            }
        }
        let names = d.texts.iter().filter(|t| t.0 == "qname");
        for ((_, rects, lines), q) in names.zip(&d.quadrants) {
            for (r, s) in rects.iter().zip(lines) {
                assert!(within(*r, *q), "quadrant name {s:?} at {r:?} leaves {q:?}");
            }
        }
        for (i, a) in d.circles.iter().enumerate() {
            for b in &d.circles[i + 1..] {
                let gap = (a.0 - b.0).hypot(a.1 - b.1) - a.2 - b.2;
                assert!(gap >= 0.0, "discs {a:?} and {b:?} overlap");
            }
            let disc = (a.0 - a.2, a.1 - a.2, a.0 + a.2, a.1 + a.2);
            for (class, r, s) in &boxes {
                if *class != "ptn" {
                    assert!(!overlap(disc, *r), "disc {a:?} covers {class} {s:?}");
                }
            }
            let below = d.quadrants.last().map_or(0.0, |q| q.3);
            if a.1 < below {
                assert!(
                    d.quadrants.iter().any(|q| within(disc, *q)),
                    "disc {a:?} leaves the plot"
                );
            }
        }
        for (class, r, s) in &boxes {
            if *class == "ptn" {
                assert!(
                    d.circles
                        .iter()
                        .any(|c| within(*r, (c.0 - c.2, c.1 - c.2, c.0 + c.2, c.1 + c.2))),
                    "number {s} outside its disc"
                );
            }
        }
        d
    }

    /// The legend's text, its lines joined by spaces.
    fn legend_text(d: &Drawn) -> String {
        d.texts
            .iter()
            .filter(|t| t.0 == "leg")
            .map(|t| t.2.join(" "))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Where the legend's rows start, left to right: one place per column.
    fn legend_columns(d: &Drawn) -> std::collections::BTreeSet<i64> {
        d.texts
            .iter()
            .filter(|t| t.0 == "leg")
            .map(|t| t.1[0].0 as i64)
            .collect()
    }

    fn quadrants(names: [&str; 4]) -> [String; 4] {
        names.map(str::to_owned)
    }

    const EN: [&str; 4] = [
        "Test first",
        "Important and known — keep monitoring",
        "Unknown but minor — park",
        "Ignore for now",
    ];
    const PT: [&str; 4] = [
        "Testar primeiro",
        "Importante e conhecido — continuar a acompanhar",
        "Desconhecido mas menor — pôr de parte",
        "Ignorar por agora",
    ];

    fn long_item(n: usize, lang: &str) -> String {
        let base = if lang == "pt" {
            "Os pais querem que a prestação seja atribuída automaticamente sem terem de a pedir ao balcão da Segurança Social"
        } else {
            "Parents want the benefit awarded automatically without having to ask for it first at the Social Security counter"
        };
        let mut s = format!("{n}. {base}");
        s.truncate(s.char_indices().nth(120).map_or(s.len(), |(i, _)| i));
        s
    }

    #[test]
    fn chart_text_is_escaped() {
        let svg = bars("<b>", &[("<script>alert(1)</script>".into(), 2.0)]);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn the_estimate_is_generous_and_counts_wide_characters_double() {
        assert_eq!(text_width("aa", 10.0), 12.4);
        assert_eq!(text_width("日本", 10.0), 24.8);
        assert!(text_width("WM", 10.0) > text_width("ab", 10.0));
        assert_eq!(
            text_width("e\u{301}", 10.0),
            6.2,
            "a combining accent takes no room"
        );
    }

    #[test]
    fn text_wraps_then_shrinks_then_is_cut() {
        let short = fit("Test first", 194.0, 3, &[13.0, 12.0]);
        assert_eq!((short.size, short.lines.len(), short.cut), (13.0, 1, false));
        let wrapped = fit("Important and known — keep monitoring", 194.0, 3, &[13.0]);
        assert_eq!(wrapped.lines.len(), 2);
        assert!(wrapped.lines.iter().all(|l| text_width(l, 13.0) <= 194.0));
        let long = "word ".repeat(40);
        let shrunk = fit(&long, 194.0, 8, &[13.0, 12.0, 11.0]);
        assert!(shrunk.size < 13.0 && !shrunk.cut, "{shrunk:?}");
        let cut = fit(&long, 194.0, 3, &[13.0, 12.0, 11.0]);
        assert!(cut.cut && cut.lines.len() == 3, "{cut:?}");
        assert!(cut.lines[2].ends_with('…'));
        assert!(cut.lines.iter().all(|l| text_width(l, 11.0) <= 194.0));
        let unbroken = fit(&"x".repeat(200), 100.0, 2, &[12.0]);
        assert!(unbroken.lines.iter().all(|l| text_width(l, 12.0) <= 100.0));
    }

    #[test]
    fn matrix_numbers_points_and_names_quadrants() {
        let q = quadrants(["Major", "Quick wins", "Sinks", "Fill-ins"]);
        let svg = matrix(
            "M",
            "Effort",
            "Impact",
            1.0,
            5.0,
            &q,
            &[("A".into(), 1.0, 5.0), ("B".into(), 1.0, 5.0)],
        );
        assert!(svg.contains("Quick wins"));
        assert_eq!(
            svg.matches("class=\"pt\"").count(),
            4,
            "two discs, two in the legend"
        );
        assert!(svg.starts_with("<svg role=\"img\"") && svg.ends_with("</svg>"));
        let d = assert_clear(&svg);
        assert!(legend_text(&d).contains("A (Quick wins)"));
    }

    #[test]
    fn the_assumptions_map_in_english_and_portuguese_keeps_inside_its_lines() {
        for (lang, names, x, y) in [
            (
                "en",
                EN,
                "Lack of evidence (5 = no evidence at all)",
                "Importance (5 = the idea fails without it)",
            ),
            (
                "pt",
                PT,
                "Falta de evidência (5 = nenhuma evidência)",
                "Importância (5 = a ideia falha sem isto)",
            ),
        ] {
            // Points 4 and 7 share their scores, as in the issue; 1 and 5 nearly do.
            let scores = [
                (2.0, 4.0),
                (5.0, 5.0),
                (4.0, 5.0),
                (2.0, 3.0),
                (2.1, 4.0),
                (4.0, 3.0),
                (2.0, 3.0),
            ];
            let points: Vec<(String, f64, f64)> = scores
                .iter()
                .enumerate()
                .map(|(i, (x, y))| (long_item(i + 1, lang), *x, *y))
                .collect();
            let svg = matrix("Map", x, y, 1.0, 5.0, &quadrants(names), &points);
            let d = assert_clear(&svg);
            let legend = legend_text(&d);
            for (label, _, _) in &points {
                assert!(legend.contains(label.as_str()), "{label} not in {legend}");
            }
            assert!(legend.contains(&format!("({})", names[1])), "{legend}");
            let columns = legend_columns(&d);
            assert_eq!(columns.len(), 1, "long items take one column");
        }
    }

    #[test]
    fn ten_items_sharing_one_cell_are_each_readable() {
        for (x, y) in [(5.0, 5.0), (3.0, 3.0), (1.0, 1.0), (2.0, 4.0)] {
            let mut points: Vec<(String, f64, f64)> =
                (1..=10).map(|i| (format!("Item {i}"), x, y)).collect();
            points.push(("Next door".into(), x - 1.0, y));
            points.push(("Above".into(), x, y - 1.0));
            let svg = matrix("M", "Effort", "Impact", 1.0, 5.0, &quadrants(EN), &points);
            let d = assert_clear(&svg);
            let numbers = d.texts.iter().filter(|t| t.0 == "ptn").count();
            assert_eq!(numbers, 24, "twelve in the plot, twelve in the legend");
        }
    }

    #[test]
    fn a_crowd_in_one_quadrant_gets_smaller_discs_not_overlapping_ones() {
        let points: Vec<(String, f64, f64)> =
            (1..=60).map(|i| (format!("{i}"), 5.0, 5.0)).collect();
        let svg = matrix("M", "x", "y", 1.0, 5.0, &quadrants(EN), &points);
        let d = assert_clear(&svg);
        assert!(d.circles.iter().any(|c| c.2 < 10.0));
        // However small the discs, their numbers are at least 6 units: the HTML widens the
        // chart until that is 12 px.
        for crowd in [60, 110] {
            let points: Vec<(String, f64, f64)> =
                (1..=crowd).map(|i| (format!("{i}"), 5.0, 5.0)).collect();
            let svg = matrix("M", "x", "y", 1.0, 5.0, &quadrants(EN), &points);
            assert_clear(&svg);
            let smallest = svg
                .split("class=\"ptn\"")
                .skip(1)
                .filter_map(|rest| {
                    let size = rest.split("font-size:").nth(1)?.split("px").next()?;
                    size.parse::<f64>().ok()
                })
                .fold(f64::INFINITY, f64::min);
            assert!(smallest >= 6.0, "{crowd} points: numbers at {smallest}");
        }
    }

    #[test]
    fn names_of_any_length_are_cut_with_their_full_text_kept() {
        let endless = "Importante e conhecido — continuar a acompanhar ".repeat(12);
        let unbroken = "Sem-espaços-".repeat(30);
        let wide = "重要且已知继续监测".repeat(8);
        let names = [endless.as_str(), unbroken.as_str(), wide.as_str(), "ok"];
        let axis = "Falta de evidência ".repeat(40);
        let points = vec![(endless.clone(), 4.0, 4.0), (wide.clone(), 1.0, 1.0)];
        let svg = matrix("M", &axis, &axis, 1.0, 5.0, &quadrants(names), &points);
        let d = assert_clear(&svg);
        assert!(d.titles.contains(&endless), "the cut name is kept whole");
        assert!(d.titles.contains(&axis), "the cut axis name is kept whole");
        assert!(legend_text(&d).contains(endless.trim_end()));
    }

    #[test]
    fn short_legends_take_two_columns_and_rows_never_meet() {
        let points: Vec<(String, f64, f64)> = (1..=9)
            .map(|i| (format!("Idea {i}"), (i % 5 + 1) as f64, (i % 3 + 2) as f64))
            .collect();
        let q = quadrants(["Major", "Quick wins", "Sinks", "Fill-ins"]);
        let svg = matrix("M", "Effort", "Impact", 1.0, 5.0, &q, &points);
        let d = assert_clear(&svg);
        let lefts = legend_columns(&d);
        assert_eq!(lefts.len(), 2, "{lefts:?}");
    }

    #[test]
    fn bars_keep_long_labels_inside_and_give_cut_ones_in_full() {
        let rows: Vec<(String, f64)> = vec![
            (long_item(1, "en"), 7.0),
            (long_item(2, "pt"), 3.0),
            ("Curto".into(), 0.0),
            (
                "Book a pickup slot online or by SMS in under two minutes ".repeat(8),
                1234.5,
            ),
        ];
        let svg = bars("Votes", &rows);
        let d = assert_clear(&svg);
        assert!(d.titles.contains(&rows[3].0));
        assert!(legend_text(&d).contains(rows[3].0.trim_end()));
        assert!(
            d.texts.iter().any(|t| t.0 == "label" && t.2.len() > 1),
            "a long label wraps"
        );
    }
}

/// Sample charts for eyes: `LABKIT_CHART_SAMPLES=out.html cargo test --lib chart_samples --
/// --ignored` writes them into a page with the report's stylesheet, to open or screenshot.
#[cfg(test)]
mod samples {
    use super::*;

    #[test]
    #[ignore = "writes a file to look at"]
    fn chart_samples() {
        let Ok(path) = std::env::var("LABKIT_CHART_SAMPLES") else {
            return;
        };
        let pt = [
            "Testar primeiro",
            "Importante e conhecido — continuar a acompanhar",
            "Desconhecido mas menor — pôr de parte",
            "Ignorar por agora",
        ]
        .map(str::to_owned);
        let en = [
            "Test first",
            "Important and known — keep monitoring",
            "Unknown but minor — park",
            "Ignore for now",
        ]
        .map(str::to_owned);
        let item = "Os pais querem que a prestação seja atribuída automaticamente sem terem de a pedir ao balcão da Segurança Social";
        let scores = [
            (2.0, 4.0),
            (5.0, 5.0),
            (4.0, 5.0),
            (2.0, 3.0),
            (2.1, 4.0),
            (4.0, 3.0),
            (2.0, 3.0),
        ];
        let long: Vec<(String, f64, f64)> = scores
            .iter()
            .enumerate()
            .map(|(i, (x, y))| (item.chars().take(60 + 8 * i).collect(), *x, *y))
            .collect();
        let mut crowd: Vec<(String, f64, f64)> =
            (1..=10).map(|i| (format!("Item {i}"), 5.0, 5.0)).collect();
        crowd.extend((11..=14).map(|i| (format!("Idea {i}"), 4.0, 5.0)));
        crowd.push(("Alone".into(), 1.0, 1.0));
        let endless = "Important and known — keep monitoring ".repeat(8);
        let charts = [
            matrix(
                "pt",
                "Falta de evidência (5 = nenhuma evidência)",
                "Importância (5 = a ideia falha sem isto)",
                1.0,
                5.0,
                &pt,
                &long,
            ),
            matrix("crowd", "Effort", "Impact", 1.0, 5.0, &en, &crowd),
            matrix(
                "endless",
                &endless,
                &endless,
                1.0,
                5.0,
                &[
                    endless.clone(),
                    "重要且已知继续监测".repeat(6),
                    en[2].clone(),
                    en[3].clone(),
                ],
                &[(endless.clone(), 3.0, 3.0)],
            ),
            bars(
                "bars",
                &[
                    (item.to_owned(), 7.0),
                    ("Curto".into(), 2.0),
                    (endless.clone(), 1234.5),
                ],
            ),
        ];
        let page = format!(
            "<!doctype html><meta charset=utf-8><style>{}</style><main>{}</main>",
            include_str!("report.css"),
            charts.join("\n")
        );
        std::fs::write(path, page).unwrap();
    }
}
