//! SVG for the charts in HTML reports: horizontal bars (votes) and the 2×2 matrix (scores over
//! two criteria). Every piece of text is escaped; the SVG is built here, never from input.

use std::fmt::Write as _;

use super::html::escape;
use super::markdown::{Chart, quadrant};

pub fn svg(chart: &Chart) -> String {
    match chart {
        Chart::Bars { title, rows, .. } => bars(title, rows),
        Chart::Matrix {
            title,
            x_label,
            y_label,
            min,
            max,
            quadrants,
            points,
            ..
        } => matrix(title, x_label, y_label, *min, *max, quadrants, points),
    }
}

fn bars(title: &str, rows: &[(String, f64)]) -> String {
    // Labels wrap onto a second line rather than being cut, so every item can be read.
    let (label_w, bar_w, line_h) = (330.0, 300.0, 15.0);
    let lines: Vec<Vec<String>> = rows.iter().map(|(label, _)| wrap(label, 44, 2)).collect();
    let heights: Vec<f64> = lines
        .iter()
        .map(|l| 12.0 + l.len() as f64 * line_h)
        .collect();
    let height = 10.0 + heights.iter().sum::<f64>();
    let max = rows.iter().map(|r| r.1).fold(0.0_f64, f64::max).max(1.0);
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<figure class="chart"><svg role="img" aria-label="{}" viewBox="0 0 {} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">"#,
        escape(title),
        label_w + bar_w + 50.0
    );
    let mut y = 6.0;
    for (((_, value), label_lines), h) in rows.iter().zip(&lines).zip(&heights) {
        let w = (value / max * bar_w).max(if *value > 0.0 { 2.0 } else { 0.0 });
        let text_top = y + (h - label_lines.len() as f64 * line_h) / 2.0 + 11.0;
        let _ = write!(
            out,
            r#"<text x="{}" y="{text_top:.1}" text-anchor="end" class="label">"#,
            label_w - 8.0
        );
        for (k, line) in label_lines.iter().enumerate() {
            let dy = if k == 0 { 0.0 } else { line_h };
            let _ = write!(
                out,
                r#"<tspan x="{}" dy="{dy}">{}</tspan>"#,
                label_w - 8.0,
                escape(line)
            );
        }
        let bar_y = y + h / 2.0 - 9.0;
        let _ = write!(
            out,
            r#"</text><rect x="{label_w}" y="{bar_y:.1}" width="{w:.1}" height="18" rx="3" class="bar"/><text x="{:.1}" y="{:.1}" class="value">{}</text>"#,
            label_w + w + 6.0,
            bar_y + 14.0,
            if value.fract() == 0.0 {
                format!("{value:.0}")
            } else {
                format!("{value:.1}")
            }
        );
        y += h;
    }
    out.push_str("</svg></figure>");
    out
}

/// Splits text into at most `max_lines` lines of about `width` characters, at spaces; the
/// last line is shortened with an ellipsis only if the text is longer still.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(shorten(&rest, width));
    }
    lines.into_iter().map(|l| shorten(&l, width + 8)).collect()
}

fn matrix(
    title: &str,
    x_label: &str,
    y_label: &str,
    min: f64,
    max: f64,
    quadrants: &[String; 4],
    points: &[(String, f64, f64)],
) -> String {
    let (size, pad) = (420.0, 46.0);
    // Scores are points on a scale: each value gets a band, and a value on the midpoint (which
    // counts as high) sits visibly on the high side of the dividing line.
    let span = (max - min).max(1.0);
    let mid = (min + max) / 2.0;
    let share = |v: f64| {
        let nudge = if v == mid { 0.06 } else { 0.0 };
        ((v - min + 0.5) / (span + 1.0) + nudge).clamp(0.03, 0.97)
    };
    let to_x = |v: f64| pad + share(v) * size;
    let to_y = |v: f64| pad + size - share(v) * size;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<figure class="chart matrix"><svg role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" xmlns="http://www.w3.org/2000/svg">"#,
        escape(title),
        size + pad * 2.0,
        size + pad * 2.0
    );
    let half = size / 2.0;
    // Quadrants: top-right, top-left, bottom-right, bottom-left (y = first criterion).
    let cells = [
        (pad + half, pad, &quadrants[0]),
        (pad, pad, &quadrants[1]),
        (pad + half, pad + half, &quadrants[2]),
        (pad, pad + half, &quadrants[3]),
    ];
    for (i, (x, y, name)) in cells.iter().enumerate() {
        let _ = write!(
            out,
            r#"<rect x="{x}" y="{y}" width="{half}" height="{half}" class="q q{i}"/><text x="{}" y="{}" text-anchor="middle" class="qname">{}</text>"#,
            x + half / 2.0,
            y + 18.0,
            escape(name)
        );
    }
    let _ = write!(
        out,
        r#"<text x="{}" y="{}" text-anchor="middle" class="axis">{} →</text><text x="14" y="{}" text-anchor="middle" class="axis" transform="rotate(-90 14 {})">{} →</text>"#,
        pad + half,
        size + pad * 2.0 - 10.0,
        escape(x_label),
        pad + half,
        pad + half,
        escape(y_label)
    );
    // Points that share a position are spread on a small circle so each stays visible.
    let mut seen: Vec<((i64, i64), usize)> = Vec::new();
    for (n, (_, x, y)) in points.iter().enumerate() {
        let key = ((x * 100.0) as i64, (y * 100.0) as i64);
        let k = match seen.iter_mut().find(|(p, _)| *p == key) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                seen.push((key, 0));
                0
            }
        };
        let angle = k as f64 * 2.4;
        let r = if k == 0 { 0.0 } else { 9.0 + 3.0 * k as f64 };
        let (cx, cy) = (to_x(*x) + r * angle.cos(), to_y(*y) + r * angle.sin());
        let _ = write!(
            out,
            r#"<circle cx="{cx:.1}" cy="{cy:.1}" r="10" class="pt"/><text x="{cx:.1}" y="{:.1}" text-anchor="middle" class="ptn">{}</text>"#,
            cy + 4.0,
            n + 1
        );
    }
    out.push_str("</svg><figcaption><ol>");
    for (label, x, y) in points {
        let _ = write!(
            out,
            "<li>{} <span class=\"muted\">({})</span></li>",
            escape(label),
            escape(quadrant(quadrants, min, max, *x, *y))
        );
    }
    out.push_str("</ol></figcaption></figure>");
    out
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    } else {
        text.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_text_is_escaped() {
        let svg = bars("<b>", &[("<script>alert(1)</script>".into(), 2.0)]);
        assert!(!svg.contains("<script>"), "{svg}");
        assert!(svg.contains("&lt;script&gt;"));
    }

    #[test]
    fn long_labels_wrap_instead_of_being_cut() {
        let lines = wrap(
            "Book a pickup slot online or by SMS in under two minutes",
            44,
            2,
        );
        assert_eq!(
            lines,
            vec![
                "Book a pickup slot online or by SMS in under",
                "two minutes"
            ]
        );
    }

    #[test]
    fn matrix_numbers_points_and_names_quadrants() {
        let q = [
            "Major".to_owned(),
            "Quick wins".to_owned(),
            "Sinks".to_owned(),
            "Fill-ins".to_owned(),
        ];
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
        assert_eq!(svg.matches("class=\"pt\"").count(), 2);
        assert!(
            svg.contains("<li>A <span class=\"muted\">(Quick wins)</span></li>"),
            "{svg}"
        );
    }
}
