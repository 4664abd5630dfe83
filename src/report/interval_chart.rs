//! The SVG of an interval chart (a forest plot): each comparison's estimate as a dot and its
//! confidence interval as a line, on one horizontal axis with a line at zero (no effect) and,
//! when given, a dashed line at a reference value (the plan's minimum effect). Used by the
//! readout of `labkit analyse`. Every text is escaped; labels too long for their column are cut
//! with an ellipsis and keep their full text in a `<title>`. Sizes and colours are written on
//! the elements, as in `charts`, so the SVG draws the same on its own.

use std::fmt::Write as _;

use super::charts::text_width;
use super::html::escape;

const FONT: &str = "'Source Sans 3', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const INK: &str = "#1d2330";
const MUTED: &str = "#5b6475";
const LINE: &str = "#d8dde6";
const ACCENT: &str = "#1f5fa8";
const WARM: &str = "#b4541a";

/// A step of 1, 2 or 5 times a power of ten giving about `n` ticks over `span`.
fn nice_step(span: f64, n: f64) -> f64 {
    let raw = (span / n).max(f64::MIN_POSITIVE);
    let mag = 10f64.powf(raw.log10().floor());
    let f = raw / mag;
    mag * if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    }
}

/// A tick's number: no more decimals than the step needs.
fn tick_text(x: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let s = format!("{x:.decimals$}");
    if s.starts_with('-')
        && s.trim_start_matches('-')
            .chars()
            .all(|c| c == '0' || c == '.')
    {
        s[1..].to_owned()
    } else {
        s
    }
}

/// `text` cut with an ellipsis to fit `width` pixels at `size`.
fn cut(text: &str, width: f64, size: f64) -> (String, bool) {
    if text_width(text, size) <= width {
        return (text.to_owned(), false);
    }
    let mut out = String::new();
    for c in text.chars() {
        if text_width(&format!("{out}{c}…"), size) > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    (out, true)
}

/// The chart: `rows` are (label, estimate, low, high).
/// `a11y`: the accessible name (and description) as attributes, already escaped.
pub fn svg(
    a11y: &str,
    value_label: &str,
    rows: &[(String, f64, f64, f64)],
    reference: Option<f64>,
    reference_label: &str,
) -> String {
    let (width, label_w, right) = (680.0, 250.0, 24.0);
    let (row_h, top) = (34.0, 30.0);
    let finite = |x: &f64| x.is_finite();
    let mut lo = 0.0_f64;
    let mut hi = 0.0_f64;
    for (_, e, l, h) in rows {
        for v in [e, l, h].into_iter().filter(|v| finite(v)) {
            lo = lo.min(*v);
            hi = hi.max(*v);
        }
    }
    if let Some(r) = reference.filter(finite) {
        lo = lo.min(r);
        hi = hi.max(r);
    }
    if hi - lo <= 0.0 {
        hi = lo + 1.0;
    }
    let pad = (hi - lo) * 0.08;
    let step = nice_step(hi - lo + 2.0 * pad, 5.0);
    let (lo, hi) = (
        ((lo - pad) / step).floor() * step,
        ((hi + pad) / step).ceil() * step,
    );
    let plot_w = width - label_w - right;
    let x = |v: f64| label_w + (v - lo) / (hi - lo) * plot_w;
    let plot_h = row_h * rows.len() as f64;
    let axis_y = top + plot_h + 6.0;
    let height = axis_y + 50.0;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img"{a11y} font-family="{f}">"#,
        f = escape(FONT)
    );
    // Ticks and grid.
    let mut v = lo;
    while v <= hi + step / 2.0 {
        let xv = x(v);
        let _ = write!(
            out,
            r#"<line x1="{xv:.1}" y1="{top}" x2="{xv:.1}" y2="{axis_y}" stroke="{LINE}" stroke-width="1"/><text x="{xv:.1}" y="{:.1}" text-anchor="middle" fill="{MUTED}" style="font-size:12px">{}</text>"#,
            axis_y + 16.0,
            escape(&tick_text(v, step))
        );
        v += step;
    }
    let _ = write!(
        out,
        r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" fill="{MUTED}" style="font-size:12px">{}</text>"#,
        label_w + plot_w / 2.0,
        axis_y + 36.0,
        escape(&cut(value_label, plot_w, 12.0).0)
    );
    // No effect, and the reference.
    let x0 = x(0.0);
    let _ = write!(
        out,
        r#"<line x1="{x0:.1}" y1="{:.1}" x2="{x0:.1}" y2="{axis_y}" stroke="{INK}" stroke-width="1.5"/>"#,
        top - 8.0
    );
    if let Some(r) = reference.filter(finite) {
        let xr = x(r);
        let anchor = if xr > label_w + plot_w * 0.7 {
            "end"
        } else {
            "start"
        };
        let dx = if anchor == "end" { -4.0 } else { 4.0 };
        let _ = write!(
            out,
            r#"<line x1="{xr:.1}" y1="{:.1}" x2="{xr:.1}" y2="{axis_y}" stroke="{WARM}" stroke-width="1.5" stroke-dasharray="5 4"/><text x="{:.1}" y="{:.1}" text-anchor="{anchor}" fill="{WARM}" style="font-size:12px">{}</text>"#,
            top - 8.0,
            xr + dx,
            top - 12.0,
            escape(&cut(reference_label, plot_w * 0.6, 12.0).0)
        );
    }
    for (i, (label, e, l, h)) in rows.iter().enumerate() {
        let cy = top + row_h * (i as f64 + 0.5);
        let (shown, was_cut) = cut(label, label_w - 12.0, 13.0);
        let title = if was_cut {
            format!("<title>{}</title>", escape(label))
        } else {
            String::new()
        };
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" fill="{INK}" style="font-size:13px">{title}{}</text>"#,
            label_w - 12.0,
            cy + 4.5,
            escape(&shown)
        );
        if [e, l, h].into_iter().all(finite) {
            let _ = write!(
                out,
                r#"<line x1="{:.1}" y1="{cy:.1}" x2="{:.1}" y2="{cy:.1}" stroke="{ACCENT}" stroke-width="3" stroke-linecap="round"/><circle cx="{:.1}" cy="{cy:.1}" r="6" fill="{ACCENT}"/>"#,
                x(*l),
                x(*h),
                x(*e)
            );
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn draws_each_interval_inside_the_box_and_escapes_text() {
        let rows = vec![
            ("sms − control".to_owned(), 7.2, 3.1, 11.3),
            ("<b>letter</b> − control ".repeat(5), -2.0, -6.5, 2.5),
        ];
        let svg = svg(
            r#" aria-label="Effect &amp; interval""#,
            "points",
            &rows,
            Some(6.0),
            "planned: 6",
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<b>"), "{svg}");
        assert!(svg.contains("&lt;b&gt;"));
        assert!(svg.contains("Effect &amp; interval"));
        assert_eq!(svg.matches("<circle").count(), 2);
        // Every x coordinate lies inside the 680-pixel box.
        for part in svg
            .split(" x1=\"")
            .skip(1)
            .chain(svg.split(" cx=\"").skip(1))
        {
            let v: f64 = part.split('"').next().unwrap().parse().unwrap();
            assert!((0.0..=680.0).contains(&v), "{v}");
        }
        assert_eq!(nice_step(10.0, 5.0), 2.0);
        assert_eq!(tick_text(-0.0, 0.5), "0.0");
    }
}
