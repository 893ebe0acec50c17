use super::*;
use crate::messages::Lang;

/// A project folder in a temporary folder, and its default output folder (not created).
fn project() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    fs::create_dir_all(&root).unwrap();
    let out = root.join("public");
    (tmp, root, out)
}

/// Builds `files` (path, bytes) into `out`.
fn build(root: &Path, out: &Path, files: &[(&str, &str)]) -> Result<Committed, Diagnostic> {
    let s = Staging::new(out, root)?;
    for (path, bytes) in files {
        s.write(path, bytes.as_bytes(), None).unwrap();
    }
    s.commit()
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn refuses_foreign_folder_and_keeps_it() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("project");
    fs::create_dir_all(&root).unwrap();
    let out = tmp.path().join("mine");
    fs::create_dir_all(&out).unwrap();
    fs::write(out.join("precious.txt"), "keep me").unwrap();
    let err = Staging::new(&out, &root).err().unwrap();
    assert!(err.message().contains("not created by homestart"));
    assert_eq!(
        fs::read_to_string(out.join("precious.txt")).unwrap(),
        "keep me"
    );
}

#[test]
fn refuses_project_root_and_sources() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    assert!(Staging::new(root, root).is_err());
    assert!(Staging::new(&root.join("content/out"), root).is_err());
}

