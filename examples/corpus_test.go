package examples_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/source"
)

// TestCorpusLines checks the file itself: every line parses strictly and is
// also read by the JSON Lines reader that `dossier extract --jsonl` uses,
// ids are unique, dates are ISO, urls are on invented .example domains, and
// each article is of wire length.
func TestCorpusLines(t *testing.T) {
	arts := examples.Corpus()
	if len(arts) < 30 {
		t.Fatalf("corpus has %d articles, want about three dozen", len(arts))
	}
	seen := map[string]bool{}
	prev := ""
	for i, a := range examples.Corpus() {
		if a.ID == "" || seen[a.ID] {
			t.Errorf("line %d: id %q is empty or repeated", i+1, a.ID)
		}
		seen[a.ID] = true
		if _, err := time.Parse("2006-01-02", a.Published); err != nil {
			t.Errorf("%s: published %q is not an ISO date: %v", a.ID, a.Published, err)
		}
		if a.Published < prev {
			t.Errorf("%s: lines are not in publication order (%s after %s)", a.ID, a.Published, prev)
		}
		prev = a.Published
		u, err := url.Parse(a.URL)
		if err != nil || u.Scheme != "https" || !strings.HasSuffix(u.Hostname(), ".example") {
			t.Errorf("%s: url %q is not an https url on an invented .example domain", a.ID, a.URL)
		}
		if a.Title == "" || a.Source == "" {
			t.Errorf("%s: title or source is empty", a.ID)
		}
		if n := len(strings.Fields(a.Text)); n < 250 || n > 700 {
			t.Errorf("%s: %d words, want 250 to 700", a.ID, n)
		}
	}
	for i, line := range strings.Split(strings.TrimRight(string(examples.CorpusJSONL()), "\n"), "\n") {
		d, id, err := source.ParseLine([]byte(line), "corpus.jsonl", i+1, source.Options{})
		if err != nil {
			t.Errorf("line %d (%s): the extract reader refuses it: %v", i+1, id, err)
			continue
		}
		if d.Published != arts[i].Published || d.Title != arts[i].Title || d.URL != arts[i].URL {
			t.Errorf("line %d: the extract reader read published %q title %q url %q", i+1, d.Published, d.Title, d.URL)
		}
	}
}

