// An event's circumstances: its date, its place and its figures (dead,
// injured, size).

package events

import (
	"github.com/dossier-news/dossier/doc"
)

// dateOf takes the date of the clause from the nearest date expression of
// the sentence, else the publication date.
func (v *view) dateOf(ev *doc.Event, s doc.Sentence, h hit) {
	best, bd := -1, 1<<30
	ts, k0 := v.d.Timexes, 0
	span := func(i int) doc.Span { return ts[i].Span }
	if v.tSorted {
		k0 = from(len(ts), span, s.Start)
	}
	for k := k0; k < len(ts); k++ {
		t := ts[k]
		if v.tSorted && t.Start > s.End {
			break // no later one lies in the sentence
		}
		if t.Type != "DATE" || !s.Span.Contains(t.Span) || t.Value == "" || t.Value[0] < '0' || t.Value[0] > '9' || t.Mod != "" {
			continue // FUTURE_REF, "since July 2013" do not date the event
		}
		if k := v.d.TokenAt(t.Start); k > 0 && k < len(v.lower) {
			if p := v.lower[k-1]; p == "since" || p == "until" || p == "till" || p == "by" || p == "before" {
				continue
			}
		}
		dist := t.Start - ev.Trigger.End
		if dist < 0 {
			dist = ev.Trigger.Start - t.End
		}
		if dist < bd {
			best, bd = k, dist
		}
	}
	if best >= 0 {
		ev.Date, ev.DateFrom = v.d.Timexes[best].Value, "timex"
		return
	}
	if v.d.Published != "" {
		p := v.d.Published
		if len(p) > 10 {
			p = p[:10]
		}
		ev.Date, ev.DateFrom = p, "published"
	}
}

// placeOf takes places from the place mentions of the clause, or from a
// capitalised phrase after in/near/at when the actors stage is absent.
func (v *view) placeOf(ev *doc.Event, s doc.Sentence, cs, ce int) {
	used := func(sp doc.Span) bool {
		for _, a := range ev.Actor {
			if a.Span.Overlaps(sp) {
				return true
			}
		}
		for _, a := range ev.Recipient {
			if a.Span.Overlaps(sp) {
				return true
			}
		}
		return false
	}
	clause := doc.Span{Start: v.d.Tokens[cs].Start, End: v.d.Tokens[ce-1].End}
	if len(v.d.Mentions) > 0 {
		ms, k0 := v.d.Mentions, 0
		if v.mSorted {
			k0 = from(len(ms), func(i int) doc.Span { return ms[i].Span }, clause.Start)
		}
		for _, m := range ms[k0:] {
			if v.mSorted && m.Start > clause.End {
				break // no later one lies in the clause
			}
			if (m.Type == "GPE" || m.Type == "LOC") && clause.Contains(m.Span) && !used(m.Span) {
				k := v.d.TokenAt(m.Start)
				if k > 0 && (v.lower[k-1] == "in" || v.lower[k-1] == "near" || v.lower[k-1] == "at") {
					arg := doc.Argument{Name: v.d.Slice(m.Span), Text: v.d.Slice(m.Span), Span: m.Span, Entity: m.Entity}
					if m.Entity >= 0 && m.Entity < len(v.d.Entities) {
						arg.Name = v.d.Entities[m.Entity].Name
					}
					ev.Place = append(ev.Place, arg)
				}
			}
		}
		return
	}
	for k := cs; k+1 < ce; k++ {
		if w := v.lower[k]; (w == "in" || w == "near") && v.isCap(k+1) && !isMonth(v.lower[k+1]) {
			b := k + 1
			for b < ce && (v.isCap(b) || v.lower[b] == "of" && b+1 < ce && v.isCap(b+1)) && b-k < 5 {
				b++
			}
			sp := doc.Span{Start: v.d.Tokens[k+1].Start, End: v.d.Tokens[b-1].End}
			if !used(sp) {
				ev.Place = append(ev.Place, doc.Argument{Name: v.d.Slice(sp), Text: v.d.Slice(sp), Span: sp, Entity: -1})
			}
			k = b - 1
		}
	}
}

// numbersOf takes the dead, the injured and the size of the event from the
// quantities of its sentence.
func (v *view) numbersOf(ev *doc.Event, s doc.Sentence) {
	violent := ev.Type == "ASSAULT"
	qs, k0 := v.d.Quantities, 0
	if v.qSorted {
		k0 = from(len(qs), func(i int) doc.Span { return qs[i].Span }, s.Start)
	}
	for k := k0; k < len(qs); k++ {
		q := &qs[k]
		if v.qSorted && q.Start > s.End {
			break // no later one lies in the sentence
		}
		if !s.Span.Contains(q.Span) || q.Ordinal {
			continue
		}
		// a copy of the value is made only when it is taken
		switch q.Category {
		case "killed", "dead", "deaths", "fatalities":
			if ev.Dead == nil && violent {
				val := q.Value
				ev.Dead = &val
			}
		case "wounded", "injured":
			if ev.Injured == nil && violent {
				val := q.Value
				ev.Injured = &val
			}
		case "troops", "personnel", "people", "protesters", "demonstrators", "soldiers", "police", "refugees", "civilians":
			if ev.Size == nil && q.Unit == "" {
				val := q.Value
				ev.Size = &val
			}
		}
	}
}
