//! Word output read back (issue 14): every built-in method's report, in English and
//! Portuguese, as a `.docx` whose structure is checked part by part (numbering ids, element
//! order, outline levels, properties, language), and the same files opened by a real reader:
//! LibreOffice converts them all to PDF in one run, and poppler's text and outline of each PDF
//! must show bullets, numbered lists that restart, headings as bookmarks and Portuguese accents.

use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use std::path::Path;
use std::process::Command;

use quick_xml::events::Event;

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::method::Document;
use labkit::report;

use crate::report_variations::accept;
use crate::support::fixture;

/// An element of a part, read whole: enough XML for these checks.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn child(&self, name: &str) -> Option<&Node> {
        self.children.iter().find(|c| c.name == name)
    }

    /// Every element below (and including) this one, depth first.
    fn all<'a>(&'a self, out: &mut Vec<&'a Node>) {
        out.push(self);
        for c in &self.children {
            c.all(out);
        }
    }

    fn descendants(&self, name: &str) -> Vec<&Node> {
        let mut all = Vec::new();
        self.all(&mut all);
        all.into_iter().filter(|n| n.name == name).collect()
    }

    /// The text of every `w:t` below.
    fn text_of(&self) -> String {
        self.descendants("w:t")
            .iter()
            .map(|t| t.text.as_str())
            .collect()
    }
}

fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => panic!("unexpected entity &{other};"),
    }
}

