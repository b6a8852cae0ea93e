// Whether a clause speaks of the past or the future: the direction that
// decides which Friday or which March a bare date means.

package timex

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
)

var beWords = map[string]bool{"be": true, "been": true, "being": true, "is": true, "are": true, "was": true, "were": true, "get": true, "got": true}

// notVerbAfterTo are words after "to" that make it a preposition, not the
// mark of a verb's aim: determiners, and nouns of common phrases ("shot to
// death", "came to power", "went to court").
var notVerbAfterTo = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true,
	"our": true, "this": true, "that": true, "those": true, "these": true, "death": true, "power": true, "court": true,
	"jail": true, "prison": true, "office": true, "date": true, "trial": true, "justice": true, "safety": true,
	"hospital": true, "school": true, "work": true, "life": true, "light": true, "bed": true, "rest": true}

// direction says whether the clause around tokens [start, end) speaks of
// the past (< 0) or the future (> 0): 2 for a strong cue (will, would, was,
// "to" before a verb), 1 for a weak one (a verb in -ed, said), 0 when nothing
// tells. The nearest cue before the expression wins ("said elections would
// be held in March" is future), then the words after it; an expression with
// no cue in its clause takes the direction of the previous one in its
// sentence ("holding a referendum in March, electing parliamentarians in
// October").
func (p *parser) direction(start, end int) int8 {
	d := p.scanDirection(start, end)
	if d != 0 {
		p.dirSent, p.dir = p.v[start].sent, d
		return d
	}
	if p.dirSent == p.v[start].sent {
		return p.dir
	}
	if d = p.modalBefore(start); d != 0 {
		p.dirSent, p.dir = p.v[start].sent, d
	}
	return d
}

func (p *parser) scanDirection(start, end int) int8 {
	return p.scanDirectionFrom(start, end, false)
}

// scanDirectionFrom is scanDirection; with skipTo it passes over "to"
// before a verb instead of taking it as a cue.
func (p *parser) scanDirectionFrom(start, end int, skipTo bool) int8 {
	p.dirTo = false
	// backwards through the clause: the nearest strong cue wins, else the
	// nearest weak one ("would be paid on a still unspecified date in
	// January" is future: "unspecified" is no verb)
	var weakDir int8
	weakTo := false
	for k := start - 1; k >= 0 && start-k <= 20 && p.same(start, k); k-- {
		if p.clauseBreak(k) {
			break
		}
		if skipTo && p.str(k) == "to" {
			continue
		}
		if d, ok := p.cue(k, start); ok {
			if d >= 2 || d <= -2 {
				return d
			}
			if weakDir == 0 {
				weakDir, weakTo = d, p.dirTo
			}
			p.dirTo = false
		}
	}
	if weakDir != 0 {
		p.dirTo = weakTo
		return weakDir
	}
	// forwards: the clause goes on after a date that opens the sentence
	// ("In January, the company hired ...")
	opens := start == 0 || !p.same(start, start-1) || start >= 2 && !p.same(start, start-2) && p.v[start-1].f == 0
	for k := end; k-end <= 10 && p.same(start, k); k++ {
		if p.clauseBreak(k) && !(opens && k == end && p.str(k) == ",") {
			break
		}
		if p.w(k) == "to" {
			continue
		}
		if d, ok := p.cue(k, -1); ok {
			return d
		}
	}
	return 0
}

// modalBefore looks back over the whole sentence, across commas, for a
// modal of the future ("she would travel to the capital, Vessa, on Monday"),
// or a word of the past nearer than any modal (a weak cue).
func (p *parser) modalBefore(start int) int8 {
	for k := start - 1; k >= 0 && start-k <= 30 && p.same(start, k); k-- {
		switch p.str(k) {
		case "will", "would", "'ll", "shall", "going":
			return 2
		case ";", ":", "“", "\"":
			return 0
		}
		if d, ok := p.tenseAt(k); ok && d < 0 {
			return -1 // a past tense nearer than any modal: a weak cue
		}
	}
	return 0
}

// clauseBreak reports whether token k ends a clause for the cues of tense:
// punctuation, a quotation mark, "but", "while", "whereas".
func (p *parser) clauseBreak(k int) bool {
	switch p.v[k].kind {
	case doc.Punct:
		switch p.str(k) {
		case ",", ";", ":", "—", "–", "(", ")":
			return true
		}
		return false
	case doc.QuoteMark:
		return true
	case doc.Word:
		switch p.str(k) {
		case "but", "while", "whereas":
			return true
		}
	}
	return false
}

func (p *parser) cue(k, limit int) (int8, bool) {
	t := &p.v[k]
	if t.kind != 0 { // not a word
		return 0, false
	}
	if d, ok := p.tenseAt(k); ok {
		return d, true
	}
	w := p.str(k)
	if w == "to" && k+1 < len(p.v) && k+1 != limit {
		n := &p.v[k+1]
		if n.kind == 0 && !n.cap && !notVerbAfterTo[p.str(k+1)] && n.f == 0 {
			// "to" before a verb says an aim, unless a word of schedule
			// governs it ("is to resume", "set to reopen")
			p.dirTo = !scheduleBeforeTo[p.w(k-1)]
			return 2, true
		}
		return 0, false
	}
	if len(w) >= 5 && strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") && !t.cap && !notPast[w] {
		if beWords[p.w(k-1)] {
			return 0, false // passive: "will be held" is decided by "will"
		}
		return -1, true
	}
	return 0, false
}

var scheduleBeforeTo = map[string]bool{"is": true, "are": true, "set": true, "due": true, "scheduled": true, "expected": true, "planned": true, "plans": true, "going": true, "poised": true}

var notPast = map[string]bool{"hundred": true, "united": true, "related": true, "based": true, "armed": true, "alleged": true, "detailed": true, "limited": true, "red": true, "supposed": true}
