package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier/store"
)

// The store tests run dossier as a real process (to kill it, or to run two
// at once): the test binary re-executes itself as dossier when
// DOSSIER_TEST_RUN is set.
func TestMain(m *testing.M) {
	if os.Getenv("DOSSIER_TEST_RUN") == "1" {
		os.Exit(run(os.Args[1], os.Args[2:]))
	}
	os.Exit(m.Run())
}

// dossierCmd is a dossier process (not started).
func dossierCmd(args ...string) *exec.Cmd {
	c := exec.Command(os.Args[0], args...)
	c.Env = append(os.Environ(), "DOSSIER_TEST_RUN=1")
	return c
}

// runDossier runs dossier to the end and returns its exit code and output.
func runDossier(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	c := dossierCmd(args...)
	var out, errb bytes.Buffer
	c.Stdout, c.Stderr = &out, &errb
	err := c.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), out.String(), errb.String()
	}
	if err != nil {
		t.Fatal(err)
	}
	return 0, out.String(), errb.String()
}

// newsJSONL writes n short invented articles as JSON Lines, ids from first.
func newsJSONL(t *testing.T, dir string, first, n int) string {
	t.Helper()
	var b strings.Builder
	for i := first; i < first+n; i++ {
		text := fmt.Sprintf("Harbour workers in Velmora ended strike number %d.\n\nUnion leader Ana Brisk said on Monday that %d members had voted to return. "+
			"\"The port opens tomorrow,\" she said. The ministry welcomed the deal.", i, 100+i)
		fmt.Fprintf(&b, `{"id":"n%d","text":%q,"published":"2024-05-%02d"}`+"\n", i, text, 1+i%28)
	}
	p := filepath.Join(dir, fmt.Sprintf("news-%d-%d.jsonl", first, n))
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func storedCount(t *testing.T, db string) int {
	t.Helper()
	st, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		return -1
	}
	defer st.Close()
	var n int
	if err := st.DB().QueryRow("SELECT count(*) FROM documents").Scan(&n); err != nil {
		return -1
	}
	return n
}

func mustCheck(t *testing.T, db string) {
	t.Helper()
	if code, out, errs := runDossier(t, "check", "--db", db); code != 0 {
		t.Fatalf("dossier check: exit %d\n%s%s", code, out, errs)
	}
}

// TestIngestShowExport: the commands end to end in one process.
func TestIngestShowExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	in := newsJSONL(t, dir, 0, 5)
	if code := ingestCmd([]string{"--db", db, in}, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("ingest exit %d", code)
	}
	var errb bytes.Buffer
	if code := ingestCmd([]string{"--db", db, in}, nil, &bytes.Buffer{}, &errb); code != 0 || !strings.Contains(errb.String(), "nothing new") {
		t.Fatalf("second ingest: exit %d, %q; want nothing new", code, errb.String())
	}
	var out bytes.Buffer
	if code := showCmd([]string{"--db", db, "n3"}, &out, &errb); code != 0 {
		t.Fatalf("show exit %d: %s", code, errb.String())
	}
	var d struct{ ID, Text string }
	if err := json.Unmarshal(out.Bytes(), &d); err != nil || d.ID != "n3" || !strings.Contains(d.Text, "strike number 3") {
		t.Fatalf("show printed %q (%v)", out.String(), err)
	}
	out.Reset()
	if code := showCmd([]string{"--db", db, "--format", "text", "n3"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Ana Brisk") {
		t.Fatalf("show --format text: exit %d, %q", code, out.String())
	}
	if code := showCmd([]string{"--db", db, "nope"}, &out, &errb); code != 1 {
		t.Errorf("show of a missing id: exit %d, want 1", code)
	}
	out.Reset()
	if code := exportCmd([]string{"--db", db, "--format", "jsonl"}, &out, &errb); code != 0 || strings.Count(out.String(), "\n") != 5 {
		t.Fatalf("export: exit %d, %d lines", code, strings.Count(out.String(), "\n"))
	}
	for _, cmd := range []func([]string, *bytes.Buffer, *bytes.Buffer) int{
		func(a []string, o, e *bytes.Buffer) int { return checkCmd(a, o, e) },
		func(a []string, o, e *bytes.Buffer) int { return statsCmd(a, o, e) },
		func(a []string, o, e *bytes.Buffer) int { return errorsCmd(a, o, e) },
	} {
		if code := cmd([]string{"--db", db}, &out, &errb); code != 0 {
			t.Errorf("exit %d: %s", code, errb.String())
		}
	}
	if code := exportCmd([]string{"--db", filepath.Join(dir, "none.db")}, &out, &errb); code != 1 || !strings.Contains(errb.String(), "no store at") {
		t.Errorf("export of a missing store: exit %d, %q", code, errb.String())
	}
}

// TestIngestKilled: kill -9 in the middle of an ingest loses no committed
// document and leaves a store that passes check; running again completes.
func TestIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs dossier as a subprocess for seconds")
	}
	killAndResume(t, filepath.Join(t.TempDir(), "t.db"), 400)
}

