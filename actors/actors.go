// Package actors finds the actors of an article: people, organisations,
// countries and cities, regions and groups (PERSON, ORG, GPE, LOC, NORP),
// their roles and affiliations, and who is who within the article. It fills
// the document's Mentions and Entities layers from the token layer.
//
// It works in three passes over the tokens of each sentence, all linear:
//
//  1. classify: lexicon phrases (countries, organisations, places, demonyms,
//     capitals), title words, pronouns and runs of capitalised words;
//  2. candidates: person names with the titles and affiliations written
//     before them ("US Deputy Ambassador Richard Mills", "Mali's Diop") or in
//     apposition ("Evgeny Prigozhin, a rogue billionaire"); role nouns ("the
//     foreign minister"); a country's institutions ("the Malian army");
//     regions ("northern Mali"); pronouns;
//  3. resolve, in text order: a name to an earlier one by full name, surname,
//     first name or a near spelling ("Nevenzia" for "Nebenzia"); a role noun
//     to the person who last held that role; he and she to the subject of the
//     sentence or of the sentences before, by gender.
//
// Language knowledge lives in data/*.txt; the code holds the mechanisms.
package actors

import (
	"github.com/dossier-news/dossier/doc"
)

// Stage is the pipeline stage that builds the Mentions and Entities layers.
// It needs the text layer (tokens and sentences).
type Stage struct{}

// Name returns "actors".
func (Stage) Name() string { return "actors" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords, doc.LayerNews)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerMentions, doc.LayerEntities) }

// Process finds the actors of d.
func (Stage) Process(d *doc.Document) error {
	Analyze(d)
	return nil
}

// Analyze fills d.Mentions and d.Entities from d's text layer, replacing any
// earlier ones. Every mention lies within one sentence; entities are numbered
// E1, E2, ... in the order of their first mention.
func Analyze(d *doc.Document) {
	d.Mentions = d.Mentions[:0]
	d.Entities = d.Entities[:0]
	if len(d.Tokens) == 0 {
		return
	}
	a := newAnalyzer(d)
	a.classify()
	a.candidates()
	a.resolve()
	a.emit()
	a.release()
}

// MentionAt returns the index in d.Mentions of the mention that best covers
// span s, or -1 when no mention overlaps it. Stages that find a stretch of
// text naming an actor (a quote's source "He", "the foreign minister"; an
// event's actor "the Malian army") call it to learn which entity that is:
//
//	if m := actors.MentionAt(d, src); m >= 0 && d.Mentions[m].Entity >= 0 {
//		speaker = d.Mentions[m].Entity
//	}
//
// Among overlapping mentions it prefers the one sharing the most bytes with
// s, then one resolved to an entity, then the shorter. It is a binary search
// over the mentions, which are in text order.
func MentionAt(d *doc.Document, s doc.Span) int {
	ms := d.Mentions
	// the first mention starting at or after s.End cannot overlap s
	lo, hi := 0, len(ms)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if ms[m].Start < s.End {
			lo = m + 1
		} else {
			hi = m
		}
	}
	best, bestOv := -1, 0
	for i := lo - 1; i >= 0; i-- {
		m := ms[i]
		if m.Start+maxMentionBytes < s.Start {
			break
		}
		ov := min(m.End, s.End) - max(m.Start, s.Start)
		if ov <= 0 && !(s.Len() == 0 && m.Start <= s.Start && s.Start < m.End) {
			continue
		}
		if ov <= 0 {
			ov = 1
		}
		if best < 0 || better(m, ms[best], ov, bestOv) {
			best, bestOv = i, ov
		}
	}
	return best
}

// maxMentionBytes bounds how far before a span a mention covering it can
// start; mentions are a few words long.
const maxMentionBytes = 400

func better(m, b doc.Mention, ov, bov int) bool {
	if ov != bov {
		return ov > bov
	}
	if (m.Entity >= 0) != (b.Entity >= 0) {
		return m.Entity >= 0
	}
	return m.Len() < b.Len()
}

// EntityAt returns the entity of the mention that best covers s (see
// MentionAt), or -1.
func EntityAt(d *doc.Document, s doc.Span) int {
	if m := MentionAt(d, s); m >= 0 {
		return d.Mentions[m].Entity
	}
	return -1
}
