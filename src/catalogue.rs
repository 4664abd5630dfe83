//! The listing behind `labkit list`: what each method is (id, name, stage, duration…) without
//! its steps, cached between runs so a workspace of a thousand methods lists in a blink.
//!
//! The cache maps each file to a stamp (size and modification time; for built-ins, the labkit
//! version) and the outcome of fully parsing and validating it: its summary, or its problems.
//! A file whose stamp changed is parsed again, so a broken file is still reported and skipped.
//! The cache is an optimisation only: when it cannot be read or written, labkit parses.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::library::{self, Found, FoundSource, Origin};
use crate::method::{Diagnostic, Document, Duration, GroupSize, Stage, Text};
use crate::settings::Settings;

/// What `list` shows of a method or playbook.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Summary {
    pub id: String,
    pub playbook: bool,
    pub name: Text,
    pub summary: Text,
    pub stage: Stage,
    pub duration: Option<Duration>,
    pub group: Option<GroupSize>,
    pub tags: Vec<String>,
    /// For a playbook: its methods and the total of its breaks (its duration is worked out
    /// from the methods' durations when listing).
    #[serde(default)]
    pub parts: Vec<String>,
    #[serde(default)]
    pub breaks: Duration,
}

impl Summary {
    pub fn of(doc: &Document) -> Summary {
        Summary {
            id: doc.id().to_owned(),
            playbook: doc.is_playbook(),
            name: doc.name().clone(),
            summary: doc.summary().clone(),
            stage: doc.stage(),
            duration: match doc {
                Document::Method(m) => Some(m.duration),
                Document::Playbook(_) => None,
            },
            group: doc.group(),
            tags: doc.tags().to_vec(),
            parts: match doc {
                Document::Playbook(p) => p.method_ids().map(str::to_owned).collect(),
                Document::Method(_) => Vec::new(),
            },
            breaks: match doc {
                Document::Playbook(p) => p.break_time(),
                Document::Method(_) => Duration::default(),
            },
        }
    }
}

impl Catalogue {
    /// A method's duration, or a playbook's: its methods' durations plus its breaks.
    pub fn duration(&self, summary: &Summary) -> Option<Duration> {
        if !summary.playbook {
            return summary.duration;
        }
        let methods: Option<u64> = summary
            .parts
            .iter()
            .map(|id| {
                self.entries
                    .get(id)
                    .and_then(|e| e.summary.duration)
                    .map(Duration::secs)
            })
            .sum();
        methods.map(|secs| Duration::from_secs(secs + summary.breaks.secs()))
    }
}

#[derive(Debug, Clone)]
pub struct Listed {
    pub summary: Summary,
    pub origin: Origin,
    pub file: String,
}