// killAndResume ingests n generated articles into db in a subprocess,
// kills it with SIGKILL once at least 20 are committed, and checks that
// nothing committed was lost, that the store passes check, and that a
// second ingest (--wait=false: the killed one must have left no lock)
// skips what was stored and completes to n. It skips when the ingest
// finished before the kill could land.
func killAndResume(t *testing.T, db string, n int) {
	t.Helper()
	in := newsJSONL(t, t.TempDir(), 0, n)
	c := dossierCmd("ingest", "--db", db, "--batch", "10", "--workers", "2", in)
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(60 * time.Second)
	seen := 0
	for seen < 20 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
		seen = max(seen, storedCount(t, db))
	}
	c.Process.Kill() // SIGKILL
	c.Wait()
	if seen < 20 {
		t.Fatalf("the ingest stored %d documents in a minute; cannot test a kill mid-run", seen)
	}
	after := storedCount(t, db)
	if after == n {
		t.Skipf("the ingest stored all %d documents before it could be killed", n)
	}
	if after < seen {
		t.Fatalf("%d documents were committed before the kill, %d after: committed documents lost", seen, after)
	}
	mustCheck(t, db)
	code, _, errs := runDossier(t, "ingest", "--db", db, "--wait=false", in)
	if code != 0 || !strings.Contains(errs, fmt.Sprintf("skipped %d already stored", after)) {
		t.Fatalf("the resumed ingest: exit %d, %s (want %d skipped)", code, errs, after)
	}
	if got := storedCount(t, db); got != n {
		t.Fatalf("%d documents stored after resuming, want %d", got, n)
	}
	mustCheck(t, db)
	t.Logf("killed with %d documents committed (%d seen before the kill); resumed to %d", after, seen, n)
}

// TestTwoIngests: a second ingest into a store that another is writing
// either waits (the default) or, with --wait=false, refuses clearly; two
// ingests started together both finish and corrupt nothing.
func TestTwoIngests(t *testing.T) {
	if testing.Short() {
		t.Skip("runs dossier as a subprocess for seconds")
	}
	dir := t.TempDir()
	db := filepath.Join(dir, "t.db")
	a := newsJSONL(t, dir, 0, 200)
	b := newsJSONL(t, dir, 150, 100) // overlaps a by 50 documents

	// This test holds the writer's lock, as a running ingest would.
	st, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	unlock, err := st.LockWriter(false, nil)
	if err != nil {
		t.Fatal(err)
	}
	code, _, refused := runDossier(t, "ingest", "--db", db, "--wait=false", b)
	if code != 1 || !strings.Contains(refused, "another ingest is writing") {
		t.Errorf("--wait=false beside a running ingest: exit %d, %q; want a clear refusal", code, refused)
	}
	waiter := dossierCmd("ingest", "--db", db, b)
	var waitErr syncBuffer
	waiter.Stderr = &waitErr
	if err := waiter.Start(); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 1500 && !strings.Contains(waitErr.String(), "waiting for it to finish"); i++ {
		time.Sleep(20 * time.Millisecond)
	}
	if !strings.Contains(waitErr.String(), "waiting for it to finish") {
		t.Errorf("the second ingest did not say it waits: %q", waitErr.String())
	}
	if n := storedCount(t, db); n != 0 {
		t.Errorf("the waiting ingest stored %d documents while the lock was held", n)
	}
	unlock()
	st.Close()
	if err := waiter.Wait(); err != nil {
		t.Fatalf("the waiting ingest: %v\n%s", err, waitErr.String())
	}

	// Two real ingests at once.
	first, second := dossierCmd("ingest", "--db", db, "--batch", "10", a), dossierCmd("ingest", "--db", db, "--batch", "10", b)
	var e1, e2 bytes.Buffer
	first.Stderr, second.Stderr = &e1, &e2
	if err := first.Start(); err != nil {
		t.Fatal(err)
	}
	if err := second.Start(); err != nil {
		t.Fatal(err)
	}
	if err := first.Wait(); err != nil {
		t.Fatalf("first ingest: %v\n%s", err, e1.String())
	}
	if err := second.Wait(); err != nil {
		t.Fatalf("second ingest: %v\n%s", err, e2.String())
	}
	if got := storedCount(t, db); got != 250 {
		t.Errorf("%d documents stored, want 250", got)
	}
	mustCheck(t, db)
}

// syncBuffer is a bytes.Buffer safe to read while a process writes it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestExportRoundTripGold: what extract --jsonl says of each PolNeAR dev
// document is what the store gives back, byte for byte, once the corpus
// fields that linking adds (story, duplicate_of, entities[].actor) are
// taken out.
func TestExportRoundTripGold(t *testing.T) {
	gold := filepath.Join("..", "..", "..", "shared", "gold", "polnear", "dev.jsonl")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("gold corpus not found (%v): needs ../shared beside the worktree", err)
	}
	var want, out, errb bytes.Buffer
	if code := extract([]string{"--jsonl", gold}, nil, &want, &errb); code != 0 {
		t.Fatalf("extract: %d %s", code, errb.String())
	}
	db := filepath.Join(t.TempDir(), "t.db")
	if code := ingestCmd([]string{"--db", db, gold}, nil, &out, &errb); code != 0 {
		t.Fatalf("ingest: %d %s", code, errb.String())
	}
	if code := exportCmd([]string{"--db", db, "--format", "jsonl"}, &out, &errb); code != 0 {
		t.Fatalf("export: %d %s", code, errb.String())
	}
	wl, gl := strings.Split(want.String(), "\n"), strings.Split(out.String(), "\n")
	if len(wl) != len(gl) || len(wl) < 85 {
		t.Fatalf("extract gave %d lines, export %d", len(wl), len(gl))
	}
	linked := 0
	for i := range wl {
		g := corpusFields.ReplaceAllString(gl[i], "")
		if g != gl[i] {
			linked++
		}
		if wl[i] != g {
			t.Fatalf("line %d: the store gives back another document than extract made", i+1)
		}
	}
	if linked < 84 {
		t.Errorf("only %d exported documents carry corpus links, want every one", linked)
	}
}

// corpusFields matches the corpus links of an exported line.
var corpusFields = regexp.MustCompile(`,"(actor|story|duplicate_of)":"[^"]*"`)
