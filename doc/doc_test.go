package doc

import (
	"encoding/json"
	"strings"
	"testing"
)

func sample() *Document {
	d := New("t", "Mills said “no.” He left.")
	// tokens: Mills said “ no . ” He left .
	offs := [][2]int{{0, 5}, {6, 10}, {11, 14}, {14, 16}, {16, 17}, {17, 20}, {21, 23}, {24, 28}, {28, 29}}
	for _, o := range offs {
		d.Tokens = append(d.Tokens, Token{Span: Span{o[0], o[1]}})
	}
	d.Paragraphs = []Span{{0, 29}}
	d.Sentences = []Sentence{{Span: Span{0, 20}, Tokens: Range{0, 6}}, {Span: Span{21, 29}, Tokens: Range{6, 9}}}
	return d
}

func TestLookups(t *testing.T) {
	d := sample()
	cases := []struct {
		name      string
		got, want int
	}{
		{"TokenAt start", d.TokenAt(0), 0},
		{"TokenAt inside", d.TokenAt(3), 0},
		{"TokenAt space", d.TokenAt(5), 1},
		{"TokenAt end", d.TokenAt(29), 9},
		{"SentenceOf 0", d.SentenceOf(0), 0},
		{"SentenceOf 6", d.SentenceOf(6), 1},
		{"SentenceOf past", d.SentenceOf(9), -1},
		{"SentenceAt 22", d.SentenceAt(22), 1},
		{"SentenceAt gap", d.SentenceAt(20), -1},
		{"SentenceAt past", d.SentenceAt(40), -1},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s = %d, want %d", c.name, c.got, c.want)
		}
	}
	if r := d.TokensIn(Span{6, 20}); r != (Range{1, 6}) {
		t.Errorf("TokensIn = %v", r)
	}
	if s := d.Slice(Span{0, 5}); s != "Mills" {
		t.Errorf("Slice = %q", s)
	}
	if s := d.Slice(Span{5, 100}); s != "" {
		t.Errorf("Slice out of range = %q, want empty", s)
	}
}

func TestValidate(t *testing.T) {
	d := sample()
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
	d.Timexes = []Timex{{Span: Span{20, 40}}}
	if err := d.Validate(); err == nil || !strings.Contains(err.Error(), "timex 0") {
		t.Errorf("out-of-range timex not caught: %v", err)
	}
	d = sample()
	d.Tokens[2].Start = 8
	if err := d.Validate(); err == nil {
		t.Error("overlapping tokens not caught")
	}
}

func TestFlagged(t *testing.T) {
	d := sample()
	d.Flags = []Flag{{Span: Span{21, 29}, Kind: "orphan_fragment"}, {Span: Span{11, 14}, Kind: "unbalanced_quote"}}
	if !d.Flagged(Span{24, 28}) {
		t.Error("span inside a flag not reported")
	}
	if d.Flagged(Span{11, 16}) {
		t.Error("a damaged quotation mark must not make its quotation debris")
	}
}

// TestJSONContract checks the fields that ../shared/design/OUTPUT.md
// requires, so a schema change cannot slip through unnoticed.
func TestJSONContract(t *testing.T) {
	d := sample()
	d.Published = "2023-01-27"
	d.Mentions = []Mention{{Span: Span{0, 5}, Type: "PERSON", Entity: 0, Kind: "name"}}
	d.Entities = []Entity{{ID: "E1", Name: "Richard Mills", Type: "PERSON", Mentions: []int{0}}}
	d.Quotes = []Quote{{Kind: "direct", Content: Span{14, 17}, Cue: Span{6, 10}, Source: Span{0, 5}, Speaker: 0}, {Kind: "indirect", Content: Span{21, 28}, Speaker: -1}}
	d.Timexes = []Timex{{Span: Span{21, 23}, Type: "DATE", Value: "2023-01-27"}}
	d.Quantities = []Quantity{{Span: Span{24, 28}, Value: 3, Category: "killed", Bound: "min"}}
	d.Events = []Event{{Type: "ACCUSE", Trigger: Span{6, 10}, Actor: []Argument{{Name: "Richard Mills", Text: "Mills", Span: Span{0, 5}, Entity: 0}}, Sentence: 0, Claimant: -1}}
	d.Flags = []Flag{{Span: Span{21, 29}, Kind: "orphan_fragment", Why: "w"}}
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"id", "published", "text", "sentences", "entities", "quotes", "timexes", "quantities", "events", "flags"} {
		if _, ok := m[k]; !ok {
			t.Errorf("field %q missing", k)
		}
	}
	e := m["entities"].([]any)[0].(map[string]any)
	if e["id"] != "E1" || e["name"] != "Richard Mills" || e["type"] != "PERSON" {
		t.Errorf("entity = %v", e)
	}
	if ms := e["mentions"].([]any)[0].(map[string]any); ms["text"] != "Mills" || ms["start"] != 0.0 {
		t.Errorf("mention = %v", ms)
	}
	q := m["quotes"].([]any)
	q0 := q[0].(map[string]any)
	if q0["content"].(map[string]any)["text"] != "no." || q0["cue"].(map[string]any)["text"] != "said" ||
		q0["source"].(map[string]any)["text"] != "Mills" || q0["speaker"].(map[string]any)["entity"] != "E1" {
		t.Errorf("quote = %v", q0)
	}
	q1 := q[1].(map[string]any)
	if q1["cue"] != nil || q1["source"] != nil || q1["speaker"] != nil {
		t.Errorf("absent cue, source and speaker must be null: %v", q1)
	}
	ev := m["events"].([]any)[0].(map[string]any)
	if ev["type"] != "ACCUSE" || ev["trigger"].(map[string]any)["text"] != "said" || ev["actor"].([]any)[0].(map[string]any)["entity"] != "E1" {
		t.Errorf("event = %v", ev)
	}
	if _, ok := ev["negated"]; !ok {
		t.Error("event needs negated")
	}
	// empty layers are [] and a missing date is null
	b, _ = json.Marshal(New("e", "x"))
	s := string(b)
	for _, want := range []string{`"published":null`, `"quotes":[]`, `"entities":[]`, `"flags":[]`, `"sentences":[]`} {
		if !strings.Contains(s, want) {
			t.Errorf("empty document JSON lacks %s: %s", want, s)
		}
	}
}