#[derive(Debug, Default)]
pub struct Catalogue {
    /// By id; a later layer overrides an earlier one.
    pub entries: BTreeMap<String, Listed>,
    pub problems: Vec<library::FileProblem>,
    /// Each listed file's stamp, to tell whether a remembered playbook length still holds.
    stamps: HashMap<String, String>,
    /// Playbook lengths remembered between runs (see [`Catalogue::playbook_length`]).
    lengths: HashMap<String, (String, u64, u32)>,
    cache_path: Option<PathBuf>,
    cache: CacheFile,
    lengths_changed: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
enum Outcome {
    Listed(Summary),
    Problems(Vec<Diagnostic>),
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    entries: HashMap<String, (String, Outcome)>,
    /// A playbook's real length (minutes, days) by its file, with the stamps it was measured on.
    #[serde(default)]
    lengths: HashMap<String, (String, u64, u32)>,
}

impl Catalogue {
    pub fn load(settings: &Settings) -> Catalogue {
        let layers = library::layers(settings);
        let (files, problems) = library::find_files(&layers);
        let cache_path = settings
            .cache_dir
            .as_ref()
            .map(|dir| dir.join(cache_name(&layers)));
        let mut cache: CacheFile = cache_path
            .as_ref()
            .and_then(|p| crate::input::read_limited(p, crate::input::MAX_CACHE_BYTES).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        let stamps: Vec<Option<String>> = files.iter().map(stamp).collect();
        let misses: Vec<usize> = (0..files.len())
            .filter(|&i| match (&stamps[i], cache.entries.get(&files[i].file)) {
                (Some(s), Some((cached, _))) => s != cached,
                _ => true,
            })
            .collect();
        let parsed = library::par_map(&misses, |&i| match files[i].parse() {
            Ok(doc) => Outcome::Listed(Summary::of(&doc)),
            Err(diagnostics) => Outcome::Problems(diagnostics),
        });
        for (&i, outcome) in misses.iter().zip(parsed) {
            if let Some(s) = &stamps[i] {
                cache
                    .entries
                    .insert(files[i].file.clone(), (s.clone(), outcome));
            } else {
                // Unstampable (vanished while listing): use it once, never cache it.
                cache
                    .entries
                    .insert(files[i].file.clone(), (String::new(), outcome));
            }
        }
        if !misses.is_empty() {
            // Keep only what this listing saw, so the cache does not grow forever.
            let seen: std::collections::HashSet<&str> =
                files.iter().map(|f| f.file.as_str()).collect();
            cache.entries.retain(|k, _| seen.contains(k.as_str()));
            if let (Some(path), Ok(bytes)) = (&cache_path, serde_json::to_vec(&cache)) {
                let _ = crate::fsutil::write_atomic(path, &bytes);
            }
        }
        let mut catalogue = Catalogue {
            problems,
            stamps: files
                .iter()
                .zip(&stamps)
                .filter_map(|(f, s)| Some((f.file.clone(), s.clone()?)))
                .collect(),
            lengths: std::mem::take(&mut cache.lengths),
            ..Catalogue::default()
        };
        for found in &files {
            match cache.entries.get(&found.file).map(|(_, o)| o) {
                Some(Outcome::Listed(summary)) => {
                    let listed = Listed {
                        summary: summary.clone(),
                        origin: found.origin,
                        file: found.file.clone(),
                    };
                    catalogue.entries.insert(summary.id.clone(), listed);
                }
                Some(Outcome::Problems(diagnostics)) => {
                    catalogue.problems.push(library::FileProblem {
                        file: found.file.clone(),
                        diagnostics: diagnostics.clone(),
                    })
                }
                None => {}
            }
        }
        catalogue.cache_path = cache_path;
        catalogue.cache = cache;
        catalogue
    }

    /// A playbook's real length (minutes and days of its agenda), remembered between runs:
    /// measuring it needs the playbook and every method it runs parsed, which would cost `list`
    /// more than everything else. It is measured again when the playbook's file or the file of
    /// any method it runs has changed. `measure` does the measuring.
    pub fn playbook_length(
        &mut self,
        id: &str,
        measure: impl FnOnce() -> Option<(u64, u32)>,
    ) -> Option<(u64, u32)> {
        let listed = self.entries.get(id)?;
        let mut deps = self.stamps.get(&listed.file)?.clone();
        for part in &listed.summary.parts {
            let file = &self.entries.get(part)?.file;
            deps.push('\n');
            deps.push_str(file);
            deps.push(' ');
            deps.push_str(self.stamps.get(file)?);
        }
        let file = listed.file.clone();
        if let Some((seen, minutes, days)) = self.lengths.get(&file)
            && *seen == deps
        {
            return Some((*minutes, *days));
        }
        let (minutes, days) = measure()?;
        self.lengths.insert(file, (deps, minutes, days));
        self.lengths_changed = true;
        Some((minutes, days))
    }

    /// Writes the remembered playbook lengths back to the cache, when any was measured.
    pub fn save_lengths(&mut self) {
        if !self.lengths_changed {
            return;
        }
        self.cache.lengths = std::mem::take(&mut self.lengths);
        if let (Some(path), Ok(bytes)) = (&self.cache_path, serde_json::to_vec(&self.cache)) {
            let _ = crate::fsutil::write_atomic(path, &bytes);
        }
        self.lengths = std::mem::take(&mut self.cache.lengths);
        self.lengths_changed = false;
    }
}

/// Size and modification time for a file on disk; the labkit version for a built-in.
fn stamp(found: &Found) -> Option<String> {
    match &found.source {
        FoundSource::Embedded(bytes) => Some(format!(
            "built-in {} {}",
            env!("CARGO_PKG_VERSION"),
            bytes.len()
        )),
        FoundSource::Disk(path) => {
            let meta = std::fs::metadata(path).ok()?;
            let modified = meta
                .modified()
                .ok()?
                .duration_since(std::time::UNIX_EPOCH)
                .ok()?;
            Some(format!("{} {}", meta.len(), modified.as_nanos()))
        }
    }
}

/// The cache's layout; bump it whenever `Summary` changes, so old caches are ignored.
const CACHE_FORMAT: u32 = 2;

/// One cache file per set of layers, so two workspaces do not evict each other.
fn cache_name(layers: &[(Origin, PathBuf)]) -> String {
    // Cached problems are worded in the message language, so each language has its own cache.
    let mut key = format!(
        "{} {CACHE_FORMAT} {}",
        env!("CARGO_PKG_VERSION"),
        crate::i18n::message_language()
    );
    for (origin, path) in layers {
        key.push_str(&format!("\n{origin} {}", path.display()));
    }
    format!(
        "catalogue-{}.json",
        &crate::method::content_hash(key.as_bytes())[..16]
    )
}
