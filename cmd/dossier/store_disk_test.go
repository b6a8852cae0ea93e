//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// tmpfs mounts a small tmpfs for a test (root only) and unmounts it after.
func tmpfs(t *testing.T, size string) string {
	t.Helper()
	if os.Geteuid() != 0 {
		t.Skip("needs root to mount a tmpfs (the read-only and full-disk cases are tested as root, as CI runs)")
	}
	dir := filepath.Join(t.TempDir(), "m")
	os.Mkdir(dir, 0o755)
	if out, err := exec.Command("mount", "-t", "tmpfs", "-o", "size="+size, "tmpfs", dir).CombinedOutput(); err != nil {
		t.Skipf("cannot mount a tmpfs here (%v: %s)", err, out)
	}
	t.Cleanup(func() { exec.Command("umount", "-l", dir).Run() })
	return dir
}

func remount(t *testing.T, dir, opts string) {
	t.Helper()
	if out, err := exec.Command("mount", "-o", "remount,"+opts, dir).CombinedOutput(); err != nil {
		t.Fatalf("remount %s: %v: %s", opts, err, out)
	}
}

// TestIngestReadOnlyDisk: a store on a disk gone read-only gives a clear
// error and loses nothing stored.
func TestIngestReadOnlyDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a file system")
	}
	dir := tmpfs(t, "16m")
	db := filepath.Join(dir, "t.db")
	if code, _, errs := runDossier(t, "ingest", "--db", db, newsJSONL(t, t.TempDir(), 0, 10)); code != 0 {
		t.Fatalf("ingest: %d %s", code, errs)
	}
	remount(t, dir, "ro")
	code, _, errs := runDossier(t, "ingest", "--db", db, newsJSONL(t, t.TempDir(), 10, 10))
	if code == 0 || !strings.Contains(errs, "read-only") {
		t.Errorf("ingest into a read-only store: exit %d, %q; want an error that says read-only", code, errs)
	}
	remount(t, dir, "rw")
	if n := storedCount(t, db); n != 10 {
		t.Errorf("%d documents after the failed ingest, want the 10 stored before", n)
	}
	mustCheck(t, db)
}

// TestIngestFullDisk: a disk that fills mid-ingest stops it with a clear
// error; what was committed is kept, the store passes check, and the same
// command run again with space continues.
func TestIngestFullDisk(t *testing.T) {
	if testing.Short() {
		t.Skip("mounts a file system")
	}
	dir := tmpfs(t, "600k")
	db := filepath.Join(dir, "t.db")
	in := newsJSONL(t, t.TempDir(), 0, 600)
	code, _, errs := runDossier(t, "ingest", "--db", db, "--batch", "10", in)
	if code == 0 || !strings.Contains(errs, "disk is full") {
		t.Fatalf("ingest onto a full disk: exit %d, %q; want an error that says the disk is full", code, errs)
	}
	n := storedCount(t, db)
	if n <= 0 || n >= 600 {
		t.Fatalf("%d documents committed before the disk filled; want some, not all", n)
	}
	remount(t, dir, "size=16m")
	mustCheck(t, db)
	if code, _, errs := runDossier(t, "ingest", "--db", db, in); code != 0 {
		t.Fatalf("ingest again with space: exit %d, %s", code, errs)
	}
	if got := storedCount(t, db); got != 600 {
		t.Errorf("%d documents after resuming, want 600", got)
	}
	mustCheck(t, db)
	t.Logf("the disk filled after %d documents", n)
}
