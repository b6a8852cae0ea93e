package examples_test

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/analyze"
	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
)

// patterns are the failure patterns of issue 15 that the wire check covers.
var patterns = map[string]bool{
	"strike-military": true, "nonspeech-cues": true, "name-in-quotation": true,
	"dateline-without-dash": true, "descriptive-body-speakers": true,
	"weekdays-in-future-clauses": true, "casualty-figures-far-from-verb": true,
}

// TestWireKey checks that the annotation agrees with the articles: every
// article is annotated once with a known pattern, and every annotated text
// occurs in its article.
func TestWireKey(t *testing.T) {
	arts := map[string]examples.Article{}
	for _, a := range examples.Wire() {
		if _, dup := arts[a.ID]; dup || a.ID == "" {
			t.Errorf("wire id %q empty or repeated", a.ID)
		}
		if _, err := time.Parse("2006-01-02", a.Published); err != nil {
			t.Errorf("%s: published %q is not an ISO date", a.ID, a.Published)
		}
		arts[a.ID] = a
	}
	k := examples.ReadWireKey()
	if len(k.Articles) != len(arts) || len(arts) != 12 {
		t.Errorf("%d articles and %d annotations, want 12 of each", len(arts), len(k.Articles))
	}
	for _, ka := range k.Articles {
		a, ok := arts[ka.ID]
		if !ok {
			t.Errorf("annotation of %q, which is not in wire.jsonl", ka.ID)
			continue
		}
		if !patterns[ka.Pattern] {
			t.Errorf("%s: unknown pattern %q", ka.ID, ka.Pattern)
		}
		var texts []string
		for _, q := range ka.Quotes {
			texts = append(texts, q.Content)
			if len(q.Speaker) == 0 {
				t.Errorf("%s: quote %q has no speaker", ka.ID, q.Content)
			}
		}
		for _, e := range ka.Events {
			texts = append(texts, e.Trigger)
		}
		for _, n := range ka.Quantities {
			texts = append(texts, n.Text)
		}
		texts = append(texts, ka.NonQuotes...)
		for _, s := range texts {
			if !strings.Contains(a.Text, s) {
				t.Errorf("%s: annotated text %q is not in the article", ka.ID, s)
			}
		}
		for _, x := range ka.Timexes {
			if strings.Count(a.Text, x.Text) < x.Nth {
				t.Errorf("%s: timex %q does not occur %d times", ka.ID, x.Text, x.Nth)
			}
		}
		if !strings.HasPrefix(a.Text, ka.Dateline) {
			t.Errorf("%s: text does not start with the dateline %q", ka.ID, ka.Dateline)
		}
	}
}

// out is the part of the extract contract the wire check reads.
type out struct {
	Quotes []struct {
		Content span  `json:"content"`
		Source  *span `json:"source"`
		Cue     *span `json:"cue"`
		Speaker *struct {
			Name string `json:"name"`
		} `json:"speaker"`
	} `json:"quotes"`
	Events []struct {
		Type      string `json:"type"`
		Trigger   span   `json:"trigger"`
		Evidence  span   `json:"evidence"`
		Actor     []arg  `json:"actor"`
		Recipient []arg  `json:"recipient"`
	} `json:"events"`
	Timexes []struct {
		span
		Value string `json:"value"`
	} `json:"timexes"`
	Quantities []struct {
		span
		Value    float64 `json:"value"`
		Category string  `json:"category"`
	} `json:"quantities"`
}

type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type arg struct {
	Name string `json:"name"`
	Text string `json:"text"`
}

func (s span) overlaps(start, end int) bool { return s.Start < end && start < s.End }

// tally counts one measure as right out of a total.
type tally struct{ right, total int }

func (t *tally) add(ok bool) {
	t.total++
	if ok {
		t.right++
	}
}

func (t tally) String() string {
	if t.total == 0 {
		return "-"
	}
	return fmt.Sprintf("%d/%d", t.right, t.total)
}

// names says whether any of accept is found in one of the given strings
// (case folded); an empty accept list accepts anything.
func names(accept []string, got ...string) bool {
	if len(accept) == 0 {
		return true
	}
	for _, g := range got {
		for _, a := range accept {
			if g != "" && strings.Contains(strings.ToLower(g), strings.ToLower(a)) {
				return true
			}
		}
	}
	return false
}

func argNames(as []arg) []string {
	var s []string
	for _, a := range as {
		s = append(s, a.Name, a.Text)
	}
	return s
}