fn unescape(raw: &str) -> String {
    raw.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Parses a part; panics (naming it) when it is not well-formed.
fn parse(part: &str, xml: &str) -> Node {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut stack = vec![Node::default()];
    let open = |e: &quick_xml::events::BytesStart| Node {
        name: String::from_utf8_lossy(e.name().as_ref()).into_owned(),
        attrs: e
            .attributes()
            .map(|a| {
                let a = a.unwrap_or_else(|e| panic!("{part}: bad attribute: {e}"));
                (
                    String::from_utf8_lossy(a.key.as_ref()).into_owned(),
                    unescape(&String::from_utf8_lossy(&a.value)),
                )
            })
            .collect(),
        ..Node::default()
    };
    loop {
        match reader
            .read_event()
            .unwrap_or_else(|e| panic!("{part}: not well-formed: {e}"))
        {
            Event::Start(e) => stack.push(open(&e)),
            Event::Empty(e) => {
                let node = open(&e);
                stack.last_mut().unwrap().children.push(node);
            }
            Event::End(_) => {
                let node = stack.pop().unwrap();
                stack
                    .last_mut()
                    .unwrap_or_else(|| panic!("{part}: unbalanced"))
                    .children
                    .push(node);
            }
            Event::Text(t) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => stack
                .last_mut()
                .unwrap()
                .text
                .push_str(entity(&r.decode().unwrap())),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "{part}: unclosed elements");
    stack.pop().unwrap().children.pop().unwrap()
}

/// The order the schema gives the children of each element labkit writes (those it uses).
const ORDER: &[(&str, &[&str])] = &[
    (
        "w:pPr",
        &[
            "w:pStyle",
            "w:keepNext",
            "w:keepLines",
            "w:numPr",
            "w:spacing",
            "w:ind",
            "w:contextualSpacing",
            "w:jc",
            "w:outlineLvl",
            "w:rPr",
        ],
    ),
    ("w:numPr", &["w:ilvl", "w:numId"]),
    (
        "w:rPr",
        &[
            "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:color", "w:sz", "w:szCs",
            "w:lang",
        ],
    ),
    // After `rPr` a run's content is a choice; labkit writes one kind per run (text, breaks, a
    // picture, or one piece of a field).
    (
        "w:r",
        &[
            "w:rPr",
            "w:t",
            "w:br",
            "w:drawing",
            "w:fldChar",
            "w:instrText",
        ],
    ),
    ("w:p", &["w:pPr", "w:r"]),
    (
        "w:tblPr",
        &[
            "w:tblStyle",
            "w:tblW",
            "w:tblInd",
            "w:tblBorders",
            "w:tblCellMar",
            "w:tblLook",
        ],
    ),
    ("w:tbl", &["w:tblPr", "w:tblGrid", "w:tr"]),
    ("w:tr", &["w:trPr", "w:tc"]),
    ("w:tc", &["w:tcPr", "w:p"]),
    ("w:tcPr", &["w:tcW", "w:shd"]),
    (
        "w:style",
        &[
            "w:name",
            "w:basedOn",
            "w:next",
            "w:uiPriority",
            "w:semiHidden",
            "w:unhideWhenUsed",
            "w:qFormat",
            "w:pPr",
            "w:rPr",
            "w:tblPr",
        ],
    ),
    ("w:styles", &["w:docDefaults", "w:style"]),
    ("w:numbering", &["w:abstractNum", "w:num"]),
    ("w:abstractNum", &["w:multiLevelType", "w:lvl"]),
    (
        "w:lvl",
        &[
            "w:start",
            "w:numFmt",
            "w:lvlText",
            "w:lvlJc",
            "w:pPr",
            "w:rPr",
        ],
    ),
    ("w:num", &["w:abstractNumId", "w:lvlOverride"]),
    ("w:body", &["w:p", "w:tbl", "w:sectPr"]),
    // A chart's picture: an inline drawing (CT_Inline, CT_Picture, CT_BlipFillProperties,
    // CT_ShapeProperties).
    ("w:drawing", &["wp:inline"]),
    (
        "wp:inline",
        &[
            "wp:extent",
            "wp:effectExtent",
            "wp:docPr",
            "wp:cNvGraphicFramePr",
            "a:graphic",
        ],
    ),
    ("wp:cNvGraphicFramePr", &["a:graphicFrameLocks"]),
    ("a:graphic", &["a:graphicData"]),
    ("a:graphicData", &["pic:pic"]),
    ("pic:pic", &["pic:nvPicPr", "pic:blipFill", "pic:spPr"]),
    ("pic:nvPicPr", &["pic:cNvPr", "pic:cNvPicPr"]),
    (
        "pic:blipFill",
        &["a:blip", "a:srcRect", "a:tile", "a:stretch"],
    ),
    ("a:stretch", &["a:fillRect"]),
    ("pic:spPr", &["a:xfrm", "a:prstGeom"]),
    ("a:xfrm", &["a:off", "a:ext"]),
    ("a:prstGeom", &["a:avLst"]),
];

/// Every element named in [`ORDER`] has only children it names, in its order.
fn check_order(part: &str, root: &Node) -> Result<(), String> {
    let order: BTreeMap<&str, &[&str]> = ORDER.iter().copied().collect();
    let mut all = Vec::new();
    root.all(&mut all);
    for node in all {
        let Some(expected) = order.get(node.name.as_str()) else {
            continue;
        };
        let mut last = 0;
        for child in &node.children {
            let Some(at) = expected.iter().position(|e| *e == child.name) else {
                return Err(format!(
                    "{part}: `{}` inside `{}` is not expected",
                    child.name, node.name
                ));
            };
            // `w:p`/`w:tbl` interleave in a body; only `sectPr` must come last there.
            let body_block = node.name == "w:body" && at < 2;
            if at < last && !body_block {
                return Err(format!(
                    "{part}: `{}` after `{}` inside `{}`",
                    child.name, expected[last], node.name
                ));
            }
            if !body_block {
                last = at;
            }
        }
    }
    Ok(())
}

/// A `.docx` opened: its parts by name, and its pictures.
struct Docx {
    parts: BTreeMap<String, String>,
    media: BTreeMap<String, Vec<u8>>,
}

impl Docx {
    fn open(bytes: &[u8]) -> Docx {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let (mut parts, mut media) = (BTreeMap::new(), BTreeMap::new());
        for n in 0..zip.len() {
            let mut file = zip.by_index(n).unwrap();
            if file.name().ends_with(".xml") || file.name().ends_with(".rels") {
                let mut text = String::new();
                file.read_to_string(&mut text).unwrap();
                parts.insert(file.name().to_owned(), text);
            } else {
                let mut bytes = Vec::new();
                file.read_to_end(&mut bytes).unwrap();
                media.insert(file.name().to_owned(), bytes);
            }
        }
        Docx { parts, media }
    }

    fn part(&self, name: &str) -> Node {
        let text = self
            .parts
            .get(name)
            .unwrap_or_else(|| panic!("no `{name}` in the package"));
        parse(name, text)
    }
}

/// What the document says about its lists and headings, to compare with LibreOffice's PDF.
#[derive(Debug, Default)]
struct Shape {
    bullets: usize,
    /// The number of items of each numbered list, in order.
    numbered: Vec<usize>,
    headings: Vec<String>,
    /// Each picture's alt text, in order.
    pictures: Vec<String>,
}

/// A PNG's width and height from its IHDR chunk, or why it is not a PNG.
fn png_size(png: &[u8]) -> Result<(u32, u32), String> {
    if !png.starts_with(b"\x89PNG\r\n\x1a\n") || png.get(12..16) != Some(b"IHDR") {
        return Err("not a PNG (signature, IHDR)".into());
    }
    let be = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    let size = (be(16), be(20));
    if size.0 == 0 || size.1 == 0 {
        return Err(format!("a PNG of {size:?} pixels"));
    }
    Ok(size)
}

/// A4's text width (2 cm margins) in EMU.
const TEXT_WIDTH_EMU: u64 = (11906 - 2 * 1134) * 635;

/// Checks every picture of the body: an inline drawing alone in its paragraph, with alt text,
/// whose image relationship leads to a PNG in the package (with a content type) of the
/// drawing's shape, no wider than the text, and a table after it before the next heading or
/// picture (its data, for screen readers). Returns each picture's alt text.
fn check_pictures(docx: &Docx, body: &Node) -> Result<Vec<String>, String> {
    let rels = docx.part("word/_rels/document.xml.rels");
    let mut alts = Vec::new();
    let blocks = &body.children;
    for (i, block) in blocks.iter().enumerate() {
        let drawings = block.descendants("w:drawing");
        if drawings.is_empty() {
            continue;
        }
        if block.name != "w:p" || drawings.len() != 1 {
            return Err(format!("{} drawings in a `{}`", drawings.len(), block.name));
        }
        let inline = drawings[0]
            .child("wp:inline")
            .ok_or("a drawing not inline")?;
        let alt = inline
            .child("wp:docPr")
            .and_then(|d| d.attr("descr"))
            .unwrap_or_default();
        if alt.trim().is_empty() {
            return Err("a picture without alt text (wp:docPr descr)".into());
        }
        let extent = inline.child("wp:extent").ok_or("no wp:extent")?;
        let emu = |name: &str| -> Result<u64, String> {
            extent
                .attr(name)
                .and_then(|v| v.parse().ok())
                .ok_or(format!("wp:extent {name}"))
        };
        let (cx, cy) = (emu("cx")?, emu("cy")?);
        if cx == 0 || cx > TEXT_WIDTH_EMU {
            return Err(format!(
                "a picture {cx} EMU wide, the text is {TEXT_WIDTH_EMU}"
            ));
        }
        let embed = inline
            .descendants("a:blip")
            .first()
            .and_then(|b| b.attr("r:embed"))
            .ok_or("no a:blip r:embed")?
            .to_owned();
        let rel = rels
            .descendants("Relationship")
            .into_iter()
            .find(|r| r.attr("Id") == Some(embed.as_str()))
            .ok_or(format!("no relationship {embed}"))?;
        if !rel
            .attr("Type")
            .unwrap_or_default()
            .ends_with("/relationships/image")
        {
            return Err(format!("relationship {embed} is not an image"));
        }
        let target = format!("word/{}", rel.attr("Target").unwrap_or_default());
        let png = docx.media.get(&target).ok_or(format!("no `{target}`"))?;
        let (w, h) = png_size(png).map_err(|e| format!("{target}: {e}"))?;
        // The picture keeps its aspect ratio (to a pixel's rounding).
        let on_page = cy as f64 / cx as f64;
        let drawn = f64::from(h) / f64::from(w);
        if (on_page - drawn).abs() > 2.0 / f64::from(w.min(h)) {
            return Err(format!("{target}: {w}×{h} pixels shown at {cx}×{cy} EMU"));
        }
        // Sharp in print: at least 150 pixels an inch (914,400 EMU) on the page.
        if (f64::from(w) * 914_400.0 / cx as f64) < 150.0 {
            return Err(format!("{target}: {w} pixels across {cx} EMU"));
        }
        let table_follows = blocks[i + 1..]
            .iter()
            .take_while(|b| {
                let heading = b
                    .child("w:pPr")
                    .and_then(|p| p.child("w:pStyle"))
                    .and_then(|s| s.attr("w:val"))
                    .is_some_and(|s| s.starts_with("Heading"));
                !heading && b.descendants("w:drawing").is_empty()
            })
            .any(|b| b.name == "w:tbl");
        if !table_follows {
            return Err(format!("no table after the picture `{alt}`"));
        }
        alts.push(alt.to_owned());
    }
    if !alts.is_empty() {
        let types = docx.part("[Content_Types].xml");
        let png_type = types.children.iter().any(|t| {
            t.name == "Default"
                && t.attr("Extension") == Some("png")
                && t.attr("ContentType") == Some("image/png")
        });
        if !png_type {
            return Err("pictures but no content type for .png".into());
        }
    }
    Ok(alts)
}

/// Checks one report's package; what it holds, for the PDF checks.
fn check_docx(bytes: &[u8], title: &str, lang: &str) -> Result<Shape, String> {
    let docx = Docx::open(bytes);
    for (name, text) in &docx.parts {
        check_order(name, &parse(name, text))?;
    }
    let types = &docx.parts["[Content_Types].xml"];
    for part in [
        "theme/theme1.xml",
        "numbering.xml",
        "styles.xml",
        "settings.xml",
    ] {
        if !types.contains(&format!("/word/{part}"))
            || !docx.parts.contains_key(&format!("word/{part}"))
        {
            return Err(format!("no `word/{part}` or no content type for it"));
        }
    }

    // Numbering: unique ids; num 1 (bullets) is a bullet; every other num restarts.
    let numbering = docx.part("word/numbering.xml");
    let mut abstract_formats = BTreeMap::new();
    for a in numbering.descendants("w:abstractNum") {
        let id = a.attr("w:abstractNumId").unwrap_or_default().to_owned();
        let format = a
            .child("w:lvl")
            .and_then(|l| l.child("w:numFmt"))
            .and_then(|f| f.attr("w:val"))
            .unwrap_or_default()
            .to_owned();
        if abstract_formats.insert(id.clone(), format).is_some() {
            return Err(format!("abstractNumId {id} defined twice"));
        }
    }
    let mut nums = BTreeMap::new();
    for num in numbering.descendants("w:num") {
        let id = num.attr("w:numId").unwrap_or_default().to_owned();
        let abstract_id = num
            .child("w:abstractNumId")
            .and_then(|a| a.attr("w:val"))
            .unwrap_or_default();
        let format = abstract_formats
            .get(abstract_id)
            .ok_or_else(|| format!("num {id} points at a missing abstractNum {abstract_id}"))?
            .clone();
        let restarts = num
            .descendants("w:startOverride")
            .iter()
            .any(|s| s.attr("w:val") == Some("1"));
        if nums.insert(id.clone(), (format, restarts)).is_some() {
            return Err(format!("numId {id} defined twice"));
        }
    }
    if nums.get("1").map(|(f, _)| f.as_str()) != Some("bullet") {
        return Err("num 1 (bullet lists) is not a bullet".into());
    }

    // The body: each list paragraph names a defined num; each numbered list has a num of its
    // own that restarts at 1; headings use the heading styles.
    let document = docx.part("word/document.xml");
    let body = document.child("w:body").ok_or("no body")?;
    let mut shape = Shape::default();
    let mut seen_numbered = HashSet::new();
    let mut previous_num = None;
    for p in body.children.iter().filter(|c| c.name == "w:p") {
        let properties = p.child("w:pPr");
        let style = properties
            .and_then(|pr| pr.child("w:pStyle"))
            .and_then(|s| s.attr("w:val"))
            .unwrap_or_default();
        if style.starts_with("Heading") {
            shape.headings.push(p.text_of());
        }
        let num = properties
            .and_then(|pr| pr.child("w:numPr"))
            .and_then(|n| n.child("w:numId"))
            .and_then(|n| n.attr("w:val"));
        match num {
            Some("1") => shape.bullets += 1,
            Some(id) => {
                let (format, restarts) = nums
                    .get(id)
                    .ok_or_else(|| format!("a paragraph uses num {id}, which is not defined"))?;
                if format != "decimal" || !restarts {
                    return Err(format!("num {id}: {format}, restarts: {restarts}"));
                }
                if previous_num != Some(id) {
                    if !seen_numbered.insert(id.to_owned()) {
                        return Err(format!("num {id} is used by two lists"));
                    }
                    shape.numbered.push(0);
                }
                if let Some(last) = shape.numbered.last_mut() {
                    *last += 1;
                }
            }
            None => {}
        }
        previous_num = num;
    }
    shape.pictures = check_pictures(&docx, body)?;
    // Every table's first row is a repeated header row, and bold.
    for table in body.descendants("w:tbl") {
        let first = table.child("w:tr").ok_or("a table without rows")?;
        if first
            .child("w:trPr")
            .and_then(|p| p.child("w:tblHeader"))
            .is_none()
        {
            return Err("a table's first row is not a header row".into());
        }
        for run in first.descendants("w:r") {
            if run.child("w:rPr").and_then(|p| p.child("w:b")).is_none() {
                return Err(format!("header text `{}` is not bold", run.text_of()));
            }
        }
        let widths: HashSet<&str> = table
            .descendants("w:gridCol")
            .iter()
            .filter_map(|c| c.attr("w:w"))
            .collect();
        let columns = table.descendants("w:gridCol").len();
        if columns > 2 && widths.len() == 1 {
            return Err(format!("{columns} columns all of one width"));
        }
    }

    // Styles: outline levels on Heading 1–3; the language on the defaults and Normal.
    let styles = docx.part("word/styles.xml");
    for (n, level) in [("Heading1", "0"), ("Heading2", "1"), ("Heading3", "2")] {
        let style = styles
            .descendants("w:style")
            .into_iter()
            .find(|s| s.attr("w:styleId") == Some(n))
            .ok_or(format!("no style {n}"))?;
        let outline = style
            .child("w:pPr")
            .and_then(|p| p.child("w:outlineLvl"))
            .and_then(|o| o.attr("w:val"));
        if outline != Some(level) {
            return Err(format!("{n}: outline level {outline:?}"));
        }
    }
    let langs: Vec<&str> = styles
        .descendants("w:lang")
        .iter()
        .filter_map(|l| l.attr("w:val"))
        .collect();
    if langs.len() < 2 || langs.iter().any(|l| *l != lang) {
        return Err(format!("languages in styles: {langs:?}, want {lang}"));
    }

    // Properties.
    let core = docx.part("docProps/core.xml");
    let property = |name: &str| core.child(name).map(|n| n.text.clone()).unwrap_or_default();
    let expected = [
        ("dc:title", title),
        ("dc:creator", "Ana Sousa"),
        ("dc:language", lang),
        ("dcterms:created", "2026-11-26T09:30:00Z"),
        ("dcterms:modified", "2026-11-26T11:00:00Z"),
    ];
    for (name, want) in expected {
        if property(name) != want {
            return Err(format!("{name} is `{}`, want `{want}`", property(name)));
        }
    }
    Ok(shape)
}

/// Every built-in method's report on its example answers: (file stem, language tag, title,
/// the `.docx`).
fn built_in_reports() -> Vec<(String, &'static str, String, Vec<u8>)> {
    let library = Library::load_layers(&[]);
    let mut out = Vec::new();
    for entry in library.entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        let supplied =
            labkit::session::load_answers(&fixture(&format!("answers/{}.yaml", method.id)))
                .unwrap();
        let session = accept(method, &supplied)
            .unwrap_or_else(|| panic!("{}: the fixture is refused", method.id));
        let template = report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
        let compiled = report::Compiled::new(&template).unwrap();
        for (lang, tag) in [(Lang::En, "en-GB"), (Lang::Pt, "pt-PT")] {
            let rendered = compiled.render(method, &session, lang).unwrap();
            let docx = rendered.to_docx().unwrap();
            out.push((
                format!("{}-{}", method.id, lang.code()),
                tag,
                method.name.get(lang).to_owned(),
                docx,
            ));
        }
    }
    assert!(out.len() >= 48, "only {} reports", out.len());
    out
}

#[test]
fn every_built_in_report_is_a_well_formed_word_document() {
    let mut failures = Vec::new();
    let (mut bullets, mut numbered) = (0, 0);
    let mut with_pictures = Vec::new();
    for (name, lang, title, docx) in built_in_reports() {
        match check_docx(&docx, &title, lang) {
            Ok(shape) => {
                bullets += shape.bullets;
                numbered += shape.numbered.len();
                if !shape.pictures.is_empty() {
                    with_pictures.push(name.clone());
                }
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
        // Charts are pictures: no bar of `█` characters is left in the text.
        if Docx::open(&docx).parts["word/document.xml"].contains('█') {
            failures.push(format!("{name}: a chart drawn with █ characters"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // The methods whose templates draw charts: dot votes on questions (bars), scores on two
    // criteria (matrices).
    for method in [
        "assumptions-map",
        "impact-effort",
        "problem-framing",
        "stakeholder-map",
    ] {
        for lang in ["en", "pt"] {
            let name = format!("{method}-{lang}");
            assert!(
                with_pictures.contains(&name),
                "{name}: no picture; {with_pictures:?}"
            );
        }
    }
    // The checks above saw lists of both kinds.
    assert!(
        bullets > 50 && numbered > 2,
        "{bullets} bullets, {numbered} numbered lists"
    );
}

#[test]
fn a_list_in_markdown_keeps_its_kind_and_its_own_count() {
    // Bullets, then two numbered lists (the second starts at 1 again) with a bullet list
    // nested in the last.
    let markdown = "# A\n\n- one\n- two\n\n1. first\n2. second\n\ntext\n\n1. again\n   - inner\n";
    let title = report::TitleBlock {
        lang: "en".into(),
        kicker: String::new(),
        title: "T".into(),
        subtitle: String::new(),
        facts: Vec::new(),
        draft: None,
        footer: String::new(),
        author: Some("Ana Sousa".into()),
        lab: None,
        created: "2026-11-26T09:30:00Z".into(),
        modified: "2026-11-26T11:00:00Z".into(),
        answers_lang: None,
    };
    let docx = report::docx::document(markdown, &title).unwrap();
    let shape = check_docx(&docx, "T", "en-GB").unwrap();
    assert_eq!(shape.bullets, 3);
    assert_eq!(shape.numbered, [2, 1]);
    assert_eq!(shape.headings, ["A"]);
}

fn title_block(lang: &str) -> report::TitleBlock {
    report::TitleBlock {
        lang: lang.into(),
        kicker: String::new(),
        title: "T".into(),
        subtitle: String::new(),
        facts: Vec::new(),
        draft: None,
        footer: String::new(),
        author: Some("Ana Sousa".into()),
        lab: None,
        created: "2026-11-26T09:30:00Z".into(),
        modified: "2026-11-26T11:00:00Z".into(),
        answers_lang: None,
    }
}

#[test]
fn a_chart_is_a_picture_with_alt_text_and_its_table_beneath() {
    use labkit::report::markdown::Chart;
    let votes = Chart::Bars {
        title: "Votos nas questões".into(),
        item_label: "Questão".into(),
        value_label: "Pontos".into(),
        rows: vec![
            ("Como poderíamos lembrar a renovação?".into(), 7.0),
            ("Marcação tão fácil como pagar uma conta".into(), 3.0),
        ],
    };
    let matrix = Chart::Matrix {
        title: "Impacto & esforço".into(),
        x_label: "Esforço".into(),
        y_label: "Impacto".into(),
        min: 1.0,
        max: 5.0,
        quadrants: [
            "Ganhos rápidos",
            "Grandes projetos",
            "Tarefas",
            "Sorvedouros",
        ]
        .map(String::from),
        points: vec![("SMS".into(), 2.0, 4.0), ("Carta".into(), 4.0, 5.0)],
        item_label: "Item".into(),
        quadrant_label: "Quadrante".into(),
    };
    // The matrix's table is printed by the template itself (`table=false`): its picture
    // alone, then the template's own table.
    let markdown = format!(
        "## Votação\n{}\n## Matriz\n{}\n| Item | Quadrante |\n|---|---|\n| SMS | Ganhos rápidos |\n",
        votes.block(),
        matrix.figure_block()
    );
    let docx = report::docx::document(&markdown, &title_block("pt")).unwrap();
    let shape = check_docx(&docx, "T", "pt-PT").unwrap();
    assert_eq!(shape.pictures, ["Votos nas questões", "Impacto & esforço"]);

    let opened = Docx::open(&docx);
    let document = opened.part("word/document.xml");
    let body = document.child("w:body").unwrap();
    let at = |text: &str| {
        body.children
            .iter()
            .position(|b| b.text_of().contains(text))
            .unwrap_or_else(|| panic!("no `{text}`"))
    };
    // The bars' picture comes right after its heading, and its table (numbers, no `█`) right
    // after it.
    let picture = at("Votação") + 1;
    assert_eq!(body.children[picture].descendants("w:drawing").len(), 1);
    let table = &body.children[picture + 1];
    assert_eq!(table.name, "w:tbl");
    assert!(
        table
            .text_of()
            .contains("Como poderíamos lembrar a renovação?")
    );
    assert!(table.text_of().contains('7') && !table.text_of().contains('█'));
    // The matrix: its picture, then only the template's table.
    let picture = at("Matriz") + 1;
    assert_eq!(body.children[picture].descendants("w:drawing").len(), 1);
    assert_eq!(body.children[picture + 1].name, "w:tbl");
    assert_eq!(body.descendants("w:tbl").len(), 2, "no table twice");

    // Two PNGs, drawn at twice the charts' CSS size: the bars chart is 680 px wide.
    let pngs: Vec<(u32, u32)> = ["word/media/chart1.png", "word/media/chart2.png"]
        .iter()
        .map(|name| png_size(&opened.media[*name]).unwrap())
        .collect();
    assert_eq!(pngs[0].0, 1360, "{pngs:?}");
    assert!(pngs[1].0 < pngs[0].0, "the matrix is narrower: {pngs:?}");
    let rels = &opened.parts["word/_rels/document.xml.rels"];
    assert_eq!(rels.matches("/relationships/image").count(), 2);
    // The alt text is escaped like any other text.
    assert!(opened.parts["word/document.xml"].contains(r#"descr="Impacto &amp; esforço""#));
}

#[test]
fn a_document_without_charts_has_no_pictures() {
    let docx = report::docx::document("## Plain\n\ntext\n", &title_block("en")).unwrap();
    let opened = Docx::open(&docx);
    assert!(opened.media.is_empty());
    assert!(!opened.parts["word/document.xml"].contains("w:drawing"));
    assert!(!opened.parts["word/_rels/document.xml.rels"].contains("/image"));
}

/// LibreOffice (`soffice`) and poppler (`pdftotext`, `pdftohtml`), else a panic saying how to
/// get them; `None` when the run said it has none (`LABKIT_SKIP_LIBREOFFICE=1`).
fn readers() -> Option<()> {
    if std::env::var_os("LABKIT_SKIP_LIBREOFFICE").is_some_and(|v| v == "1") {
        return None;
    }
    for tool in ["soffice", "pdftotext", "pdftohtml"] {
        let found = Command::new(tool)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success() || !o.stderr.is_empty() || !o.stdout.is_empty());
        assert!(
            found,
            "this test needs `{tool}`: apt-get install -y libreoffice-writer-nogui poppler-utils \
             (.ci/run does it), or set LABKIT_SKIP_LIBREOFFICE=1 to run without it on purpose"
        );
    }
    Some(())
}

#[test]
fn libreoffice_reads_every_built_in_report_as_written() {
    if readers().is_none() {
        return;
    }
    let started = std::time::Instant::now();
    let dir = tempfile::tempdir().unwrap();
    let mut expected = Vec::new();
    let mut files = Vec::new();
    for (name, lang, title, docx) in built_in_reports() {
        let shape = check_docx(&docx, &title, lang).unwrap();
        let path = dir.path().join(format!("{name}.docx"));
        std::fs::write(&path, &docx).unwrap();
        files.push(path);
        expected.push((name, lang, shape));
    }
    // One LibreOffice for every file, with a profile of its own so it neither meets another
    // running instance nor the user's settings.
    let profile = dir.path().join("profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .args(&files)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "soffice: {status:?}");
    let converted = started.elapsed();

    let mut failures = Vec::new();
    for (name, lang, shape) in &expected {
        let pdf = dir.path().join(format!("{name}.pdf"));
        let text = Command::new("pdftotext")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout).into_owned();
        if text.trim().is_empty() {
            failures.push(format!("{name}: no text in the PDF"));
            continue;
        }
        let lines: Vec<&str> = text.lines().map(str::trim).collect();
        let bullets = lines.iter().filter(|l| l.starts_with('•')).count();
        if bullets < shape.bullets.min(1) {
            failures.push(format!(
                "{name}: {} bullet items, no • in the PDF",
                shape.bullets
            ));
        }
        // Each numbered list starts at 1, and none runs on past its own length.
        let ones = lines
            .iter()
            .filter(|l| **l == "1." || l.starts_with("1. "))
            .count();
        if ones < shape.numbered.len() {
            failures.push(format!(
                "{name}: {} numbered lists, {ones} lines numbered 1.",
                shape.numbered.len()
            ));
        }
        let outline = Command::new("pdftohtml")
            .args(["-xml", "-stdout", "-i", "-q"])
            .arg(&pdf)
            .output()
            .unwrap();
        let outline = String::from_utf8_lossy(&outline.stdout).into_owned();
        let bookmarks: Vec<String> = outline
            .split("<item")
            .skip(1)
            .filter_map(|item| {
                let text = item.split_once('>')?.1.split_once("</item>")?.0;
                Some(
                    unescape(text)
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            })
            .collect();
        let headings: Vec<String> = shape
            .headings
            .iter()
            .map(|h| h.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|h| !h.is_empty())
            .collect();
        if bookmarks != headings {
            failures.push(format!(
                "{name}: bookmarks {bookmarks:?}, headings {headings:?}"
            ));
        }
        // Accented Portuguese: every heading's words are in the PDF's text as written.
        if *lang == "pt-PT" {
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            for heading in headings.iter().filter(|h| !h.is_ascii()) {
                if !flat.contains(heading.as_str()) {
                    failures.push(format!("{name}: `{heading}` is not in the PDF text"));
                }
            }
            if !flat.contains("Registo da sessão") && !flat.contains("sessão") {
                failures.push(format!("{name}: no `sessão` in the PDF text"));
            }
        }
    }
    eprintln!(
        "libreoffice: {} reports converted in {converted:.1?}, checked in {:.1?}",
        expected.len(),
        started.elapsed()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