// TestCorpusKey checks that the answer key agrees with the file: every
// article has one story, stories list their articles, copies point at an
// original of the same story published that day or the next and share most
// of its paragraphs, every actor mention occurs in the actor's articles, and
// every figure's words are in its article.
func TestCorpusKey(t *testing.T) {
	arts := map[string]examples.Article{}
	for _, a := range examples.Corpus() {
		arts[a.ID] = a
	}
	k := examples.CorpusKey()
	stories := map[string]map[string]bool{}
	for _, s := range k.Stories {
		if s.ID == "" || stories[s.ID] != nil {
			t.Errorf("story id %q empty or repeated", s.ID)
		}
		stories[s.ID] = map[string]bool{}
		for _, id := range s.Articles {
			stories[s.ID][id] = true
		}
	}
	keyed := map[string]examples.KeyArticle{}
	for _, ka := range k.Articles {
		if _, ok := arts[ka.ID]; !ok {
			t.Errorf("key names article %q, not in corpus.jsonl", ka.ID)
		}
		if _, dup := keyed[ka.ID]; dup {
			t.Errorf("key lists article %q twice", ka.ID)
		}
		keyed[ka.ID] = ka
		if !stories[ka.Story][ka.ID] {
			t.Errorf("%s: story %q does not list it", ka.ID, ka.Story)
		}
	}
	for id := range arts {
		if _, ok := keyed[id]; !ok {
			t.Errorf("article %q has no entry in stories.json", id)
		}
	}
	for sid, ids := range stories {
		for id := range ids {
			if keyed[id].Story != sid {
				t.Errorf("story %s lists %s, whose story is %q", sid, id, keyed[id].Story)
			}
		}
	}
	copies := 0
	for _, ka := range k.Articles {
		if ka.DuplicateOf == "" {
			continue
		}
		copies++
		orig, ok := keyed[ka.DuplicateOf]
		if !ok || orig.DuplicateOf != "" || orig.Story != ka.Story {
			t.Errorf("%s: duplicate_of %q is not an original of the same story", ka.ID, ka.DuplicateOf)
			continue
		}
		c, o := arts[ka.ID], arts[orig.ID]
		d0, _ := time.Parse("2006-01-02", o.Published)
		d1, _ := time.Parse("2006-01-02", c.Published)
		if days := d1.Sub(d0).Hours() / 24; days < 0 || days > 1 {
			t.Errorf("%s: published %s, want the day of its original (%s) or the next", c.ID, c.Published, o.Published)
		}
		if c.Title == o.Title || c.Source == o.Source {
			t.Errorf("%s: a republished copy should carry another headline and outlet", c.ID)
		}
		if s := sharedShingles(o.Text, c.Text); s < 0.7 || s == 1 {
			t.Errorf("%s: holds %.0f%% of %s's five-word runs, want most but not all", c.ID, 100*s, o.ID)
		}
	}
	if copies < 3 {
		t.Errorf("%d republished copies, want 3 or 4", copies)
	}
	actors := map[string]bool{}
	for _, a := range k.Actors {
		actors[a.Key] = true
		texts := make([]string, len(a.Articles))
		for i, id := range a.Articles {
			texts[i] = arts[id].Text
			if !containsAny(texts[i], a.Mentions) {
				t.Errorf("actor %s: article %s holds none of its mentions", a.Key, id)
			}
		}
		for _, m := range a.Mentions {
			if !anyContains(texts, m) {
				t.Errorf("actor %s: mention %q occurs in none of its articles", a.Key, m)
			}
		}
	}
	for _, a := range k.Actors {
		for _, x := range a.Except {
			if !actors[x.RefersTo] || !strings.Contains(arts[x.Article].Text, x.Text) {
				t.Errorf("actor %s: exception %+v names an unknown actor or text not in the article", a.Key, x)
			}
		}
	}
	for _, d := range k.Distinct {
		for _, key := range d.Actors {
			if !actors[key] {
				t.Errorf("distinct names actor %q, not in actors", key)
			}
		}
	}
	for _, f := range k.Figures {
		for _, r := range f.Reports {
			if !strings.Contains(arts[r.Article].Text, r.Text) {
				t.Errorf("figure %q: %q not found in %s", f.About, r.Text, r.Article)
			}
		}
	}
}

// containsAny says whether text contains one of subs.
func containsAny(text string, subs []string) bool {
	for _, s := range subs {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

// anyContains says whether one of texts contains sub.
func anyContains(texts []string, sub string) bool {
	for _, t := range texts {
		if strings.Contains(t, sub) {
			return true
		}
	}
	return false
}

// sharedShingles is the share of orig's five-word runs found in cp, once
// quotation marks and apostrophes are made straight in both: a copy with a
// paragraph dropped and a few words swapped keeps most of them.
func sharedShingles(orig, cp string) float64 {
	straight := strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'")
	runs := func(s string) []string {
		w := strings.Fields(straight.Replace(s))
		var out []string
		for i := 0; i+5 <= len(w); i++ {
			out = append(out, strings.Join(w[i:i+5], " "))
		}
		return out
	}
	in := map[string]bool{}
	for _, r := range runs(cp) {
		in[r] = true
	}
	all := runs(orig)
	n := 0
	for _, r := range all {
		if in[r] {
			n++
		}
	}
	return float64(n) / float64(len(all))
}

// TestCorpusReadme checks that the answer key's prose names every story.
func TestCorpusReadme(t *testing.T) {
	readme := string(examples.CorpusFile("README.md"))
	for _, s := range examples.CorpusKey().Stories {
		if !strings.Contains(readme, s.ID) {
			t.Errorf("corpus/README.md does not describe story %s", s.ID)
		}
	}
}