// TestWireScore runs the default pipeline on the wire check and logs how
// much of the hand annotation it gets right, per pattern and in total. It is
// a measure, not a test that fails: read it with
//
//	go test ./examples -run WireScore -v
func TestWireScore(t *testing.T) {
	arts := map[string]examples.Article{}
	for _, a := range examples.Wire() {
		arts[a.ID] = a
	}
	type row struct{ found, speaker, extra, nonq, evType, evFull, notEv, timex, qty, dateline tally }
	rows := map[string]*row{}
	total := &row{}
	for _, ka := range examples.ReadWireKey().Articles {
		a := arts[ka.ID]
		d := doc.New(a.ID, a.Text)
		d.Published, d.PublishedFrom = a.Published, "input"
		if err := analyze.Default().Process(d); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var o out
		if err := json.Unmarshal(b, &o); err != nil {
			t.Fatal(err)
		}
		r := rows[ka.Pattern]
		if r == nil {
			r = &row{}
			rows[ka.Pattern] = r
		}
		add := func(f func(*row) *tally, ok bool) { f(r).add(ok); f(total).add(ok) }
		used := map[int]bool{}
		for _, q := range ka.Quotes {
			at := strings.Index(a.Text, q.Content)
			hit := -1
			for i, s := range o.Quotes {
				if s.Content.overlaps(at, at+len(q.Content)) {
					hit = i
					break
				}
			}
			add(func(r *row) *tally { return &r.found }, hit >= 0)
			ok := false
			if hit >= 0 {
				used[hit] = true
				s := o.Quotes[hit]
				ok = s.Speaker != nil && names(q.Speaker, s.Speaker.Name)
				if !ok {
					t.Logf("%s: speaker of %q: want %v, got %+v (source %v)", ka.ID, q.Content, q.Speaker, s.Speaker, s.Source)
				}
			} else {
				t.Logf("%s: quote %q not found", ka.ID, q.Content)
			}
			add(func(r *row) *tally { return &r.speaker }, ok)
		}
		for i, s := range o.Quotes {
			extra := !used[i]
			add(func(r *row) *tally { return &r.extra }, extra)
			nonq := false
			for _, n := range ka.NonQuotes {
				at := strings.Index(a.Text, n)
				nonq = nonq || s.Content.overlaps(at, at+len(n)) && extra || s.Cue != nil && s.Cue.overlaps(at, at+len(n))
			}
			if len(ka.NonQuotes) > 0 {
				add(func(r *row) *tally { return &r.nonq }, nonq)
			}
			if extra {
				t.Logf("%s: quote not in the key: %q (cue %v)", ka.ID, s.Content.Text, s.Cue)
			}
			if ka.Dateline != "" && s.Source != nil {
				add(func(r *row) *tally { return &r.dateline }, s.Source.Start < len(ka.Dateline))
			}
		}
		for _, e := range ka.Events {
			at := strings.Index(a.Text, e.Trigger)
			typed, full := false, false
			for _, s := range o.Events {
				// The same event may be triggered by another word of its
				// sentence ("killed when armed men raided"): match by type
				// within the sentence that holds the key's trigger.
				if s.Type == e.Type && (s.Trigger.overlaps(at, at+len(e.Trigger)) || s.Evidence.overlaps(at, at+1)) {
					typed = true
					full = full || names(e.Actor, argNames(s.Actor)...) && names(e.Recipient, argNames(s.Recipient)...)
				}
			}
			if !full {
				t.Logf("%s: event %s %q (actor %v, recipient %v) not fully found", ka.ID, e.Type, e.Trigger, e.Actor, e.Recipient)
			}
			add(func(r *row) *tally { return &r.evType }, typed)
			add(func(r *row) *tally { return &r.evFull }, full)
		}
		for _, n := range ka.NotEvents {
			at, end := 0, len(a.Text)
			if n.Trigger != "" {
				at = strings.Index(a.Text, n.Trigger)
				end = at + len(n.Trigger)
			}
			for _, s := range o.Events {
				if s.Type == n.Type && s.Trigger.overlaps(at, end) && (n.Trigger != "" || strings.Contains(strings.ToLower(s.Trigger.Text), "stri") || strings.Contains(s.Trigger.Text, "struck")) {
					add(func(r *row) *tally { return &r.notEv }, true)
					t.Logf("%s: coded %s at %q: %s", ka.ID, s.Type, s.Trigger.Text, n.Why)
				}
			}
		}
		for _, x := range ka.Timexes {
			at := nthIndex(a.Text, x.Text, x.Nth)
			got := ""
			for _, s := range o.Timexes {
				if s.overlaps(at, at+len(x.Text)) {
					got = s.Value
				}
			}
			if got != x.Value {
				t.Logf("%s: %q (#%d): want %s, got %q", ka.ID, x.Text, x.Nth, x.Value, got)
			}
			add(func(r *row) *tally { return &r.timex }, got == x.Value)
		}
		for _, n := range ka.Quantities {
			at := strings.Index(a.Text, n.Text)
			got := "(none)"
			for _, s := range o.Quantities {
				if s.overlaps(at, at+len(n.Text)) && s.Value == n.Value {
					got = s.Category
				}
			}
			if got != n.Category {
				t.Logf("%s: %q: want %s, got %s", ka.ID, n.Text, n.Category, got)
			}
			add(func(r *row) *tally { return &r.qty }, got == n.Category)
		}
	}
	var ps []string
	for p := range rows {
		ps = append(ps, p)
	}
	sort.Strings(ps)
	var sb strings.Builder
	fmt.Fprintf(&sb, "\n%-31s %8s %8s %8s %8s %8s %8s %6s %6s %6s %9s\n", "pattern", "quotes", "speaker", "extra", "nonspch", "ev.type", "ev.full", "wrong", "timex", "figure", "dateline")
	line := func(name string, r *row) {
		fmt.Fprintf(&sb, "%-31s %8v %8v %8v %8v %8v %8v %6d %6v %6v %9v\n", name, r.found, r.speaker, r.extra, r.nonq, r.evType, r.evFull, r.notEv.total, r.timex, r.qty, r.dateline)
	}
	for _, p := range ps {
		line(p, rows[p])
	}
	line("all", total)
	sb.WriteString("quotes: key quotes found; speaker: found with the right speaker; extra: emitted quotes not in the key;\n" +
		"nonspch: emitted quotes on a non-speech phrase; ev.type/ev.full: key events found with the type in their sentence / and actor and recipient;\n" +
		"wrong: events of a forbidden type (strike as PROTEST); dateline: emitted sources that swallow the dateline\n")
	t.Log(sb.String())
}

func nthIndex(s, sub string, n int) int {
	at := -1
	for i := 0; i < n; i++ {
		j := strings.Index(s[at+1:], sub)
		if j < 0 {
			return -1
		}
		at += 1 + j
	}
	return at
}
