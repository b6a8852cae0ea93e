package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
)

// The test articles, written for these tests.
var articles = []struct{ id, published, url, text string }{
	{"t1", "2024-03-12", "https://www.example-news.org/a/1",
		"Rebels clashed with Malian soldiers near Gao on Monday, killing at least 12 people, the army said.\n\n" +
			"Defence Minister Amara Keita said on Tuesday that the attackers had fled north. " +
			"\"We will not allow them to return,\" he told reporters."},
	{"t2", "2024-03-14", "",
		"Thousands of protesters marched in Bamako on Wednesday to demand the release of the detained journalists. " +
			"Police arrested 40 demonstrators, a rights group said.\n\n" +
			"A drone strike hit a convoy in Kidal province on March 2, killing five fighters."},
	{"t3", "2024-03-20", "",
		"The two sides agreed to a ceasefire in Timbuktu last week. The government did not impose a curfew."},
}

// analysed returns the test articles analysed by the default pipeline; t4
// is a republished copy of t1.
func analysed(t testing.TB) []*doc.Document {
	t.Helper()
	p := analyze.Default()
	var out []*doc.Document
	for _, a := range articles {
		d := doc.New(a.id, a.text)
		d.Published, d.URL, d.Source = a.published, a.url, "test"
		if err := p.Process(d); err != nil {
			t.Fatal(err)
		}
		d.Story = "S-" + a.id
		out = append(out, d)
	}
	dup := doc.New("t4", articles[0].text)
	dup.Published, dup.DuplicateOf, dup.Story = "2024-03-13", "t1", "S-t1"
	if err := p.Process(dup); err != nil {
		t.Fatal(err)
	}
	return append(out, dup)
}

