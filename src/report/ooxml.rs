//! The parts of a Word package around the body: styles, numbering, settings, theme, document
//! properties, content types and relationships, and the zip that holds them. It knows the
//! WordprocessingML schema's element order and writes every element in it; it does not read
//! Markdown (that is [`super::docx`]).
//!
//! Every part is written as text in schema order, not built with a model library: docx-rs 0.4
//! (used until issue 14) wrote `rPr` before `pStyle` and `numId` before `ilvl`, added a default
//! numbering whose ids collided with ours (so bullets became one running numbered list), had no
//! outline levels on styles and dated every file 1970 by "unknown". Fixing that meant
//! re-parsing and reordering its XML; the dozen elements labkit uses are shorter to write
//! right once, and writing them straight into the output is faster and lighter than a model.

use std::io::{Cursor, Write};

use zip::CompressionMethod;
use zip::write::{SimpleFileOptions, ZipWriter};

use super::ReportError;

pub const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Text for XML element content and attribute values.
pub fn escape(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Text from a session for a property: made XML-safe first, as the body's text is.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape(&super::docx::xml_safe(text), &mut out);
    out
}

/// The opening of `word/document.xml`, up to and including `<w:body>`.
pub fn document_head() -> String {
    format!(
        r#"{DECL}<w:document xmlns:w="{W}" xmlns:r="{R}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><w:body>"#
    )
}

/// A4 with 2 cm margins: the width left for text, in twentieths of a point.
pub const TEXT_WIDTH: u32 = 11906 - 2 * 1134;

/// The end of `word/document.xml`: the section (A4, 2 cm margins) and the closing tags.
pub fn document_tail() -> &'static str {
    r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr></w:body></w:document>"#
}

/// The language tag Word proofs with: labkit's `pt` is European Portuguese, its `en` British
/// English (the labs it was written for); an added language is its own tag (`es`, `es-MX`).
pub fn language_tag(lang: &str) -> String {
    match lang {
        "pt" => "pt-PT".into(),
        "en" => "en-GB".into(),
        other => crate::lang::Lang::canonical(other).unwrap_or_else(|| "en-GB".into()),
    }
}

/// `word/styles.xml`: the defaults carry the language; headings carry outline levels 0–2 so
/// Word's navigation pane, LibreOffice's Navigator and PDF bookmarks see them.
fn styles(lang: &str) -> String {
    let heading = |level: u8, size: u32, color: &str| {
        format!(
            r#"<w:style w:type="paragraph" w:styleId="Heading{n}"><w:name w:val="heading {n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="{before}" w:after="120"/><w:outlineLvl w:val="{level}"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:cstheme="majorBidi"/><w:b/><w:bCs/><w:color w:val="{color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>"#,
            n = level + 1,
            before = 360 - u32::from(level) * 80,
        )
    };
    format!(
        concat!(
            r#"{decl}<w:styles xmlns:w="{w}">"#,
            r#"<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia" w:hAnsiTheme="minorHAnsi" w:cstheme="minorBidi"/><w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="{lang}" w:eastAsia="{lang}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>"#,
            r#"<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#,
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr><w:lang w:val="{lang}"/></w:rPr></w:style>"#,
            r#"<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="10"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:after="120"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:hAnsiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia" w:cstheme="majorBidi"/><w:b/><w:bCs/><w:sz w:val="44"/><w:szCs w:val="44"/></w:rPr></w:style>"#,
            "{h1}{h2}{h3}",
            r#"<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:spacing w:after="60"/><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:uiPriority w:val="35"/><w:qFormat/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:i/><w:iCs/><w:color w:val="44546A"/><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>"#,
            r#"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#,
            r#"<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/><w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:left w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:right w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/></w:tblBorders></w:tblPr></w:style>"#,
            "</w:styles>"
        ),
        decl = DECL,
        w = W,
        lang = lang,
        h1 = heading(0, 32, "1F3864"),
        h2 = heading(1, 28, "1F5FA8"),
        h3 = heading(2, 24, "1F3864"),
    )
}