#[test]
fn swap_replaces_own_output_and_leaves_no_temp_folders() {
    let (_tmp, root, out) = project();
    for round in ["one", "two"] {
        let name = format!("{round}.html");
        build(&root, &out, &[("a/index.html", round), (&name, "x")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/index.html")).unwrap(), round);
        assert!(out.join(MARKER).is_file());
    }
    assert_eq!(names(&root), ["public"]);
    assert!(
        !out.join("one.html").exists(),
        "a file of the previous build only is removed"
    );
    assert!(out.join("two.html").is_file());
}

#[test]
fn only_changed_files_are_written_and_only_own_files_removed() {
    let (_tmp, root, out) = project();
    let files = ["a/index.html", "b/index.html", "gone/deep/index.html"];
    let first = build(&root, &out, &files.map(|f| (f, f))).unwrap();
    assert_eq!((first.files, first.written), (3, 3));
    fs::write(out.join("gone/notes.txt"), "mine").unwrap();
    let inode = |p: &str| {
        use std::os::unix::fs::MetadataExt;
        fs::metadata(out.join(p)).unwrap().ino()
    };
    let a = inode("a/index.html");
    let second = build(
        &root,
        &out,
        &[("a/index.html", "a/index.html"), ("b/index.html", "new")],
    )
    .unwrap();
    assert_eq!((second.files, second.written, second.removed), (2, 1, 1));
    assert_eq!(
        inode("a/index.html"),
        a,
        "an unchanged file is not written again"
    );
    assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "new");
    assert!(!out.join("gone/deep").exists(), "emptied folder removed");
    assert_eq!(
        fs::read_to_string(out.join("gone/notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(names(&root), ["public"], "nothing left beside the output");
}

/// The audit's case: a file edited in the output keeping its length used to be trusted.
#[test]
fn a_same_length_edit_in_the_output_is_rewritten() {
    let (_tmp, root, out) = project();
    let files = [("a/index.html", "one!"), ("b.html", "b")];
    build(&root, &out, &files).unwrap();
    fs::write(out.join("a/index.html"), "two!").unwrap();
    assert_eq!(build(&root, &out, &files).unwrap().written, 1);
    assert_eq!(
        fs::read_to_string(out.join("a/index.html")).unwrap(),
        "one!"
    );
    // Once a file is settled its stat is recorded, and a later edit shows in it.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert_eq!(build(&root, &out, &files).unwrap().written, 0);
    assert!(
        fs::read_to_string(out.join(MARKER))
            .unwrap()
            .contains(" 4 ")
    );
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    assert!(
        !marker.lines().any(|l| l.contains(" - - a/index.html")),
        "a stat is recorded:\n{marker}"
    );
    fs::write(out.join("a/index.html"), "two!").unwrap();
    assert_eq!(build(&root, &out, &files).unwrap().written, 1);
    assert_eq!(
        fs::read_to_string(out.join("a/index.html")).unwrap(),
        "one!"
    );
}

#[test]
fn a_file_made_from_the_same_input_is_reused_without_making_it() {
    let (_tmp, root, out) = project();
    let s = Staging::new(&out, &root).unwrap();
    assert!(!s.reuse("a.html", b"<p> a </p>"), "nothing to reuse yet");
    s.write("a.html", b"<p>a</p>", Some(b"<p> a </p>")).unwrap();
    s.write("b.html", b"<p>b</p>", None).unwrap();
    s.commit().unwrap();
    let s = Staging::new(&out, &root).unwrap();
    assert!(s.reuse("a.html", b"<p> a </p>"));
    assert!(!s.reuse("b.html", b"<p>b</p>"), "made from nothing known");
    assert!(!s.reuse("c.html", b"<p> a </p>"), "another path");
    s.write("b.html", b"<p>b</p>", None).unwrap();
    let done = s.commit().unwrap();
    assert_eq!((done.files, done.written, done.removed), (2, 0, 0));
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "<p>a</p>");
    // Changed input: not reused. A missing, shortened or same-length edited file: not either.
    let s = Staging::new(&out, &root).unwrap();
    assert!(!s.reuse("a.html", b"<p> A </p>"));
    fs::write(out.join("a.html"), "<p>").unwrap();
    assert!(!s.reuse("a.html", b"<p> a </p>"));
    fs::write(out.join("a.html"), "<p>A</p>").unwrap();
    assert!(!s.reuse("a.html", b"<p> a </p>"));
    fs::remove_file(out.join("a.html")).unwrap();
    assert!(!s.reuse("a.html", b"<p> a </p>"));
    drop(s);
    // Another build of the tool never trusts what this one made.
    fs::write(out.join("a.html"), "<p>a</p>").unwrap();
    let mut s = Staging::new(&out, &root).unwrap();
    assert!(s.reuse("a.html", b"<p> a </p>"));
    s.tool = blake3::hash(b"another build");
    assert!(!s.reuse("a.html", b"<p> a </p>"));
}

#[test]
fn dropped_staging_leaves_target_untouched() {
    let (_tmp, root, out) = project();
    build(&root, &out, &[("x.html", "1")]).unwrap();
    let s = Staging::new(&out, &root).unwrap();
    s.write("x.html", b"2", None).unwrap();
    drop(s); // a failed build
    assert_eq!(fs::read_to_string(out.join("x.html")).unwrap(), "1");
    assert_eq!(names(&root), ["public"]);
}

#[test]
fn a_crashed_builds_folders_are_removed_a_running_ones_kept() {
    let (_tmp, root, out) = project();
    build(&root, &out, &[("x.html", "1")]).unwrap();
    // A build killed long ago: a process id that no longer runs (above the kernel's maximum).
    let crashed = root.join(".public.homestart-tmp-4194305-77-abc123");
    fs::create_dir_all(crashed.join("site/en")).unwrap();
    fs::write(crashed.join("owner"), "").unwrap();
    fs::write(crashed.join("site/en/index.html"), "x").unwrap();
    let swapped = root.join(".public.homestart-old-4194305-77-def456");
    fs::create_dir_all(swapped.join("site")).unwrap();
    fs::write(swapped.join("owner"), "").unwrap();
    // A build still running (this process).
    let running = owner::create(&root, "public", owner::Kind::Staging).unwrap();
    build(&root, &out, &[("x.html", "2")]).unwrap();
    assert!(!crashed.exists() && !swapped.exists());
    assert!(running.path().join("owner").is_file());
    drop(running);
    assert_eq!(names(&root), ["public"]);
}

#[test]
fn a_second_build_at_the_same_time_refuses_cleanly() {
    let (_tmp, root, out) = project();
    let first = Staging::new(&out, &root).unwrap();
    first.write("x.html", b"1", None).unwrap();
    let err = Staging::new(&out, &root).err().unwrap();
    assert!(
        err.message().contains("another homestart build is writing"),
        "{}",
        err.message()
    );
    first.commit().unwrap();
    build(&root, &out, &[("x.html", "2")]).unwrap();
}

/// What a move-in killed halfway leaves: the journal, some files new. The next build trusts
/// no stat and removes the new files it does not make.
#[test]
fn after_a_journal_the_next_build_distrusts_the_manifest() {
    let (_tmp, root, out) = project();
    build(&root, &out, &[("a.html", "one"), ("b.html", "b")]).unwrap();
    fs::write(out.join("a.html"), "two").unwrap(); // moved in by the killed build
    fs::write(out.join("c.html"), "new").unwrap(); // new in the killed build
    let old = |bytes: &str, stat| Entry {
        hash: manifest::hash(bytes.as_bytes()),
        len: bytes.len() as u64,
        stat,
        made_from: "-".into(),
    };
    // A stat matching the disk is trusted in a finished build's manifest (that is what
    // makes it cheap), never in a journal.
    let a = old("one", manifest::stat_of(&out.join("a.html")).unwrap());
    let (b, c) = (old("b", None), old("new", None));
    let entries = [("a.html", &a), ("b.html", &b), ("c.html", &c)];
    for complete in [true, false] {
        fs::write(
            out.join(MARKER),
            manifest::text(entries.into_iter(), complete),
        )
        .unwrap();
        let s = Staging::new(&out, &root).unwrap();
        s.write("a.html", b"one", None).unwrap();
        assert_eq!(s.written.lock().unwrap()[0].2, !complete, "staged");
    }
    let done = build(&root, &out, &[("a.html", "one"), ("b.html", "b")]).unwrap();
    assert_eq!((done.written, done.removed), (1, 1));
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "one");
    assert!(
        !out.join("c.html").exists(),
        "the killed build's new file is removed"
    );
}

#[test]
fn a_symlinked_folder_in_the_output_is_refused_and_its_target_untouched() {
    let (tmp, root, out) = project();
    build(
        &root,
        &out,
        &[("en/index.html", "en"), ("index.html", "nl")],
    )
    .unwrap();
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir_all(&elsewhere).unwrap();
    fs::write(elsewhere.join("index.html"), "precious").unwrap();
    fs::remove_dir_all(out.join("en")).unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("en")).unwrap();
    let err = build(
        &root,
        &out,
        &[("en/index.html", "EN"), ("index.html", "nl")],
    )
    .err()
    .unwrap();
    assert!(
        err.message().contains("a symbolic link inside"),
        "{}",
        err.message()
    );
    assert!(
        err.message()
            .contains(&format!("{} →", out.join("en").display()))
    );
    // Nor when the build would remove the file there.
    assert!(build(&root, &out, &[("index.html", "nl")]).is_err());
    assert_eq!(names(&elsewhere), ["index.html"]);
    assert_eq!(
        fs::read_to_string(elsewhere.join("index.html")).unwrap(),
        "precious"
    );
    assert!(fs::symlink_metadata(out.join("en")).unwrap().is_symlink());
}

#[test]
fn a_failed_move_in_restores_the_old_site_and_says_so() {
    let (_tmp, root, out) = project();
    let old = [("a.html", "a1"), ("b/index.html", "b1"), ("c.html", "c1")];
    build(&root, &out, &old).unwrap();
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    // Something in the way of the third file to move in: a folder where a file should go.
    fs::remove_file(out.join("c.html")).unwrap();
    fs::create_dir(out.join("c.html")).unwrap();
    fs::write(out.join("c.html/mine.txt"), "mine").unwrap();
    let new = [
        ("a.html", "a2"),
        ("b/index.html", "b2"),
        ("b2/new/index.html", "new"),
        ("c.html", "c2"),
    ];
    let err = build(&root, &out, &new).err().unwrap();
    assert!(
        err.message()
            .contains("the output folder was restored as it was (3 files moved in were put back)"),
        "{}",
        err.message()
    );
    assert!(
        err.message().contains("c.html: a folder is in the way"),
        "{}",
        err.message()
    );
    // In Dutch, the reason too.
    let dutch = err.message_in(Lang::Nl);
    assert!(
        dutch.contains("c.html niet vervangen: er staat een map in de weg; de uitvoermap is hersteld zoals hij was (3 al geplaatste bestanden zijn teruggezet)"),
        "{dutch}"
    );
    assert!(
        err.hint_in(Lang::Nl)
            .unwrap_or_default()
            .starts_with("zet wat in de weg staat ergens anders neer")
    );
    assert_eq!(fs::read_to_string(out.join("a.html")).unwrap(), "a1");
    assert_eq!(fs::read_to_string(out.join("b/index.html")).unwrap(), "b1");
    assert!(
        !out.join("b2").exists(),
        "a new file and its new folders are removed"
    );
    assert_eq!(
        fs::read_to_string(out.join("c.html/mine.txt")).unwrap(),
        "mine"
    );
    assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), marker);
    assert_eq!(names(&root), ["public"]);
}

