package main

import (
	"bytes"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/store/storetest"
)

// The store commands on PostgreSQL (--db postgres://...): they skip
// without a server (storetest.Env).

// TestPostgresIngestExport: ingest, show, export, check, stats and errors
// on PostgreSQL, and the export equals the same input's on SQLite byte for
// byte.
func TestPostgresIngestExport(t *testing.T) {
	pg := storetest.Postgres(t)
	dir := t.TempDir()
	lite := filepath.Join(dir, "t.db")
	in := newsJSONL(t, dir, 0, 8)
	exports := map[string]string{}
	for _, db := range []string{lite, pg} {
		var errb bytes.Buffer
		if code := ingestCmd([]string{"--db", db, in}, nil, &bytes.Buffer{}, &errb); code != 0 {
			t.Fatalf("ingest exit %d: %s", code, errb.String())
		}
		errb.Reset()
		if code := ingestCmd([]string{"--db", db, in}, nil, &bytes.Buffer{}, &errb); code != 0 || !strings.Contains(errb.String(), "nothing new") {
			t.Fatalf("second ingest: exit %d, %q; want nothing new", code, errb.String())
		}
		var out bytes.Buffer
		if code := exportCmd([]string{"--db", db, "--format", "jsonl"}, &out, &errb); code != 0 {
			t.Fatalf("export exit %d: %s", code, errb.String())
		}
		exports[db] = out.String()
	}
	if exports[lite] != exports[pg] || strings.Count(exports[pg], "\n") != 8 {
		t.Fatalf("the export from PostgreSQL differs from SQLite's:\n%s\n---\n%s", exports[pg], exports[lite])
	}
	var out, errb bytes.Buffer
	if code := showCmd([]string{"--db", pg, "--format", "text", "n3"}, &out, &errb); code != 0 || !strings.Contains(out.String(), "Ana Brisk") {
		t.Fatalf("show --format text: exit %d, %q %s", code, out.String(), errb.String())
	}
	for name, cmd := range map[string]func([]string, *bytes.Buffer, *bytes.Buffer) int{
		"check":  func(a []string, o, e *bytes.Buffer) int { return checkCmd(a, o, e) },
		"stats":  func(a []string, o, e *bytes.Buffer) int { return statsCmd(a, o, e) },
		"errors": func(a []string, o, e *bytes.Buffer) int { return errorsCmd(a, o, e) },
	} {
		if code := cmd([]string{"--db", pg}, &out, &errb); code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, errb.String())
		}
	}
	// What the commands print names the store without its password.
	if u, err := url.Parse(pg); err == nil {
		if pw, ok := u.User.Password(); ok && pw != "" && strings.Contains(out.String()+errb.String(), ":"+pw+"@") {
			t.Errorf("a command printed the store's password:\n%s%s", out.String(), errb.String())
		}
	}
}

// TestPostgresIngestKilled: kill -9 in the middle of an ingest into
// PostgreSQL loses no committed document, leaves a store that passes
// check and no lock behind; running again stores each document once.
func TestPostgresIngestKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("runs dossier as a subprocess for seconds")
	}
	// 1,000 articles, so that the kill lands mid-run on a fast machine too
	// (300 were all committed between two polls once).
	killAndResume(t, storetest.Postgres(t), 1000)
}

// TestPostgresQueries: the query commands answer the same on PostgreSQL
// as on SQLite for the bundled corpus; search and quotes --about say they
// are not yet built there.
func TestPostgresQueries(t *testing.T) {
	if testing.Short() {
		t.Skip("ingests the bundled corpus twice")
	}
	pg := storetest.Postgres(t)
	lite := filepath.Join(t.TempDir(), "t.db")
	in := filepath.Join("..", "..", "examples", "corpus", "corpus.jsonl")
	for _, db := range []string{lite, pg} {
		if code, _, errs := runDossier(t, "ingest", "--db", db, in); code != 0 {
			t.Fatalf("ingest into %s: exit %d: %s", db, code, errs)
		}
	}
	for _, q := range [][]string{
		{"quotes", "--limit", "20"}, {"quotes", "--speaker", "Haller"}, {"events", "--limit", "20"},
		{"events", "--actor", "rebels"}, {"figures", "--limit", "20"}, {"actors", "--limit", "20"},
		{"actor", "Haller"}, {"timeline", "--limit", "20"},
	} {
		args := append(q, "--format", "json")
		code1, want, errs1 := runDossier(t, append(args, "--db", lite)...)
		code2, got, errs2 := runDossier(t, append(args, "--db", pg)...)
		if code1 != 0 || code2 != 0 || got != want {
			t.Errorf("%v: SQLite exit %d %s, PostgreSQL exit %d %s; answers differ: %v", q, code1, errs1, code2, errs2, got != want)
		}
	}
	for _, q := range [][]string{{"search", "ceasefire"}, {"quotes", "--about", "port"}} {
		code, _, errs := runDossier(t, append(q, "--db", pg)...)
		if code == 0 || !strings.Contains(errs, "not yet on PostgreSQL") {
			t.Errorf("%v on PostgreSQL: exit %d, %q; want a clear not-yet error", q, code, errs)
		}
	}
}
