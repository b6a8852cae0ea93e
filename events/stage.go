// Package events codes who did what to whom in PLOVER (openeventdata/PLOVER):
// the 16 event categories and their modes, found by the verb and noun
// patterns of data/verbs.txt and data/nouns.txt, with the actor and
// recipient read from the same clause, the trigger words, the date of the
// clause (or the publication date), the place, the dead, injured and size
// from the quantities stage, and the event's modality: negated, future,
// hypothetical, or claimed when it lies inside someone's quotation.
//
// The coder works over the token and sentence layers and reads the other
// stages' layers when they are there (mentions and entities, quotes,
// timexes, quantities, flags); with them absent it falls back on
// capitalised phrases and group nouns for actors.
package events

import (
	"strings"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/internal/work"
	"github.com/dossier-news/dossier/quality"
)

// Stage is the pipeline stage that fills d.Events.
type Stage struct{}

// Name returns "events".
func (Stage) Name() string { return "events" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerText, doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords, doc.LayerMentions, doc.LayerEntities, doc.LayerFlags, doc.LayerQuotes, doc.LayerTimexes, doc.LayerQuantities)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerEvents) }

// Process codes the events of every sentence.
func (Stage) Process(d *doc.Document) error {
	Analyze(d)
	return nil
}

// Analyze fills d.Events: the events of every sentence, without those in
// debris the quality stage flagged.
func Analyze(d *doc.Document) {
	d.Events = Code(d, d.Events[:0])
	dropDebris(d)
}

// dropDebris removes the events whose trigger lies in a spinner's lead-in
// or in a sentence that repeats an earlier one word for word (the event is
// told once, not twice).
func dropDebris(d *doc.Document) {
	out := d.Events[:0]
	for _, e := range d.Events {
		if d.FlaggedAs(e.Trigger, quality.KindLeadIn, quality.KindRepeat) {
			continue
		}
		out = append(out, e)
	}
	d.Events = out
}

// framing categories take the act they introduce as their content; a
// protest takes its purpose ("blocked roads to demand reforms").
func framing(t string) bool {
	switch t {
	case "AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "PROTEST":
		return true
	}
	return false
}

// verbal categories are things said; without a speaker or an addressee
// they are not worth a record.
func verbal(t string) bool {
	switch t {
	case "AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN":
		return true
	}
	return false
}

func cooperative(t string) bool {
	switch t {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT":
		return true
	}
	return false
}

func hostile(t string) bool {
	switch t {
	case "ASSAULT", "COERCE", "PROTEST", "MOBILIZE":
		return true
	}
	return false
}

// Code returns the events of d appended to dst.
func Code(d *doc.Document, dst []doc.Event) []doc.Event {
	L := getLex()
	v := newView(d, L)
	defer v.release()
	// The events are collected in the view's pooled buffer (after a copy of
	// dst, whose indices the loop keeps) and appended to dst at once:
	// appending them one by one to a new dst reallocated it as it grew, and
	// the pipeline's profile showed those copies.
	out := append(v.events[:0], dst...)
	defer func() {
		clear(out) // the pool must not keep the document's strings alive
		v.events = out[:0]
	}()
	for si, s := range d.Sentences {
		hits := v.triggers(s)
		first := len(out)
		frameEnd := -1    // events of the sentence are absorbed until this token
		frameEv := -1     // the framing event, while its content is not seen
		frameTok := 0     // where the framing words end
		frameLex := false // the frame is a word of promise, not a converted future
		var prevActor []doc.Argument
		work.Add(len(hits))
		for _, h := range hits {
			p := &L.patterns[h.pat]
			if frameEnd >= 0 && h.first >= frameEnd {
				frameEnd = -1
			}
			if frameEnd >= 0 {
				// A promise of a hostile act is a threat: "vowed to attack",
				// "is prepared to impose martial law".
				if frameEv >= 0 && out[frameEv].Type == "AGREE" && frameLex && h.first-frameTok <= 2 && (hostile(p.typ) || p.typ == "SANCTION") {
					out[frameEv].Type, out[frameEv].Mode = "THREATEN", ""
				}
				frameEv = -1
				continue
			}
			if h.first > s.Tokens.First && v.caps[h.first] && !v.d.Tokens[h.first].Has(doc.FlagLineStart) && v.lower[h.first-1] != "“" && v.lower[h.first-1] != "\"" {
				// A capitalised word inside a sentence is a name: "Amnesty
				// International", "Ousted President Akayev".
				continue
			}
			ev, ok := v.event(si, s, h, p)
			if !ok {
				continue
			}
			if len(out) > first {
				// A second event of the sentence is kept when it is narrated
				// as such: not a background clause (after..., where...,
				// which...) and not a bare noun without actor.
				if v.background(h.first, s.Tokens.First) || p.noun && len(ev.Actor) == 0 {
					continue
				}
			}
			if len(ev.Actor) == 0 && v.conjoined(s, h.first) {
				if prevActor != nil {
					ev.Actor = prevActor
				} else if a, b := v.firstSubject(s, h.first); a < b {
					// "He said the army acted in self-defence and accused
					// the front": the subject of the clause's first verb.
					ev.Actor = v.args(a, b)
				}
			}
			if len(ev.Actor) > 0 {
				prevActor = ev.Actor
			}
			dup := false
			work.Add(len(out) - first)
			for k := first; k < len(out); k++ {
				if out[k].Type == ev.Type {
					dup = true
					// "A car bomb killed six people": the noun named the
					// event, the verb says who and whom.
					if len(out[k].Actor) == 0 {
						out[k].Actor = ev.Actor
					}
					if len(out[k].Recipient) == 0 {
						out[k].Recipient = ev.Recipient
					}
				}
			}
			if framing(ev.Type) && !ev.Negated {
				frameEnd = v.clauseEnd(h.end, s.Tokens.End)
			}
			if !dup {
				if framing(ev.Type) && !ev.Negated {
					frameEv, frameTok, frameLex = len(out), h.end, p.typ == "AGREE"
				}
				out = append(out, ev)
			}
		}
	}
	return append(dst, out[len(dst):]...)
}

