package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/store"
)

// queryStore makes a store of two articles written for this test.
func queryStore(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "q.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tx, err := st.Begin(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	p := analyze.Default()
	for i, text := range []string{
		"Soldiers shelled a market in Kidal on Friday, killing at least seven civilians, local officials said. " +
			"Governor Ali Traore condemned the attack. \"This was a crime against families,\" he said.",
		"Ali Traore said on Monday that the market would reopen. About 200 traders returned to the square.",
	} {
		d := doc.New([]string{"k1", "k2"}[i], text)
		d.Published, d.URL = []string{"2024-04-05", "2024-04-08"}[i], "https://east-daily.example/"+d.ID
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Put(d, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQueryCommands(t *testing.T) {
	db := queryStore(t)
	cases := []struct {
		cmd  func(args []string, stdout, stderr *bytes.Buffer) int
		args []string
		want string // in the text output
	}{
		{wrap(searchCmd), []string{"market", "--db", db}, "«market»"},
		{wrap(quotesCmd), []string{"--speaker", "Traore", "--db", db}, "a crime against families"},
		{wrap(eventsCmd), []string{"--type", "ASSAULT", "--db", db}, "Kidal"},
		{wrap(figuresCmd), []string{"--category", "killed", "--db", db}, "7 (min)"},
		{wrap(actorsCmd), []string{"--db", db, "--type", "PERSON"}, "Ali Traore"},
		{wrap(actorCmd), []string{"Traore", "--db", db}, "Statements (3)"},
		{wrap(timelineCmd), []string{"--db", db}, "2024-04-"},
	}
	for _, c := range cases {
		for _, format := range []string{"text", "json", "csv"} {
			var out, errb bytes.Buffer
			args := append(append([]string{}, c.args...), "--format", format)
			if code := c.cmd(args, &out, &errb); code != 0 {
				t.Fatalf("%v: exit %d: %s", args, code, errb.String())
			}
			switch format {
			case "text":
				if !strings.Contains(out.String(), c.want) {
					t.Errorf("%v: no %q in\n%s", args, c.want, out.String())
				}
			case "json":
				if !json.Valid(out.Bytes()) {
					t.Errorf("%v: not JSON: %s", args, out.String())
				}
			case "csv":
				if rows, err := csv.NewReader(&out).ReadAll(); err != nil || len(rows) < 2 {
					t.Errorf("%v: csv %v, %d rows", args, err, len(rows))
				}
			}
		}
	}
	// errors: exit statuses and messages
	for _, c := range []struct {
		cmd  func(args []string, stdout, stderr *bytes.Buffer) int
		args []string
		code int
		msg  string
	}{
		{wrap(searchCmd), []string{"--db", db}, 2, "what to search for"},
		{wrap(quotesCmd), []string{"--db", db, "--format", "xml"}, 2, "unknown --format"},
		{wrap(quotesCmd), []string{"--db", db, "--since", "last week"}, 1, "--since"},
		{wrap(eventsCmd), []string{"--db", db, "--type", "CRIME"}, 1, "not a PLOVER category"},
		{wrap(actorCmd), []string{"Nobody", "--db", db}, 3, "no stored actor"},
		{wrap(quotesCmd), []string{"--db", filepath.Join(t.TempDir(), "none.db")}, 1, "no store at"},
		{wrap(timelineCmd), []string{"--help"}, 0, "Usage: dossier timeline"},
	} {
		var out, errb bytes.Buffer
		if code := c.cmd(c.args, &out, &errb); code != c.code || !strings.Contains(errb.String(), c.msg) {
			t.Errorf("%v: exit %d %q, want %d %q", c.args, code, errb.String(), c.code, c.msg)
		}
	}
}

func wrap(f func(args []string, stdout, stderr io.Writer) int) func(args []string, stdout, stderr *bytes.Buffer) int {
	return func(args []string, stdout, stderr *bytes.Buffer) int { return f(args, stdout, stderr) }
}

func TestExportFormats(t *testing.T) {
	db := queryStore(t)
	dir := t.TempDir()
	for _, c := range []struct {
		format, out string
	}{{"csv", filepath.Join(dir, "tables")}, {"acled", filepath.Join(dir, "acled.csv")}, {"plover", ""}} {
		var out, errb bytes.Buffer
		args := []string{"--db", db, "--format", c.format}
		if c.out != "" {
			args = append(args, "--out", c.out)
		}
		if code := exportCmd(args, &out, &errb); code != 0 {
			t.Fatalf("export %s: exit %d: %s", c.format, code, errb.String())
		}
		switch c.format {
		case "csv":
			b, err := os.ReadFile(filepath.Join(c.out, "quotes.csv"))
			if err != nil || !strings.Contains(string(b), "Ali Traore") {
				t.Errorf("quotes.csv: %v %s", err, b)
			}
		case "acled":
			b, _ := os.ReadFile(c.out)
			if !strings.Contains(string(b), "Shelling/artillery/missile attack") {
				t.Errorf("acled: %s", b)
			}
		case "plover":
			if !strings.Contains(out.String(), `"event":["ASSAULT"]`) {
				t.Errorf("plover: %s", out.String())
			}
		}
	}
}
