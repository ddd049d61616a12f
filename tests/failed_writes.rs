//! Writes that fail: the `sayso` binary under a file size limit, on a full
//! disk, on a read-only file system, under a file, and without permission.
//! Each run must exit 2 with a message that names the file and the OS
//! reason and says what to do, leave no temporary directory, and leave the
//! previous output byte for byte as it was.
//!
//! The disk-full and read-only cases need a private mount namespace
//! (`unshare -m`, root): they skip with a message where it is refused. The
//! permission case runs the binary as `nobody` (`setpriv`), because root
//! writes through any mode bits.

use std::collections::BTreeMap;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const SAYSO: &str = env!("CARGO_BIN_EXE_sayso");

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A corpus whose output is several hundred kilobytes: 400 articles of 300
/// generated words (numbers keep the Parquet pages from compressing away).
fn big_corpus(dir: &Path) -> PathBuf {
    let words = [
        "harbour", "council", "budget", "bridge", "river", "vote", "road",
    ];
    let mut s = String::new();
    let mut x: u64 = 7;
    for i in 0..400 {
        let mut text = String::from("“");
        for j in 0..300 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(words[(x >> 60) as usize % words.len()]);
            text.push_str(&((x >> 20) % 100_000).to_string());
            text.push(if j % 17 == 16 { '.' } else { ' ' });
        }
        text.push_str(",” Mira Castellane said.");
        s.push_str(&serde_json::json!({"id": format!("b{i}"), "text": text}).to_string());
        s.push('\n');
    }
    let p = dir.join("big.jsonl");
    std::fs::write(&p, s).unwrap();
    p
}

fn small_corpus(dir: &Path) -> PathBuf {
    let p = dir.join("small.jsonl");
    std::fs::write(
        &p,
        "{\"id\": \"s1\", \"text\": \"“The ferry is back,” Ode Lunn said.\"}\n",
    )
    .unwrap();
    p
}

/// Every file under `dir` (relative path → bytes).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

/// Names in `dir` that a run left beside its output (`.out.tmp-*`, `.out.old-*`).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".out."))
        .collect()
}

fn convert(input: &Path, out: &Path) -> Output {
    Command::new(SAYSO)
        .args(["convert", input.to_str().unwrap(), "--out"])
        .arg(out)
        .args(["--quiet", "--overwrite"])
        .output()
        .unwrap()
}

/// `sh -c script` with the binary as `$0` (for `exec "$0" ...`).
fn sh(script: &str, args: &[&str]) -> Output {
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(SAYSO)
        .args(args)
        .output()
        .unwrap()
}

/// Whether this machine lets us mount in a private namespace.
fn can_mount() -> bool {
    let probe = tempfile::tempdir().unwrap();
    let ok = Command::new("unshare")
        .args(["-m", "sh", "-c", r#"mount -t tmpfs -o size=64k tmpfs "$0""#])
        .arg(probe.path())
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: cannot mount in a private namespace (needs root and unshare -m)");
    }
    ok
}

#[test]
fn file_size_limit_keeps_the_previous_output() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    assert_eq!(
        convert(&small_corpus(tmp.path()), &out).status.code(),
        Some(0)
    );
    let before = snapshot(&out);
    let big = big_corpus(tmp.path());
    // 200 blocks of 512 bytes: far less than the tables of the big corpus.
    let o = sh(
        r#"ulimit -f 200; exec "$0" convert "$1" --out "$2" --overwrite --quiet"#,
        &[big.to_str().unwrap(), out.to_str().unwrap()],
    );
    let err = stderr(&o);
    // Not killed by SIGXFSZ: the binary ignores it and reports the failed write.
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.starts_with("error: output error: cannot write "),
        "{err}"
    );
    assert!(err.contains(".parquet: "), "{err}");
    assert!(err.contains("File too large (os error 27)"), "{err}");
    assert!(err.contains("ulimit -f"), "{err}");
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
    assert_eq!(snapshot(&out), before);
}

