//! The SVG line chart of `labkit calc power --curve -o curve.svg`: power (0–1) against the
//! control arm's size or the difference, with the target power of 0.8 marked. A standalone
//! file, so it is written here rather than with the report charts (`charts.rs` draws bars and
//! the 2×2 matrix inside a report's `<figure>`); it shares their font list and escapes every
//! text it writes (`html::escape`), though all of it is labkit's own labels and numbers.

use std::fmt::Write;

use super::html::escape;

const FONT: &str = "'Source Sans 3', 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const WIDTH: f64 = 640.0;
const HEIGHT: f64 = 400.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 48.0;
const BOTTOM: f64 = 56.0;

/// The chart's texts and points `(x, power)`, x increasing.
pub struct Curve<'a> {
    pub title: &'a str,
    pub x_label: &'a str,
    pub y_label: &'a str,
    pub points: &'a [(f64, f64)],
    /// Formats an x tick (decimal comma in Portuguese).
    pub format_x: &'a dyn Fn(f64) -> String,
}

/// A whole SVG document.
pub fn svg(curve: &Curve) -> String {
    let mut out = String::with_capacity(4096 + curve.points.len() * 24);
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" viewBox="0 0 {WIDTH:.0} {HEIGHT:.0}" width="{WIDTH:.0}" height="{HEIGHT:.0}" font-family="{FONT}"><title>{title}</title><rect width="100%" height="100%" fill="#fff"/>"##,
        title = escape(curve.title)
    );
    let plot_w = WIDTH - LEFT - RIGHT;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let (x_min, x_max) = curve
        .points
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &(x, _)| {
            (lo.min(x), hi.max(x))
        });
    let (x_min, x_max) = if x_min.is_finite() && x_max > x_min {
        (x_min.min(0.0), x_max)
    } else {
        (0.0, 1.0)
    };
    let px = |x: f64| LEFT + (x - x_min) / (x_max - x_min) * plot_w;
    let py = |y: f64| TOP + (1.0 - y.clamp(0.0, 1.0)) * plot_h;
    let _ = write!(
        out,
        r##"<text x="{LEFT}" y="28" font-size="16" font-weight="600" fill="#1a1a1a">{}</text>"##,
        escape(curve.title)
    );
    // Horizontal grid and power ticks.
    for i in 0..=5 {
        let y = f64::from(i) / 5.0;
        let _ = write!(
            out,
            r##"<line x1="{LEFT}" y1="{yy:.1}" x2="{x2:.1}" y2="{yy:.1}" stroke="#ddd"/><text x="{tx:.1}" y="{ty:.1}" font-size="12" text-anchor="end" fill="#444">{y:.1}</text>"##,
            yy = py(y),
            x2 = LEFT + plot_w,
            tx = LEFT - 8.0,
            ty = py(y) + 4.0,
        );
    }
    // The usual target, 0.8.
    let _ = write!(
        out,
        r##"<line x1="{LEFT}" y1="{y:.1}" x2="{x2:.1}" y2="{y:.1}" stroke="#b35c00" stroke-dasharray="6 4"/>"##,
        y = py(0.8),
        x2 = LEFT + plot_w
    );
    // x ticks.
    for i in 0..=4 {
        let x = x_min + (x_max - x_min) * f64::from(i) / 4.0;
        let _ = write!(
            out,
            r##"<line x1="{xx:.1}" y1="{y1:.1}" x2="{xx:.1}" y2="{y2:.1}" stroke="#999"/><text x="{xx:.1}" y="{ty:.1}" font-size="12" text-anchor="middle" fill="#444">{}</text>"##,
            escape(&(curve.format_x)(x)),
            xx = px(x),
            y1 = TOP + plot_h,
            y2 = TOP + plot_h + 5.0,
            ty = TOP + plot_h + 20.0,
        );
    }
    let _ = write!(
        out,
        r##"<line x1="{LEFT}" y1="{b:.1}" x2="{r:.1}" y2="{b:.1}" stroke="#333"/><line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{b:.1}" stroke="#333"/>"##,
        b = TOP + plot_h,
        r = LEFT + plot_w
    );
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="13" text-anchor="middle" fill="#1a1a1a">{}</text><text transform="translate(18 {cy:.1}) rotate(-90)" font-size="13" text-anchor="middle" fill="#1a1a1a">{}</text>"##,
        escape(curve.x_label),
        escape(curve.y_label),
        x = LEFT + plot_w / 2.0,
        y = HEIGHT - 12.0,
        cy = TOP + plot_h / 2.0,
    );
    if !curve.points.is_empty() {
        out.push_str(r##"<polyline fill="none" stroke="#005a9c" stroke-width="2.5" points=""##);
        for (i, &(x, y)) in curve.points.iter().enumerate() {
            if i > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{:.1},{:.1}", px(x), py(y));
        }
        out.push_str(r#""/>"#);
    }
    out.push_str("</svg>\n");
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_draws_every_point() {
        let format = |x: f64| format!("{x:.0}");
        let svg = svg(&Curve {
            title: "a <b> & \"c\"",
            x_label: "n",
            y_label: "power",
            points: &[(10.0, 0.2), (20.0, 0.5), (30.0, 0.9)],
            format_x: &format,
        });
        assert!(svg.contains("a &lt;b&gt; &amp; &quot;c&quot;"));
        assert!(!svg.contains("<b>"));
        let line = svg.split("points=\"").nth(1).unwrap();
        assert_eq!(line.split('"').next().unwrap().split(' ').count(), 3);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    }
}