#[test]
fn a_move_in_that_cannot_be_undone_lists_the_new_files() {
    let (_tmp, root, out) = project();
    let left: Vec<String> = (0..12).map(|i| format!("p{i:02}.html")).collect();
    let m = movein::MoveIn {
        target: &out,
        staged: &root,
        kept: &root,
        changed: Vec::new(),
        journal: String::new(),
        marker_before: None,
    };
    let left: Vec<&str> = left.iter().map(String::as_str).collect();
    let d = m.failed(
        &out.join("x.html"),
        &io::Error::from_raw_os_error(28),
        &left,
        12,
    );
    assert!(
        d.message().contains("the old site could not be restored either: 12 files are new, the others old: p00.html, p01.html, p02.html, p03.html, p04.html, p05.html, p06.html, p07.html, p08.html, p09.html, and 2 more"),
        "{}",
        d.message()
    );
    let dutch = d.message_in(Lang::Nl);
    assert!(
        dutch.contains("ook de oude site kon niet hersteld worden: 12 bestanden zijn nieuw, de andere oud: p00.html, p01.html, p02.html, p03.html, p04.html, p05.html, p06.html, p07.html, p08.html, p09.html en nog 2 andere"),
        "{dutch}"
    );
}

#[test]
fn an_output_of_the_previous_version_is_updated_in_place() {
    let (_tmp, root, out) = project();
    let files = [("a.html", "a"), ("b/index.html", "b")];
    build(&root, &out, &files).unwrap();
    // The marker as the previous version wrote it: no stat column.
    let marker = fs::read_to_string(out.join(MARKER)).unwrap();
    let mut lines = marker.lines();
    let mut old = format!("{}\n# hash length made-from path\n", lines.next().unwrap());
    for line in lines.skip(1) {
        let f: Vec<&str> = line.splitn(5, ' ').collect();
        old.push_str(&format!("{} {} {} {}\n", f[0], f[1], f[3], f[4]));
    }
    fs::write(out.join(MARKER), old).unwrap();
    fs::write(out.join("notes.txt"), "mine").unwrap();
    let done = build(&root, &out, &files).unwrap();
    assert_eq!(done.written, 0, "checked by their bytes, not rewritten");
    assert_eq!(fs::read_to_string(out.join("notes.txt")).unwrap(), "mine");
}
