package analyze

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/report"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ (review the diff by eye before committing)")

// TestGolden runs the whole pipeline on each bundled article and compares
// the JSON and the text report with golden files that a person has read.
// After a deliberate change: go test ./analyze -run Golden -update, then
// read git diff analyze/testdata. The golden files are what the pipeline
// does, not right answers: the wrong items a reader found in them are
// listed in testdata/known_errors.txt (TestKnownErrors).
func TestGolden(t *testing.T) {
	for _, name := range examples.Names() {
		t.Run(name, func(t *testing.T) {
			d := doc.New(name, examples.Text(name))
			d.Published, d.PublishedFrom = "2024-05-16", "flag"
			if err := Default().Process(d); err != nil {
				t.Fatal(err)
			}
			if err := d.Validate(); err != nil {
				t.Fatal(err)
			}
			js, err := json.MarshalIndent(d, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			var rep bytes.Buffer
			report.Write(&rep, d)
			base := strings.TrimSuffix(name, ".txt")
			check(t, filepath.Join("testdata", base+".golden.json"), append(js, '\n'))
			check(t, filepath.Join("testdata", base+".golden.txt"), rep.Bytes())
		})
	}
}

func check(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with: go test ./analyze -run Golden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the pipeline's output; if the change is deliberate, run go test ./analyze -run Golden -update and review the diff", path)
	}
}
