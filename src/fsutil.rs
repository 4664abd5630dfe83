//! Writing files: the one guard every command passes before it writes (`check_outputs`), and
//! atomic writes — a temporary file in the same folder, flushed to disk, then renamed over the
//! target — so a crash or Ctrl-C at any moment leaves either the old file or the new one, never
//! half of one.
//!
//! The guard refuses an output that is one of the command's inputs or another of its outputs,
//! and anything that is not a file to write (a folder, a socket, a block device). A symbolic
//! link is written through (its target is replaced, the link stays); a FIFO or a character
//! device such as `/dev/null` is written to directly, never replaced by a regular file. A write
//! past `ulimit -f` is an error, not a killed process (SIGXFSZ is caught once, on first write).

use std::io::Write;
use std::path::Path;

use crate::error::Error;

/// Writes `bytes` to `path` atomically, creating the parent folder if needed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// Where a write really goes: through a symbolic link to its target.
fn resolve(path: &Path) -> std::path::PathBuf {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
        }
        _ => path.to_owned(),
    }
}

/// A FIFO or a character device: written to as it is, never replaced.
#[cfg(unix)]
fn is_stream(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt;
    std::fs::metadata(path).is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_char_device())
}

#[cfg(not(unix))]
fn is_stream(_: &Path) -> bool {
    false
}

/// A write past the file-size limit (`ulimit -f`) returns an error instead of killing the
/// process with SIGXFSZ, so the temporary file is removed and the message is clear.
fn catch_file_size_signal() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        #[cfg(unix)]
        {
            let flag = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
            let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, flag);
        }
    });
}

/// Like `write_atomic`, with the content produced by `fill`; if `fill` fails nothing is left.
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Error> {
    let shown = path.display().to_string();
    catch_file_size_signal();
    let target = resolve(path);
    let path = target.as_path();
    if is_stream(path) {
        let mut file = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(|e| Error::io(&shown, e))?;
        return fill(&mut file).map_err(|e| Error::io(&shown, e));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(dir).map_err(|e| Error::io(&shown, e))?;
    remove_stale_temps(path);
    sweep_orphans(dir);
    // Named after the file it becomes, so the one writer of that file can clear what a killed
    // process left behind (`remove_stale_temps`).
    let mut tmp = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Error::io(&shown, e))?;
    fill(tmp.as_file_mut()).map_err(|e| Error::io(&shown, e))?;
    // Temporary files are private (0600); the result should be an ordinary file, keeping the
    // permissions of the file it replaces.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map(|m| m.permissions().mode())
            .unwrap_or(0o644);
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Error::io(&shown, e))?;
    }
    tmp.as_file().sync_all().map_err(|e| Error::io(&shown, e))?;
    tmp.persist(path).map_err(|e| Error::io(&shown, e.error))?;
    Ok(())
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".labkit-{name}-")
}

/// Removes the temporary files a killed process left beside `path` (only that file's: the
/// caller holds its lock, so no other process is writing them). Returns how many went.
pub fn remove_stale_temps(path: &Path) -> usize {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = temp_prefix(path);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with(&prefix) && name.ends_with(".tmp")
        })
        .filter(|e| std::fs::remove_file(e.path()).is_ok())
        .count()
}

/// Once per folder and process: removes any labkit temporary file there older than ten minutes.
/// A save takes milliseconds, so such a file is an orphan of a killed process (the writer of
/// that very file clears its own at once, `remove_stale_temps`).
fn sweep_orphans(dir: &Path) {
    static SWEPT: std::sync::Mutex<Vec<std::path::PathBuf>> = std::sync::Mutex::new(Vec::new());
    let Ok(mut swept) = SWEPT.lock() else { return };
    if swept.iter().any(|d| d == dir) {
        return;
    }
    swept.push(dir.to_owned());
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let old = std::time::Duration::from_secs(600);
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        let orphan = name.starts_with(".labkit-")
            && name.ends_with(".tmp")
            && entry
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| t.elapsed().is_ok_and(|age| age > old));
        if orphan {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Refuses to replace an existing file unless `force` is set.
pub fn check_overwrite(path: &Path, force: bool) -> Result<(), Error> {
    check_outputs(&[path], &[], force)
}

/// The guard for every file a command writes, checked before any work: an existing file is
/// replaced only with `force`; no output may be an input or another output (compared as the
/// files they are, through links and `..`); folders, sockets and block devices are refused.
/// FIFOs and character devices (`/dev/null`) may be written to.
pub fn check_outputs(outputs: &[&Path], inputs: &[&Path], force: bool) -> Result<(), Error> {
    let msg = crate::i18n::msg;
    for (n, out) in outputs.iter().enumerate() {
        let shown = out.display();
        if let Some(input) = inputs.iter().find(|i| same_file(out, i)) {
            return Err(Error::Usage(msg(
                "fsutil.is_input",
                &[("path", &shown), ("input", &input.display())],
            )));
        }
        if outputs[..n].iter().any(|o| same_file(out, o)) {
            return Err(Error::Usage(msg("fsutil.twice", &[("path", &shown)])));
        }
        let Ok(meta) = std::fs::metadata(out) else {
            continue;
        };
        if is_stream(out) {
            continue;
        }
        if !meta.is_file() {
            return Err(Error::Usage(msg("fsutil.not_a_file", &[("path", &shown)])));
        }
        if !force {
            return Err(Error::Usage(msg("fsutil.exists", &[("path", &shown)])));
        }
    }
    Ok(())
}

/// Whether two paths name the same file: the same inode when both exist, else the same
/// absolute path once `.` and `..` are worked out.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    matches!((absolute(a), absolute(b)), (Some(x), Some(y)) if x == y)
}

/// A path made absolute and free of `.` and `..`, without touching the disk (the file need
/// not exist, and links are not followed).
pub fn absolute(path: &Path) -> Option<std::path::PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut clean = std::path::PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                clean.pop();
            }
            std::path::Component::CurDir => {}
            other => clean.push(other),
        }
    }
    Some(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_fill_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.txt");
        let result = write_atomic_with(&target, |f| {
            f.write_all(b"half")?;
            Err(std::io::Error::other("boom"))
        });
        assert!(result.is_err());
        assert!(!target.exists());
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            0,
            "temporary file left behind"
        );
        write_atomic(&target, b"whole").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"whole");
    }
}