/// The numbering definitions: abstract 0 is bullets, abstract 1 decimal numbers; num 1 is
/// every bullet list, and each numbered list has its own num (2, 3, …) that restarts its
/// count at the list's start, so no list carries on from another.
fn numbering(starts: &[ListStart]) -> String {
    let mut out = format!(r#"{DECL}<w:numbering xmlns:w="{W}">"#);
    for (id, bullet) in [(0, true), (1, false)] {
        out.push_str(&format!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="hybridMultilevel"/>"#
        ));
        for level in 0..9u32 {
            let (format, text) = if bullet {
                ("bullet", ["•", "◦", "▪"][level as usize % 3].to_owned())
            } else {
                ("decimal", format!("%{}.", level + 1))
            };
            out.push_str(&format!(
                r#"<w:lvl w:ilvl="{level}"><w:start w:val="1"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{left}" w:hanging="360"/></w:pPr></w:lvl>"#,
                left = 720 * (level + 1)
            ));
        }
        out.push_str("</w:abstractNum>");
    }
    out.push_str(r#"<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>"#);
    for (n, start) in starts.iter().enumerate() {
        out.push_str(&format!(
            r#"<w:num w:numId="{id}"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="{level}"><w:startOverride w:val="{value}"/></w:lvlOverride></w:num>"#,
            id = n + 2,
            level = start.level,
            value = start.first,
        ));
    }
    out.push_str("</w:numbering>");
    out
}

/// The num id of the bullet lists.
pub const BULLET_NUM: usize = 1;

/// The num id of the `n`th numbered list (from 0).
pub fn numbered_num(n: usize) -> usize {
    n + 2
}

/// How a numbered list starts: the level it sits at (0 for a list that is not nested) and its
/// first number.
#[derive(Clone, Copy)]
pub struct ListStart {
    pub level: usize,
    pub first: u64,
}

fn settings(lang: &str) -> String {
    format!(
        concat!(
            r#"{decl}<w:settings xmlns:w="{w}"><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>"#,
            r#"<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>"#,
            r#"<w:themeFontLang w:val="{lang}"/></w:settings>"#
        ),
        decl = DECL,
        w = W,
        lang = lang
    )
}

/// A small theme: Office's colours and two fonts every reader has or substitutes well.
fn theme() -> String {
    let colours = [
        ("dk1", r#"<a:sysClr val="windowText" lastClr="000000"/>"#),
        ("lt1", r#"<a:sysClr val="window" lastClr="FFFFFF"/>"#),
        ("dk2", r#"<a:srgbClr val="1F3864"/>"#),
        ("lt2", r#"<a:srgbClr val="E7E6E6"/>"#),
        ("accent1", r#"<a:srgbClr val="1F5FA8"/>"#),
        ("accent2", r#"<a:srgbClr val="C55A11"/>"#),
        ("accent3", r#"<a:srgbClr val="548235"/>"#),
        ("accent4", r#"<a:srgbClr val="BF9000"/>"#),
        ("accent5", r#"<a:srgbClr val="7030A0"/>"#),
        ("accent6", r#"<a:srgbClr val="2E75B6"/>"#),
        ("hlink", r#"<a:srgbClr val="0563C1"/>"#),
        ("folHlink", r#"<a:srgbClr val="954F72"/>"#),
    ];
    let mut scheme = String::new();
    for (name, colour) in colours {
        scheme.push_str(&format!("<a:{name}>{colour}</a:{name}>"));
    }
    let font = |face: &str| {
        format!(r#"<a:latin typeface="{face}"/><a:ea typeface=""/><a:cs typeface=""/>"#)
    };
    let solid = r#"<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>"#;
    let line = r#"<a:ln w="6350"><a:solidFill><a:schemeClr val="phClr"/></a:solidFill></a:ln>"#;
    let effect = "<a:effectStyle><a:effectLst/></a:effectStyle>";
    format!(
        concat!(
            r#"{decl}<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="labkit"><a:themeElements>"#,
            r#"<a:clrScheme name="labkit">{scheme}</a:clrScheme>"#,
            r#"<a:fontScheme name="labkit"><a:majorFont>{major}</a:majorFont><a:minorFont>{minor}</a:minorFont></a:fontScheme>"#,
            r#"<a:fmtScheme name="labkit"><a:fillStyleLst>{s}{s}{s}</a:fillStyleLst><a:lnStyleLst>{l}{l}{l}</a:lnStyleLst>"#,
            r#"<a:effectStyleLst>{e}{e}{e}</a:effectStyleLst><a:bgFillStyleLst>{s}{s}{s}</a:bgFillStyleLst></a:fmtScheme>"#,
            r#"</a:themeElements><a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"#
        ),
        decl = DECL,
        scheme = scheme,
        major = font("Calibri Light"),
        minor = font("Calibri"),
        s = solid,
        l = line,
        e = effect,
    )
}

/// A saved time as W3CDTF (`2026-11-26T09:30:00Z` or `2026-11-26`), or nothing when it is
/// something else (a hand-edited session): a malformed date makes Word refuse the file.
fn w3cdtf(saved: &str) -> Option<&str> {
    let b = saved.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let date = digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10);
    let ok = date
        && (b.len() == 10
            || (b.get(10) == Some(&b'T')
                && saved[11..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || ":.+-Z".contains(c))));
    ok.then_some(saved)
}

/// What goes into `docProps/core.xml` and `app.xml`.
pub struct Properties<'a> {
    pub title: &'a str,
    pub subject: &'a str,
    pub author: Option<&'a str>,
    pub company: Option<&'a str>,
    pub language: &'a str,
    pub created: &'a str,
    pub modified: &'a str,
}

fn core(p: &Properties) -> String {
    let mut out = format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
    );
    out.push_str(&format!("<dc:title>{}</dc:title>", escaped(p.title)));
    out.push_str(&format!("<dc:subject>{}</dc:subject>", escaped(p.subject)));
    if let Some(author) = p.author {
        out.push_str(&format!("<dc:creator>{}</dc:creator>", escaped(author)));
        out.push_str(&format!(
            "<cp:lastModifiedBy>{}</cp:lastModifiedBy>",
            escaped(author)
        ));
    }
    out.push_str(&format!("<dc:language>{}</dc:language>", p.language));
    for (name, saved) in [("created", p.created), ("modified", p.modified)] {
        if let Some(at) = w3cdtf(saved) {
            out.push_str(&format!(
                r#"<dcterms:{name} xsi:type="dcterms:W3CDTF">{at}</dcterms:{name}>"#
            ));
        }
    }
    out.push_str("</cp:coreProperties>");
    out
}

fn app(p: &Properties) -> String {
    let company = p
        .company
        .map(|c| format!("<Company>{}</Company>", escaped(c)))
        .unwrap_or_default();
    format!(
        r#"{DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>labkit {}</Application>{company}</Properties>"#,
        env!("CARGO_PKG_VERSION")
    )
}

fn content_types() -> String {
    let over =
        |part: &str, kind: &str| format!(r#"<Override PartName="{part}" ContentType="{kind}"/>"#);
    let wml = "application/vnd.openxmlformats-officedocument.wordprocessingml";
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>{}{}{}{}{}{}{}</Types>"#,
        over("/word/document.xml", &format!("{wml}.document.main+xml")),
        over("/word/styles.xml", &format!("{wml}.styles+xml")),
        over("/word/numbering.xml", &format!("{wml}.numbering+xml")),
        over("/word/settings.xml", &format!("{wml}.settings+xml")),
        over(
            "/word/theme/theme1.xml",
            "application/vnd.openxmlformats-officedocument.theme+xml"
        ),
        over(
            "/docProps/core.xml",
            "application/vnd.openxmlformats-package.core-properties+xml"
        ),
        over(
            "/docProps/app.xml",
            "application/vnd.openxmlformats-officedocument.extended-properties+xml"
        ),
    )
}

const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

fn package_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    )
}

/// The relationship id of the `n`th picture (from 0) in `document.xml.rels`.
pub fn image_rel(n: usize) -> String {
    format!("rIdImage{}", n + 1)
}

/// EMU (English Metric Units) in a twentieth of a point.
const EMU_PER_TWIP: u64 = 635;

/// A4's height less its margins, in twentieths of a point.
const TEXT_HEIGHT: u32 = 16838 - 2 * 1134;

/// How many CSS pixels of a chart span the text width: the bars chart's 680, so that it fills
/// the width and every chart's text comes out the same size (13 px ≈ 9 pt).
const CHART_PX_AT_TEXT_WIDTH: f64 = 680.0;

/// A chart's size on the page in EMU from its size in CSS pixels, keeping the aspect ratio:
/// one scale for every chart (see [`CHART_PX_AT_TEXT_WIDTH`]), never wider than the text nor
/// taller than most of a page (a long legend), so it never overflows one.
pub fn picture_extent(size: (f32, f32)) -> (u64, u64) {
    let full = f64::from(TEXT_WIDTH) * EMU_PER_TWIP as f64;
    let tallest = f64::from(TEXT_HEIGHT) * EMU_PER_TWIP as f64 * 0.85;
    let (w, h) = (f64::from(size.0.max(1.0)), f64::from(size.1.max(1.0)));
    let scale = (full / CHART_PX_AT_TEXT_WIDTH)
        .min(full / w)
        .min(tallest / h);
    ((w * scale).round() as u64, (h * scale).round() as u64)
}

/// The paragraph holding the `n`th picture (from 0) of the document, `media/chart{n+1}.png`,
/// inline and centred, kept with the table that follows it; `alt` is its alternative text
/// (`wp:docPr descr`) for screen readers. Elements in the schema's order: `wp:inline` holds
/// extent, effectExtent, docPr, cNvGraphicFramePr, graphic; `pic:pic` holds nvPicPr, blipFill,
/// spPr.
pub fn picture(out: &mut String, n: usize, size: (f32, f32), alt: &str) {
    let (cx, cy) = picture_extent(size);
    let id = n + 1;
    let alt = escaped(alt);
    out.push_str(&format!(
        concat!(
            r#"<w:p><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="120"/><w:jc w:val="center"/></w:pPr>"#,
            r#"<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">"#,
            r#"<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>"#,
            r#"<wp:docPr id="{id}" name="Chart {id}" descr="{alt}"/>"#,
            r#"<wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>"#,
            r#"<pic:nvPicPr><pic:cNvPr id="{id}" name="chart{id}.png" descr="{alt}"/><pic:cNvPicPr/></pic:nvPicPr>"#,
            r#"<pic:blipFill><a:blip r:embed="{rel}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"#,
            r#"<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>"#,
            r#"</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"#
        ),
        cx = cx,
        cy = cy,
        id = id,
        alt = alt,
        rel = image_rel(n),
    ));
}

fn document_rels(images: usize) -> String {
    let mut out = format!(
        r#"{DECL}<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{R}/numbering" Target="numbering.xml"/><Relationship Id="rId3" Type="{R}/settings" Target="settings.xml"/><Relationship Id="rId4" Type="{R}/theme" Target="theme/theme1.xml"/>"#
    );
    for n in 0..images {
        out.push_str(&format!(
            r#"<Relationship Id="{}" Type="{R}/image" Target="media/chart{}.png"/>"#,
            image_rel(n),
            n + 1
        ));
    }
    out.push_str("</Relationships>");
    out
}

/// Everything a package needs besides its parts' fixed text.
pub struct Package<'a> {
    pub document: &'a [u8],
    pub properties: Properties<'a>,
    /// Each numbered list's start, in order.
    pub numbered_lists: &'a [ListStart],
    pub images: &'a [Vec<u8>],
}

/// Zips the package.
pub fn pack(package: &Package) -> Result<Vec<u8>, ReportError> {
    let fail = |e: &dyn std::fmt::Display| ReportError::Docx(e.to_string());
    let lang = package.properties.language;
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file("[Content_Types].xml", options)
        .map_err(|e| fail(&e))?;
    zip.write_all(content_types().as_bytes())
        .map_err(|e| fail(&e))?;
    zip.start_file("word/document.xml", options)
        .map_err(|e| fail(&e))?;
    zip.write_all(package.document).map_err(|e| fail(&e))?;
    let parts = [
        ("_rels/.rels", package_rels()),
        ("docProps/core.xml", core(&package.properties)),
        ("docProps/app.xml", app(&package.properties)),
        (
            "word/_rels/document.xml.rels",
            document_rels(package.images.len()),
        ),
        ("word/styles.xml", styles(lang)),
        ("word/numbering.xml", numbering(package.numbered_lists)),
        ("word/settings.xml", settings(lang)),
        ("word/theme/theme1.xml", theme()),
    ];
    for (name, text) in parts {
        zip.start_file(name, options).map_err(|e| fail(&e))?;
        zip.write_all(text.as_bytes()).map_err(|e| fail(&e))?;
    }
    for (n, png) in package.images.iter().enumerate() {
        // PNG is already compressed.
        zip.start_file(format!("word/media/chart{}.png", n + 1), stored)
            .map_err(|e| fail(&e))?;
        zip.write_all(png).map_err(|e| fail(&e))?;
    }
    let cursor = zip.finish().map_err(|e| fail(&e))?;
    Ok(cursor.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_w3cdtf_times_become_properties() {
        assert_eq!(w3cdtf("2026-11-26T09:30:00Z"), Some("2026-11-26T09:30:00Z"));
        assert_eq!(w3cdtf("2026-11-26"), Some("2026-11-26"));
        assert_eq!(
            w3cdtf("2026-11-26T09:30:00+01:00"),
            Some("2026-11-26T09:30:00+01:00")
        );
        for bad in [
            "",
            "yesterday",
            "2026-1-26",
            "2026-11-26 09:30",
            "2026-11-26T<x>",
        ] {
            assert_eq!(w3cdtf(bad), None, "{bad}");
        }
    }
}
