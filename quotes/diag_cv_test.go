package quotes

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/learn"
	"github.com/dossier-news/dossier/text"
)

// TestDiagCV is a development diagnostic, not a check: with DOSSIER_DIAG=1
// it cross-validates the stage on PolNeAR train (CVK folds, 5 by default):
// the models are trained on the other folds and each fold's documents are
// extracted with them, then scored as score.py's exact_* measures. Train
// read with the committed models flatters the cue model (it has seen those
// documents); out-of-fold figures on 840 documents judge a rule or a
// feature with much less noise than dev's 84.
//
//	DOSSIER_DIAG=1 go test -count=1 ./quotes -run DiagCV -v
func TestDiagCV(t *testing.T) {
	path := diagGold(t, "../../shared/gold/polnear/train.jsonl")
	k := 5
	if n, err := strconv.Atoi(os.Getenv("CVK")); err == nil && n > 1 {
		k = n
	}
	saved := loadModels()
	opts := DefaultOptions()
	// CVKEEP=1 tries KeepSourceless
	if os.Getenv("CVKEEP") != "" {
		opts.KeepSourceless = true
	}
	// CVSS tries another SourcelessScore
	if v, err := strconv.ParseFloat(os.Getenv("CVSS"), 32); err == nil {
		opts.SourcelessScore = float32(v)
	}
	// CVOFF=FollowOn,NoNested,ContentEnds turns those switches off
	for _, name := range strings.Split(os.Getenv("CVOFF"), ",") {
		if sw := map[string]*bool{"FollowOn": &opts.FollowOn, "NoNested": &opts.NoNested, "ContentEnds": &opts.ContentEnds}[name]; sw != nil {
			*sw = false
		}
	}
	// CVTH tries another cue threshold
	if th, err := strconv.ParseFloat(os.Getenv("CVTH"), 32); err == nil {
		opts.CueThreshold = float32(th)
	}
	defer func() { loaded = saved }()
	var tp, np, ng [3]int
	// OUT=path writes each predicted cue, 1 or 0 (exact or not) and its words
	var out, qout, lost *os.File
	// LOST=path writes the gold cues the cue model accepted that no quote
	// reports, in their sentences
	if p := os.Getenv("LOST"); p != "" {
		var err error
		if lost, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer lost.Close()
	}
	// QOUT=path writes each predicted quote: source, cue and content
	// verdicts (1 exact, 0 not, -1 none), confidence, kind, source, cue
	if p := os.Getenv("QOUT"); p != "" {
		var err error
		if qout, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer qout.Close()
	}
	if p := os.Getenv("OUT"); p != "" {
		var err error
		if out, err = os.Create(p); err != nil {
			t.Fatal(err)
		}
		defer out.Close()
	}
	for f := 0; f < k; f++ {
		dir := filepath.Join(t.TempDir(), strconv.Itoa(f))
		o := TrainOptions{Gold: path, Out: dir, Exclude: func(i int) bool { return i%k == f }}
		// CVEPOCHS and CVBAGS try other training settings
		o.Epochs, _ = strconv.Atoi(os.Getenv("CVEPOCHS"))
		o.Bags, _ = strconv.Atoi(os.Getenv("CVBAGS"))
		o.SourceBags, _ = strconv.Atoi(os.Getenv("CVSBAGS"))
		// CVBITS tries another table size
		if b, err := strconv.Atoi(os.Getenv("CVBITS")); err == nil {
			o.Bits = uint(b)
		}
		err := Train(o)
		if err != nil {
			t.Fatal(err)
		}
		m := &models{}
		for name, dst := range map[string]**learn.Model{"cue.model": &m.cue, "source.model": &m.source} {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				t.Fatal(err)
			}
			mod, err := learn.Load(data)
			if err != nil {
				t.Fatal(err)
			}
			*dst = mod
		}
		loaded = m
		idx := -1
		err = gold.EachPolNeAR(path, func(g gold.PolNeARDoc) error {
			idx++
			if idx%k != f {
				return nil
			}
			d := doc.New(g.ID, g.Text)
			text.Analyze(d)
			AnalyzeWith(d, opts)
			trim := func(s doc.Span) doc.Span { return exactSpan(d, s) }
			var gsets [3]map[doc.Span]bool
			for role := 0; role < 3; role++ {
				gs, ps := map[doc.Span]bool{}, map[doc.Span]bool{}
				gsets[role] = gs
				for _, a := range g.Attributions {
					r := [3][]gold.Span{a.Source, a.Cue, a.Content}[role]
					if len(r) > 0 {
						if s := trim(hull(r)); !s.IsZero() {
							gs[s] = true
						}
					}
				}
				for _, q := range d.Quotes {
					r := [3]doc.Span{q.Source, q.Cue, q.Content}[role]
					if !r.IsZero() {
						if s := trim(r); !s.IsZero() {
							ps[s] = true
						}
					}
				}
				for s := range ps {
					if gs[s] {
						tp[role]++
					}
					if role == 1 && out != nil {
						ok := 0
						if gs[s] {
							ok = 1
						}
						fmt.Fprintf(out, "%d\t%s\n", ok, strings.ToLower(d.Text[s.Start:s.End]))
					}
				}
				np[role] += len(ps)
				ng[role] += len(gs)
			}
			if lost != nil {
				// gold cues the model accepted that no quote reports
				c := newCtx(d)
				var gc []doc.Span
				for _, a := range g.Attributions {
					if len(a.Cue) > 0 && len(a.Content) > 0 {
						gc = append(gc, hull(a.Cue))
					}
				}
				c.eachCandidate(m, func(k, a, b int, score float32, judged bool) {
					head := d.Tokens[k].Span
					pos, em := false, false
					for _, x := range gc {
						pos = pos || x.Overlaps(head)
					}
					for _, q := range d.Quotes {
						em = em || q.Cue.Overlaps(head)
					}
					if pos && !em && judged && score > opts.CueThreshold {
						tag := "free"
						for _, q := range d.Quotes {
							if q.Content.Overlaps(head) {
								tag = "nested"
							}
						}
						fmt.Fprintf(lost, "%s\t%s [[%s]] %s\n", tag, strings.ReplaceAll(d.Text[d.Tokens[a].Start:head.Start], "\n", " "), c.low[k], strings.ReplaceAll(d.Text[head.End:d.Tokens[b-1].End], "\n", " "))
					}
				})
			}
			if qout != nil {
				for _, q := range d.Quotes {
					var v [3]int
					for role, r := range [3]doc.Span{q.Source, q.Cue, q.Content} {
						if r.IsZero() {
							v[role] = -1
						} else if gsets[role][trim(r)] {
							v[role] = 1
						}
					}
					// the gold attribution whose cue or content overlaps most, for reading
					gsrc, gcue, gcon := "", "", ""
					for _, a := range g.Attributions {
						if len(a.Content) > 0 && hull(a.Content).Overlaps(q.Content) || len(a.Cue) > 0 && hull(a.Cue).Overlaps(q.Cue) {
							if len(a.Source) > 0 {
								gsrc = d.Slice(hull(a.Source))
							}
							if len(a.Cue) > 0 {
								gcue = d.Slice(hull(a.Cue))
							}
							gcon = d.Slice(hull(a.Content))
							break
						}
					}
					fl := func(s string) string { return strings.ReplaceAll(s, "\n", " ") }
					fmt.Fprintf(qout, "%d\t%d\t%d\t%.3f\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", v[0], v[1], v[2], q.Confidence, q.Kind, fl(d.Slice(q.Source)), fl(d.Slice(q.Cue)), fl(d.Slice(q.Content)), fl(gsrc), fl(gcue), fl(gcon))
				}
			}
			return nil
		})
		loaded = saved
		if err != nil {
			t.Fatal(err)
		}
	}
	for role, name := range []string{"source", "cue", "content"} {
		p := float64(tp[role]) / float64(max(1, np[role]))
		r := float64(tp[role]) / float64(max(1, ng[role]))
		fmt.Printf("cv exact_%-8s p=%.1f r=%.1f f1=%.2f tp=%d pred=%d gold=%d\n", name, 100*p, 100*r, 200*p*r/max(p+r, 1e-9), tp[role], np[role], ng[role])
	}
}