// exportAll writes docs in the format name into out (a folder for csv)
// and returns what a stream format wrote.
func exportAll(t testing.TB, name, out string, docs []*doc.Document) *bytes.Buffer {
	t.Helper()
	var buf bytes.Buffer
	w, err := Open(name, out, &buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range docs {
		if err := w.Write(d); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return &buf
}

func byID(docs []*doc.Document) map[string]*doc.Document {
	m := map[string]*doc.Document{}
	for _, d := range docs {
		m[d.ID] = d
	}
	return m
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// checkEvidence checks that text[start:end] of the row's document is the
// row's text, for every (text, start, end) triple of columns named.
func checkEvidence(t *testing.T, table string, docs map[string]*doc.Document, row map[string]string, triples ...[3]string) {
	t.Helper()
	d := docs[row["doc_id"]]
	if d == nil {
		t.Fatalf("%s: row of unknown document %q", table, row["doc_id"])
	}
	for _, tr := range triples {
		if row[tr[1]] == "" && row[tr[0]] == "" {
			continue
		}
		s, err1 := strconv.Atoi(row[tr[1]])
		e, err2 := strconv.Atoi(row[tr[2]])
		if err1 != nil || err2 != nil || s < 0 || e > len(d.Text) || s > e {
			t.Fatalf("%s: bad offsets %q %q", table, row[tr[1]], row[tr[2]])
		}
		if d.Text[s:e] != row[tr[0]] {
			t.Errorf("%s %s: text[%d:%d] = %q, column says %q", table, tr[0], s, e, d.Text[s:e], row[tr[0]])
		}
	}
}

func TestCSV(t *testing.T) {
	docs := analysed(t)
	dir := filepath.Join(t.TempDir(), "out")
	exportAll(t, "csv", dir, docs)
	ids := byID(docs)
	counts := map[string]int{}
	for _, d := range docs {
		counts["documents.csv"]++
		counts["quotes.csv"] += len(d.Quotes)
		counts["events.csv"] += len(d.Events)
		counts["figures.csv"] += len(d.Quantities)
		counts["actors.csv"] += len(d.Entities)
	}
	evidence := map[string][][3]string{
		"quotes.csv":  {{"source_text", "source_start", "source_end"}, {"cue_text", "cue_start", "cue_end"}, {"content_text", "content_start", "content_end"}},
		"events.csv":  {{"trigger_text", "trigger_start", "trigger_end"}, {"evidence_text", "evidence_start", "evidence_end"}},
		"figures.csv": {{"text", "start", "end"}, {"evidence_text", "evidence_start", "evidence_end"}},
		"actors.csv":  {{"first_text", "first_start", "first_end"}},
	}
	tables := map[string][]map[string]string{}
	for _, tb := range csvTables {
		rows := readCSV(t, filepath.Join(dir, tb.file))
		tables[tb.file] = rows
		if len(rows) != counts[tb.file] {
			t.Errorf("%s: %d rows, want %d", tb.file, len(rows), counts[tb.file])
		}
		for _, r := range rows {
			checkEvidence(t, tb.file, ids, r, evidence[tb.file]...)
		}
	}
	// the pronoun's quote is found under its resolved speaker
	found := false
	for _, r := range tables["quotes.csv"] {
		if r["source_text"] == "he" && r["speaker"] == "Amara Keita" && r["kind"] == "direct" {
			found = true
		}
	}
	if !found {
		t.Errorf("quotes.csv: no direct quote of Amara Keita through \"he\": %v", tables["quotes.csv"])
	}
	docRow := tables["documents.csv"][3]
	if docRow["doc_id"] != "t4" || docRow["duplicate_of"] != "t1" || docRow["story"] != "S-t1" {
		t.Errorf("documents.csv: the copy's row is %v", docRow)
	}
	for _, r := range tables["figures.csv"] {
		if r["text"] == "at least 12 people" && (r["bound"] != "min" || r["category"] != "killed" || r["value"] != "12") {
			t.Errorf("figures.csv: %v", r)
		}
	}
}

func TestMapACLED(t *testing.T) {
	cases := []struct {
		category, mode, words string
		want                  ACLEDType
		ok                    bool
	}{
		{"ASSAULT", "aerial", "bombed", ACLEDType{"Political violence", "Explosions/Remote violence", "Air/drone strike"}, true},
		{"ASSAULT", "explosives", "threw a grenade", ACLEDType{"Political violence", "Explosions/Remote violence", "Grenade"}, true},
		{"ASSAULT", "explosives", "planted a bomb", ACLEDType{"Political violence", "Explosions/Remote violence", "Remote explosive/landmine/IED"}, true},
		{"ASSAULT", "", "Rebels clashed", ACLEDType{"Political violence", "Battles", "Armed clash"}, true},
		{"ASSAULT", "firearms", "fought", ACLEDType{"Political violence", "Battles", "Armed clash"}, true},
		{"ASSAULT", "", "drone killing", ACLEDType{"Political violence", "Explosions/Remote violence", "Air/drone strike"}, true},
		{"ASSAULT", "", "killed", ACLEDType{"Political violence", "", ""}, true},
		{"ASSAULT", "", "sheltered", ACLEDType{"Political violence", "", ""}, true}, // "shell" does not begin "sheltered"
		{"PROTEST", "riot", "rioted", ACLEDType{"Demonstrations", "Riots", "Violent demonstration"}, true},
		{"PROTEST", "", "rallied", ACLEDType{"Demonstrations", "Protests", "Peaceful protest"}, true},
		{"PROTEST", "boycott", "boycotted", ACLEDType{}, false},
		{"COERCE", "arrest", "arrested", ACLEDType{"Strategic developments", "Strategic developments", "Arrests"}, true},
		{"MOBILIZE", "troops", "deployed", ACLEDType{"Strategic developments", "Strategic developments", "Change to group/activity"}, true},
		{"AGREE", "", "agreed to a ceasefire", ACLEDType{"Strategic developments", "Strategic developments", "Agreement"}, true},
		{"AGREE", "", "promised to help", ACLEDType{}, false},
		{"CONSULT", "visit", "visited", ACLEDType{}, false},
		{"SANCTION", "", "imposed sanctions", ACLEDType{}, false},
	}
	for _, c := range cases {
		got, ok := MapACLED(c.category, c.mode, c.words)
		if got != c.want || ok != c.ok {
			t.Errorf("MapACLED(%s, %q, %q) = %v, %v; want %v, %v", c.category, c.mode, c.words, got, ok, c.want, c.ok)
		}
	}
}

// acledTypes are ACLED's event types and their sub-event types (the
// codebook's), to check that data/acled.txt names no other.
var acledTypes = map[string][]string{
	"Battles":                    {"Armed clash", "Government regains territory", "Non-state actor overtakes territory"},
	"Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"},
	"Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
	"Protests":                   {"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
	"Riots":                      {"Violent demonstration", "Mob violence"},
	"Strategic developments":     {"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"},
}

func TestACLEDData(t *testing.T) {
	disorders := map[string]bool{"Political violence": true, "Demonstrations": true, "Strategic developments": true}
	for _, r := range acledRules {
		if ploverCategories[r.category] == nil {
			t.Errorf("acled.txt: %s is no PLOVER category", r.category)
		}
		if !disorders[r.disorder] {
			t.Errorf("acled.txt: %q is no ACLED disorder type", r.disorder)
		}
		if r.eventType == "" && r.sub == "" {
			continue
		}
		subs, ok := acledTypes[r.eventType]
		if !ok {
			t.Errorf("acled.txt: %q is no ACLED event type", r.eventType)
		}
		found := false
		for _, s := range subs {
			found = found || s == r.sub
		}
		if !found {
			t.Errorf("acled.txt: %q is no sub-event type of %q", r.sub, r.eventType)
		}
	}
}

func TestACLED(t *testing.T) {
	docs := analysed(t)
	buf := exportAll(t, "acled", "-", docs)
	rows, err := csv.NewReader(buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(rows[0], ",") != strings.Join(ACLEDColumns, ",") {
		t.Fatalf("header %v", rows[0])
	}
	ids := byID(docs)
	got := map[string]map[string]string{}
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, c := range rows[0] {
			m[c] = r[i]
		}
		if m["doc_id"] == "t4" {
			t.Errorf("the copy t4's events are exported: %v", m)
		}
		d := ids[m["doc_id"]]
		s, _ := strconv.Atoi(m["evidence_start"])
		e, _ := strconv.Atoi(m["evidence_end"])
		if d.Text[s:e] != m["notes"] {
			t.Errorf("notes %q are not text[%d:%d]", m["notes"], s, e)
		}
		got[m["doc_id"]+" "+m["plover_type"]] = m
	}
	want := []struct{ key, col, val string }{
		{"t1 ASSAULT", "event_type", "Battles"},
		{"t1 ASSAULT", "sub_event_type", "Armed clash"},
		{"t1 ASSAULT", "country", "Mali"},
		{"t1 ASSAULT", "location", "Gao"},
		{"t1 ASSAULT", "fatalities", "12"},
		{"t1 ASSAULT", "fatalities_bound", "min"},
		{"t1 ASSAULT", "event_date", "2024-03-11"},
		{"t1 ASSAULT", "time_precision", "1"},
		{"t1 ASSAULT", "source", "example-news.org"},
		{"t2 PROTEST", "sub_event_type", "Peaceful protest"},
		{"t2 COERCE", "sub_event_type", "Arrests"},
		{"t2 ASSAULT", "sub_event_type", "Air/drone strike"},
		{"t2 ASSAULT", "fatalities", "5"},
		{"t2 ASSAULT", "country", "Mali"},
		{"t3 AGREE", "sub_event_type", "Agreement"},
		{"t3 AGREE", "time_precision", "2"},
	}
	for _, c := range want {
		if r := got[c.key]; r == nil || r[c.col] != c.val {
			t.Errorf("%s: %s = %q, want %q (row %v)", c.key, c.col, r[c.col], c.val, r)
		}
	}
	if r := got["t3 COERCE"]; r != nil {
		t.Errorf("the negated curfew is exported: %v", r)
	}
}

func TestPLOVERMode(t *testing.T) {
	cases := []struct {
		category, mode, want string
		score                float64
		quad                 int
	}{
		{"ASSAULT", "", "", -9, 4},
		{"ASSAULT", "assassinate", "targeted", -9.5, 4},
		{"COERCE", "confiscate", "seize", -7, 4},
		{"COERCE", "abduct", "", -7, 4}, // PLOVER's abduct is an ASSAULT mode
		{"PROTEST", "vandalize", "vandalize", -5, 4},
		{"CONSULT", "visit", "visit", 4, 1},
		{"ACCUSE", "", "", -3, 3},
		{"SANCTION", "", "", -6, 4},
		{"AID", "humanitarian", "", 10, 2},
		{"CRIME", "", "", 0, 0},
	}
	for _, c := range cases {
		m, s, q := PLOVERMode(c.category, c.mode)
		if m != c.want || s != c.score || q != c.quad {
			t.Errorf("PLOVERMode(%s, %q) = %q, %v, %d; want %q, %v, %d", c.category, c.mode, m, s, q, c.want, c.score, c.quad)
		}
	}
}

func TestPLOVER(t *testing.T) {
	docs := analysed(t)
	buf := exportAll(t, "plover", "", docs)
	ids := byID(docs)
	var recs []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		recs = append(recs, r)
	}
	// t1 1, t2 3, t3 1 (the curfew is negated), t4 none (a copy)
	if len(recs) != 5 {
		t.Fatalf("%d records, want 5: %s", len(recs), buf.String())
	}
	for _, r := range recs {
		for _, f := range []string{"id", "date", "actor", "recipient", "event", "mode", "text", "text_info", "cite_info", "quad_code", "event_scale"} {
			if _, ok := r[f]; !ok {
				t.Errorf("record %v has no %s", r["id"], f)
			}
		}
		d := ids[r["doc_id"].(string)]
		ti := r["text_info"].(map[string]any)
		s, e := int(ti["start"].(float64)), int(ti["end"].(float64))
		if d.Text[s:e] != r["text"] {
			t.Errorf("%v: text is not text[%d:%d]", r["id"], s, e)
		}
	}
	first := recs[0]
	if first["id"] != "t1-1" || first["date"] != "2024-03-11" || first["link"] != "S-t1" ||
		first["event"].([]any)[0] != "ASSAULT" || first["dead"] != 12.0 || first["dead_bound"] != "min" ||
		first["modality"] != "claimed" || first["event_loc"].(map[string]any)["country"] != "Mali" {
		t.Errorf("first record: %v", first)
	}
	rec := first["recipient"].([]any)[0].(map[string]any)
	if rec["identifier_text"] != "Malian soldiers" {
		t.Errorf("recipient: %v", rec)
	}
}

func TestPeriodOf(t *testing.T) {
	cases := []struct{ in, date, unit string }{
		{"2024-03-11", "2024-03-11", "day"},
		{"2024-03-11T10:30", "2024-03-11", "day"},
		{"2024-03", "2024-03-01", "month"},
		{"2024", "2024-01-01", "year"},
		{"2024-W11", "2024-03-11", "week"},
		{"2021-W01", "2021-01-04", "week"},
		{"2026-W01", "2025-12-29", "week"},
		{"2024-Q3", "2024-07-01", "quarter"},
		{"2024-H2", "2024-07-01", "half"},
		{"2024-SU", "2024-01-01", "year"},
		{"XXXX-03", "", ""},
		{"P9Y", "", ""},
		{"PAST_REF", "", ""},
		{"202X", "", ""},
		{"", "", ""},
		{"2024-3", "", ""},
	}
	for _, c := range cases {
		if p := PeriodOf(c.in); p.Date != c.date || p.Unit != c.unit {
			t.Errorf("PeriodOf(%q) = %v, want %s %s", c.in, p, c.date, c.unit)
		}
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open("xml", "", nil); err == nil || !strings.Contains(err.Error(), "csv, acled, plover") {
		t.Errorf("unknown format: %v", err)
	}
	if _, err := Open("csv", "", nil); err == nil || !strings.Contains(err.Error(), "--out") {
		t.Errorf("csv without a folder: %v", err)
	}
	// a folder that cannot be made: a file stands in its way
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, nil, 0o644)
	if _, err := Open("csv", filepath.Join(file, "sub"), nil); err == nil {
		t.Error("csv into a path under a file: no error")
	}
}

func BenchmarkExport(b *testing.B) {
	// 1,000 documents, so that opening the files is not what is measured
	var docs []*doc.Document
	for len(docs) < 1000 {
		docs = append(docs, analysed(b)...)
	}
	for _, f := range Formats {
		name := f.Name
		b.Run(name, func(b *testing.B) {
			dir := "-"
			if f.Dir {
				dir = b.TempDir()
			}
			for i := 0; i < b.N; i++ {
				exportAll(b, name, dir, docs)
			}
			b.ReportMetric(float64(b.N*len(docs))/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
