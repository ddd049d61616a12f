//! Atomic commit of an output directory.
//!
//! Everything is written into `.NAME.tmp-<pid>` beside the target and renamed
//! into place at the end: a rename within one directory is atomic, so a run
//! killed at any moment leaves either the old directory or the complete new
//! one, never a half-written one. Leftovers of killed runs are removed by the
//! next run into the same target.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A temporary directory that becomes `target` on [`StagedDir::commit`], and
/// is removed when dropped uncommitted (an error, a panic).
#[derive(Debug)]
pub struct StagedDir {
    target: PathBuf,
    tmp: PathBuf,
    overwrite: bool,
    committed: bool,
}

/// `.NAME.<what>-<pid>` beside `target`.
fn sibling(target: &Path, what: &str, pid: u32) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    target.with_file_name(format!(".{name}.{what}-{pid}"))
}

/// An I/O error as a message saying which path and what to do.
pub(crate) fn io_error(what: &str, path: &Path, e: std::io::Error) -> Error {
    let hint = match e.kind() {
        ErrorKind::PermissionDenied => {
            "; check the permissions of the directory or choose another --out"
        }
        ErrorKind::NotFound => "; check that the parent directory exists",
        _ => os_hint(&e),
    };
    // An output error (Python: `OutputError`), with the OS reason in the text.
    Error::Output(format!("cannot {what} {}{hint}: {e}", path.display()))
}

/// What to do about the OS errors a user can fix (numbers shared by Linux
/// and macOS).
pub(crate) fn os_hint(e: &std::io::Error) -> &'static str {
    match e.raw_os_error() {
        Some(20) => "; a part of that path is a file, not a directory: choose another --out",
        Some(27) => "; the file would exceed the file size limit (ulimit -f, or the file system's largest file): raise it or choose another --out",
        Some(28) => "; the disk is full: free some space or choose another --out",
        Some(30) => "; the file system is read-only: choose another --out",
        _ => "",
    }
}

/// Is process `pid` still running? (Only Linux can tell cheaply; elsewhere
/// assume not, so a leftover is removed.)
fn alive(pid: u32) -> bool {
    pid == std::process::id()
        || (cfg!(target_os = "linux") && Path::new(&format!("/proc/{pid}")).exists())
}

/// Remove `.NAME.tmp-<pid>` / `.NAME.old-<pid>` left by killed runs.
fn clean_stale(target: &Path) {
    let Some(name) = target.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        return;
    };
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(entries) = fs::read_dir(&parent) else {
        return;
    };
    for e in entries.flatten() {
        let file = e.file_name().to_string_lossy().into_owned();
        for what in ["tmp", "old"] {
            let prefix = format!(".{name}.{what}-");
            if let Some(pid) = file
                .strip_prefix(&prefix)
                .and_then(|p| p.parse::<u32>().ok())
            {
                if !alive(pid) {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
    }
}

/// Does `dir` look like a directory sayso may replace: empty, or holding a
/// manifest? Keeps `--overwrite` from deleting a directory of something else.
fn replaceable(dir: &Path) -> bool {
    dir.join(super::MANIFEST_FILE).is_file()
        || fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false)
}

impl StagedDir {
    /// Check that `target` may be written and create the temporary directory.
    pub fn create(target: &Path, overwrite: bool) -> Result<StagedDir> {
        if target.as_os_str().is_empty() {
            return Err(Error::Output("the output directory name is empty".into()));
        }
        if let Ok(meta) = fs::symlink_metadata(target) {
            if !overwrite {
                return Err(Error::OutputExists(target.to_path_buf()));
            }
            if !meta.is_dir() {
                return Err(Error::Output(format!(
                    "{} exists and is not a directory; remove it or choose another --out",
                    target.display()
                )));
            }
            if !replaceable(target) {
                return Err(Error::Output(format!(
                    "{} is not empty and holds no {}: not replacing a directory sayso did not write; remove it yourself or choose another --out",
                    target.display(),
                    super::MANIFEST_FILE
                )));
            }
        }
        clean_stale(target);
        let tmp = sibling(target, "tmp", std::process::id());
        if tmp.exists() {
            fs::remove_dir_all(&tmp).map_err(|e| io_error("remove", &tmp, e))?;
        }
        fs::create_dir(&tmp).map_err(|e| io_error("create", &tmp, e))?;
        Ok(StagedDir {
            target: target.to_path_buf(),
            tmp,
            overwrite,
            committed: false,
        })
    }

    /// Where files are written until commit.
    pub fn path(&self) -> &Path {
        &self.tmp
    }

    /// The final directory.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Rename the temporary directory into place (replacing an old one when
    /// `overwrite` was given: moved aside first, deleted after).
    pub fn commit(mut self) -> Result<()> {
        let old = sibling(&self.target, "old", std::process::id());
        let mut moved_aside = false;
        if fs::symlink_metadata(&self.target).is_ok() {
            if !self.overwrite {
                return Err(Error::OutputExists(self.target.clone()));
            }
            fs::rename(&self.target, &old).map_err(|e| io_error("move aside", &self.target, e))?;
            moved_aside = true;
        }
        if let Err(e) = fs::rename(&self.tmp, &self.target) {
            if moved_aside {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(io_error("rename into place", &self.target, e));
        }
        self.committed = true;
        if moved_aside {
            // the new output is in place; a failure here only leaves a stale dir
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for StagedDir {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_and_overwrite() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        let s = StagedDir::create(&target, false).unwrap();
        fs::write(s.path().join("_manifest.json"), "{}").unwrap();
        s.commit().unwrap();
        assert!(target.join("_manifest.json").is_file());
        assert!(matches!(
            StagedDir::create(&target, false),
            Err(Error::OutputExists(_))
        ));
        let s = StagedDir::create(&target, true).unwrap();
        fs::write(s.path().join("_manifest.json"), "{\"v\":2}").unwrap();
        s.commit().unwrap();
        assert_eq!(
            fs::read_to_string(target.join("_manifest.json")).unwrap(),
            "{\"v\":2}"
        );
        let names: Vec<_> = fs::read_dir(root.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out")]);
    }

    #[test]
    fn dropped_leaves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        drop(StagedDir::create(&target, false).unwrap());
        assert_eq!(fs::read_dir(root.path()).unwrap().count(), 0);
    }

    #[test]
    fn refuses_foreign_dir() {
        let root = tempfile::tempdir().unwrap();
        fs::write(root.path().join("precious.txt"), "x").unwrap();
        assert!(matches!(
            StagedDir::create(root.path(), true),
            Err(Error::Output(_))
        ));
    }

    #[test]
    fn stale_tmp_is_removed() {
        let root = tempfile::tempdir().unwrap();
        let target = root.path().join("out");
        // pid 0 is never a user process
        let stale = sibling(&target, "tmp", 0);
        fs::create_dir(&stale).unwrap();
        let s = StagedDir::create(&target, false).unwrap();
        assert!(!stale.exists());
        s.commit().unwrap();
    }
}
