//! Charts as pictures for Word: the SVG the HTML report shows ([`super::charts::svg`]),
//! rasterised in process by resvg and encoded as PNG. It draws; it does not place the picture in
//! the document (that is [`super::docx`]) nor package it ([`super::ooxml`]).
//!
//! Fonts: one embedded font, DejaVu Sans (regular and bold, from the `dejavu` crate; licence
//! in `docs/licenses/DejaVu.txt`), and no system fonts. Why:
//! - the same session gives the same picture on every machine, so tests can check it and a
//!   document does not change with the computer that wrote it;
//! - CI machines and containers often have no fonts at all, and resvg draws no text without
//!   one: a chart with no labels would be worse than no chart;
//! - a system scan (fontdb's `load_system_fonts`) reads every font file's tables, tens of
//!   milliseconds or more on a desktop with many fonts; parsing two embedded faces takes well
//!   under a millisecond, and happens only when a Word document with charts is written, never
//!   at start-up;
//! - DejaVu Sans covers Latin with every Portuguese accent, Greek and Cyrillic, and it is
//!   wide, so the charts' conservative text measure (`charts::text_width`) still holds;
//!   LibreOffice's usual fallback font, it also matches what many Word readers see.
//!
//! The cost is the binary's size (about 1.4 MB for the two faces). The chart's table stays
//! beneath the picture in the document, so a glyph the font lacks loses nothing.
//!
//! The SVG is labkit's own (built from escaped text), but it is read with every outside
//! reference refused all the same: no image files or data URLs are loaded.

use std::sync::Arc;

use resvg::tiny_skia;
use resvg::usvg::{self, fontdb};

/// How many pixels a CSS pixel of the chart becomes: twice, so print stays sharp (a 680 px
/// chart is 1360 pixels across, about 200 dpi at the A4 text width).
const SCALE: f32 = 2.0;

/// The family the SVG's `sans-serif` (the end of its font stack) resolves to.
const FAMILY: &str = "DejaVu Sans";

/// A chart drawn as PNG.
pub struct Picture {
    pub png: Vec<u8>,
    /// The chart's size in CSS pixels (its `viewBox`): the aspect ratio the page keeps.
    pub width: f32,
    pub height: f32,
}

/// Draws SVG with the embedded font. Made once per document, and only for one with charts.
pub struct Rasteriser {
    options: usvg::Options<'static>,
}

impl Rasteriser {
    pub fn new() -> Rasteriser {
        let mut fonts = fontdb::Database::new();
        for face in [dejavu::sans::regular(), dejavu::sans::bold()] {
            fonts.load_font_source(fontdb::Source::Binary(Arc::new(face)));
        }
        fonts.set_sans_serif_family(FAMILY);
        let options = usvg::Options {
            font_family: FAMILY.to_owned(),
            fontdb: Arc::new(fonts),
            image_href_resolver: usvg::ImageHrefResolver {
                resolve_data: Box::new(|_, _, _| None),
                resolve_string: Box::new(|_, _| None),
            },
            ..usvg::Options::default()
        };
        Rasteriser { options }
    }

    /// Draws one chart's SVG (an `<svg>` element, or HTML holding one such as the `<figure>`
    /// that [`super::charts::svg`] returns) on white, at [`SCALE`]. `None` when there is no
    /// SVG or it cannot be drawn; the table beneath the picture holds the data all the same.
    pub fn picture(&self, html: &str) -> Option<Picture> {
        let start = html.find("<svg")?;
        let end = html.rfind("</svg>")? + "</svg>".len();
        let tree = usvg::Tree::from_str(html.get(start..end)?, &self.options).ok()?;
        let size = tree.size();
        let pixels = size.to_int_size().scale_by(SCALE)?;
        let mut pixmap = tiny_skia::Pixmap::new(pixels.width(), pixels.height())?;
        pixmap.fill(tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            tiny_skia::Transform::from_scale(SCALE, SCALE),
            &mut pixmap.as_mut(),
        );
        Some(Picture {
            png: pixmap.encode_png().ok()?,
            width: size.width(),
            height: size.height(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::charts;
    use crate::report::markdown::Chart;

    /// Width and height from a PNG's IHDR chunk.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "PNG signature");
        assert_eq!(&png[12..16], b"IHDR");
        let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
        (be(16), be(20))
    }

    /// How many pixels of a picture are neither white nor the bars' colour: text, mostly.
    fn inked(png: &[u8]) -> usize {
        let pixmap = tiny_skia::Pixmap::decode_png(png).unwrap();
        pixmap
            .pixels()
            .iter()
            .filter(|p| p.red() < 120 && p.green() < 120 && p.blue() < 120)
            .count()
    }

    fn bars(labels: &[&str]) -> Chart {
        Chart::Bars {
            title: "Votes".into(),
            item_label: "Item".into(),
            value_label: "Dots".into(),
            rows: labels
                .iter()
                .enumerate()
                .map(|(i, l)| ((*l).to_owned(), (i + 1) as f64))
                .collect(),
        }
    }

    #[test]
    fn a_chart_becomes_a_png_twice_its_size_with_its_text_drawn() {
        let raster = Rasteriser::new();
        let chart = bars(&["Formulário mais curto", "Lembrete por SMS às famílias"]);
        let picture = raster.picture(&charts::svg(&chart)).unwrap();
        let (w, h) = png_size(&picture.png);
        assert_eq!(w, (picture.width * SCALE) as u32);
        assert_eq!(h, (picture.height * SCALE).ceil() as u32);
        assert!(picture.width > 600.0 && picture.height > 40.0);
        // The labels are drawn with the embedded font: dark pixels beyond the bars' blue.
        assert!(inked(&picture.png) > 500, "{}", inked(&picture.png));
        // The same chart gives the same picture.
        assert_eq!(
            raster.picture(&charts::svg(&chart)).unwrap().png,
            picture.png
        );
    }

    #[test]
    fn no_svg_no_picture() {
        let raster = Rasteriser::new();
        assert!(raster.picture("<p>no chart</p>").is_none());
        assert!(raster.picture("<svg").is_none());
    }
}