// event builds the event of one trigger.
// It reports false when the words do not make an event after all: a
// demand (must) without anyone it is made of, a bare noun with neither
// actor nor recipient.
//
// It is long because it fills one event's slots in turn (actor, recipient,
// modality, date, place, figures) over the clause state they share.
func (v *view) event(si int, s doc.Sentence, h hit, p *pattern) (doc.Event, bool) {
	d := v.d
	ev := doc.Event{Type: p.typ, Mode: p.mode, Sentence: si, Claimant: -1,
		Trigger: doc.Span{Start: d.Tokens[h.first].Start, End: d.Tokens[h.end-1].End}}
	lo, hi := s.Tokens.First, s.Tokens.End
	cs := v.clauseStart(h.first, lo)
	ce := v.clauseEnd(h.end, hi)

	// Arguments.
	var aA, aB, rA, rB int
	if p.noun {
		aA, aB = v.nounActor(h, cs, ce)
		rA, rB = v.npRight(h.end, ce)
		if rA == aA && rB == aB {
			rA, rB = 0, 0
		}
	} else if v.passive(h, cs) {
		aA, aB = v.byPhrase(h.end, ce)
		rA, rB = v.subjectLeft(h.first, cs)
	} else {
		aA, aB = v.subjectLeft(h.first, cs)
		if aA == aB && cs > lo {
			// The subject of a subordinate clause may stand before it:
			// "Goita became president after carrying out a coup".
			aA, aB = v.subjectLeft(h.first, lo)
		}
		// The recipient may stand inside the pattern's words: "gave
		// Mozambique 40 million dollars", "met President Duric".
		rA, rB = v.npRight(h.first+1, ce)
		if rA < rB && rA < h.end && !v.hasCap(rA, rB) {
			// "suspended military aid to the government": the pattern's
			// own words are not the recipient.
			if x, y := v.npRight(h.end, ce); x < y {
				rA, rB = x, y
			}
		}
		if rA == rB && h.end < ce && v.lower[h.end] == "that" && framing(p.typ) {
			// "demanded that Paraguay reopen the crossing"
			rA, rB = v.npRight(h.end+1, ce)
		}
	}
	passive := !p.noun && v.passive(h, cs)
	if !p.noun && !passive && aA == aB {
		// "The US continued to send arms", "Algerians began a hunger
		// strike": the subject of the verb that governs the trigger.
		k := h.first - 1
		if k >= cs && v.lower[k] == "to" {
			k--
		}
		for n := 0; n < 2 && k >= cs && v.isWord(k) && !v.isCap(k) && v.cls(k) == 0; n++ {
			k--
		}
		if k < h.first-1 && v.verbish(k+1) {
			aA, aB = v.subjectLeft(k+1, cs)
		}
	}
	if p.reported {
		// "Russia said Sudan must return it": the reporter demands.
		if aA == aB {
			return ev, false
		}
		rA, rB = aA, aB
		aA, aB = 0, 0
		if r := v.reporter(h.first, lo); r >= 0 {
			aA, aB = v.subjectLeft(r, lo)
		}
	} else if aB == aA+1 && v.cls(aA)&cPron != 0 && v.mentionIn(doc.Span{Start: d.Tokens[aA].Start, End: d.Tokens[aA].End}) < 0 {
		// "Hungary has said it will support": the pronoun is the reporter.
		if r := v.reporter(aA, lo); r >= 0 {
			if x, y := v.subjectLeft(r, lo); x < y {
				aA, aB = x, y
			}
		}
	}
	ev.Actor = v.args(aA, aB)
	ev.Recipient = v.args(rA, rB)
	if len(ev.Actor) == 0 && len(ev.Recipient) == 0 && (p.noun || verbal(ev.Type) && p.size < 2) {
		// "seeking", "the attack": a word with nobody doing or undergoing
		// it is no record an analyst can use (a longer pattern such as
		// "suspended participation" is evidence enough)
		return ev, false
	}

	// Modality, read leftwards from the trigger within its clause.
	negInPattern := false
	for _, el := range p.elems {
		if el.neg {
			negInPattern = true
		}
	}
	// Negation and modality belong to the verb's own auxiliaries ("did not
	// attack", "will withdraw", "plans to attack", "could be seized"): the
	// chain of auxiliaries, negators, modals and adverbs just before it.
	future, hypo := false, false
	if h.first > cs && v.lower[h.first-1] == "no" {
		ev.Negated = !negInPattern // "no attacks were reported"
	}
	chain := h.first
	if p.noun {
		// a noun takes the modality of the verb it is the object of:
		// "would tighten the blockade"
		chain = -1
		if g := v.governor(h.first, cs); g >= 0 {
			chain = g
		}
	}
	for k := chain - 1; k >= cs && chain >= 0; k-- {
		c := v.cls(k)
		w := v.lower[k]
		if c&(cAux|cBe|cNeg|cFuture|cHypo|cCond) == 0 && w != "to" && !(strings.HasSuffix(w, "ly") && len(w) > 4) && !(c&cPron != 0 && k+1 < len(v.lower) && v.cls(k+1)&cCond == 0 && false) {
			break
		}
		if c&cNeg != 0 && !negInPattern {
			ev.Negated = true
		}
		if c&cFuture != 0 {
			future = true
		}
		if c&(cHypo|cCond) != 0 {
			hypo = true
		}
	}
	// "No one was injured", "nobody was killed": a negated subject.
	if !p.noun {
		k := h.first - 1
		for k >= cs && (v.cls(k)&(cAux|cBe|cNeg|cFuture|cHypo) != 0 || strings.HasSuffix(v.lower[k], "ly")) {
			k--
		}
		for j := k; j >= cs && j >= k-2; j-- {
			switch v.lower[j] {
			case "no", "nobody", "none", "neither":
				ev.Negated = !negInPattern
			}
		}
	}
	// "unless both parties asked": a condition before the subject
	for k := h.first - 1; k >= cs && k >= h.first-4; k-- {
		if v.cls(k)&cCond != 0 {
			hypo = true
		}
	}
	if v.condSent != si {
		// once per sentence: whether it has a condition word
		v.condSent, v.cond = si, false
		for k := lo; k < hi; k++ {
			if v.cls(k)&cCond != 0 {
				v.cond = true
				break
			}
		}
	}
	cond := v.cond
	switch {
	case ev.Negated && cooperative(ev.Type):
		// PLOVER codes a refused cooperation as REJECT.
		ev.Type, ev.Mode, ev.Negated = "REJECT", "", false
	case future && cooperative(ev.Type) && ev.Type != "AGREE" && !ev.Negated:
		// "Finland will give a grant": a commitment, PLOVER's AGREE.
		ev.Type, ev.Mode = "AGREE", ""
	case (future || hypo && cond) && !ev.Negated && (hostile(ev.Type) || ev.Type == "SANCTION" && cond):
		// "would blockade Paris", "will withdraw unless": a threat.
		ev.Type, ev.Mode = "THREATEN", ""
	case hypo:
		ev.Modality = "hypothetical"
	case future:
		ev.Modality = "future"
	}

	// Claims: inside a quotation, the speaker's claim.
	if q, speaker := v.quoteOf(ev.Trigger); q {
		ev.Modality = "claimed"
		ev.Claimant = speaker
	}
	ev.Debris = d.Flagged(ev.Trigger)
	v.dateOf(&ev, s, h)
	v.placeOf(&ev, s, cs, ce)
	v.numbersOf(&ev, s)
	return ev, true
}