#[test]
fn full_disk_keeps_the_previous_output() {
    if !can_mount() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let small = small_corpus(tmp.path());
    let big = big_corpus(tmp.path());
    let disk = tmp.path().join("disk");
    let saved = tmp.path().join("saved");
    std::fs::create_dir_all(&disk).unwrap();
    std::fs::create_dir_all(&saved).unwrap();
    // Inside the namespace: a 256 kB file system, a first output on it, a
    // copy of it kept outside, then a run that fills the disk; what is left
    // on the small disk is copied out before the namespace goes away.
    let script = r#"set -e
        mount -t tmpfs -o size=256k tmpfs "$3"
        "$0" convert "$1" --out "$3/out" --quiet
        cp -r "$3/out" "$4/before"
        set +e
        "$0" convert "$2" --out "$3/out" --overwrite --quiet 2> "$4/stderr"
        echo $? > "$4/code"
        ls -a "$3" > "$4/listing"
        cp -r "$3/out" "$4/after""#;
    let o = Command::new("unshare")
        .args(["-m", "sh", "-c", script, SAYSO])
        .args([&small, &big, &disk, &saved])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let read = |name: &str| std::fs::read_to_string(saved.join(name)).unwrap();
    let err = read("stderr");
    assert_eq!(read("code").trim(), "2", "{err}");
    assert!(
        err.contains("No space left on device (os error 28)"),
        "{err}"
    );
    assert!(err.contains("the disk is full"), "{err}");
    assert_eq!(
        read("listing").split_whitespace().collect::<Vec<_>>(),
        [".", "..", "out"]
    );
    assert_eq!(
        snapshot(&saved.join("after")),
        snapshot(&saved.join("before"))
    );
}

#[test]
fn read_only_file_system_is_named() {
    if !can_mount() {
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    let small = small_corpus(tmp.path());
    let ro = tmp.path().join("ro");
    std::fs::create_dir_all(&ro).unwrap();
    let o = Command::new("unshare")
        .args([
            "-m",
            "sh",
            "-c",
            r#"mount --bind -o ro "$2" "$2" && exec "$0" convert "$1" --out "$2/out" --quiet"#,
            SAYSO,
        ])
        .args([&small, &ro])
        .output()
        .unwrap();
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("Read-only file system (os error 30)"), "{err}");
    assert!(
        err.contains("the file system is read-only: choose another --out"),
        "{err}"
    );
    assert_eq!(std::fs::read_dir(&ro).unwrap().count(), 0);
}

#[test]
fn output_under_a_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let small = small_corpus(tmp.path());
    let file = tmp.path().join("notes");
    std::fs::write(&file, "mine").unwrap();
    let o = convert(&small, &file.join("out"));
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("cannot create {}", file.display())),
        "{err}"
    );
    assert!(err.contains("Not a directory (os error 20)"), "{err}");
    assert!(
        err.contains("not a directory: choose another --out"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    // An existing file as the output itself.
    let o = convert(&small, &file);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("exists and is not a directory"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
}

#[test]
fn permission_denied_is_named() {
    // Root writes through mode bits, so the run drops to `nobody`.
    let root = Command::new("id").arg("-u").output().unwrap();
    let has_setpriv = Command::new("setpriv").arg("--version").output().is_ok();
    if String::from_utf8_lossy(&root.stdout).trim() != "0" || !has_setpriv {
        eprintln!("skipped: needs root and setpriv to run the binary as another user");
        return;
    }
    let tmp = tempfile::tempdir().unwrap();
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    let small = small_corpus(tmp.path());
    let locked = tmp.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let o = Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups", SAYSO])
        .args(["convert", small.to_str().unwrap(), "--out"])
        .arg(locked.join("out"))
        .arg("--quiet")
        .output()
        .unwrap();
    let err = stderr(&o);
    if err.contains(SAYSO) && err.contains("Permission denied") && o.status.code() != Some(2) {
        eprintln!("skipped: user nobody cannot run {SAYSO}: {err}");
        return;
    }
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains(&format!("cannot create {}", locked.display())),
        "{err}"
    );
    assert!(
        err.contains("check the permissions of the directory or choose another --out"),
        "{err}"
    );
    assert!(err.contains("Permission denied (os error 13)"), "{err}");
    assert_eq!(std::fs::read_dir(&locked).unwrap().count(), 0);
}
