package doc

import (
	"encoding/json"
	"fmt"
	"sort"
)

// Decode reads a document back from the JSON that MarshalJSON writes (the
// extract contract, docs/SCHEMA.md), so that stored documents can be shown,
// exported and linked again without extracting them anew. Encoding the
// decoded document gives the same bytes (the store's tests hold it to that
// on the gold corpora).
//
// What the JSON does not carry stays empty: the token layer, quotation
// marks and the word cache (run text.Stage again if a stage needs them),
// mentions that no entity claims, and Sentence.Tokens. Span texts in the
// JSON are ignored: they are derived from the offsets, so a document
// encoded with its text blanked out (as the store keeps it) decodes to the
// same layers, and Text can be set afterwards.
func Decode(b []byte) (*Document, error) {
	d := &Document{}
	if err := d.UnmarshalJSON(b); err != nil {
		return nil, err
	}
	return d, nil
}

// UnmarshalJSON decodes the contract's encoding into d (see Decode).
func (d *Document) UnmarshalJSON(b []byte) error {
	var j jsonDoc
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("decoding a document: %w", err)
	}
	if j.Schema != SchemaVersion {
		return fmt.Errorf("decoding document %q: JSON schema %q, this dossier reads schema %q: use the dossier that wrote it, or extract the text again", j.ID, j.Schema, SchemaVersion)
	}
	*d = Document{ID: j.ID, Source: j.Source, Outlet: j.Outlet, Title: j.Title, URL: j.URL, PublishedFrom: j.PublishedFrom,
		Text: j.Text, Warnings: j.Warnings, Paragraphs: j.Paragraphs, Story: j.Story, DuplicateOf: j.DuplicateOf}
	if j.Published != nil {
		d.Published = *j.Published
	}
	if len(d.Paragraphs) == 0 {
		d.Paragraphs = nil
	}
	if len(j.Sentences) > 0 {
		d.Sentences = make([]Sentence, len(j.Sentences))
		for i, s := range j.Sentences {
			d.Sentences[i] = Sentence{Span: Span{s.Start, s.End}, Para: s.Para}
			if s.Quality != nil {
				d.Sentences[i].Quality = float32(*s.Quality)
			}
		}
	}
	ents := d.decodeEntities(j.Entities)
	for _, q := range j.Quotes {
		dq := Quote{Kind: QuoteKind(q.Kind), Content: Span{q.Content.Start, q.Content.End}, Speaker: -1, Confidence: q.Confidence}
		if q.Cue != nil {
			dq.Cue = Span{q.Cue.Start, q.Cue.End}
		}
		if q.Source != nil {
			dq.Source = Span{q.Source.Start, q.Source.End}
		}
		if q.Speaker != nil {
			dq.Speaker = ents.index(q.Speaker.Entity)
		}
		d.Quotes = append(d.Quotes, dq)
	}
	for _, t := range j.Timexes {
		d.Timexes = append(d.Timexes, Timex{Span{t.Start, t.End}, t.Type, t.Value, t.Granularity, t.Anchor, t.Mod})
	}
	for _, q := range j.Quantities {
		d.Quantities = append(d.Quantities, Quantity{Span{q.Start, q.End}, q.Value, q.Category, q.Counts, q.Bound, q.Ordinal, q.Unit})
	}
	for _, e := range j.Events {
		d.Events = append(d.Events, Event{Type: e.Type, Mode: e.Mode, Actor: ents.args(e.Actor), Recipient: ents.args(e.Recipient),
			Trigger: Span{e.Trigger.Start, e.Trigger.End}, Sentence: d.sentenceWithSpan(Span{e.Sentence.Start, e.Sentence.End}),
			Date: e.Date, DateFrom: e.DateFrom, Place: ents.args(e.Place), Dead: e.Dead, Injured: e.Injured, Size: e.Size,
			Negated: e.Negated, Modality: e.Modality, Claimant: ents.index(e.Claimant), Debris: e.Debris})
	}
	for _, f := range j.Flags {
		d.Flags = append(d.Flags, Flag{Span{f.Start, f.End}, FlagKind(f.Kind), f.Why})
	}
	if j.Quality != nil {
		d.Quality = &Quality{Score: j.Quality.Score, Reasons: j.Quality.Reasons}
	}
	return nil
}

// entityIndex maps entity IDs ("E3") to their index in Document.Entities.
type entityIndex map[string]int

func (ix entityIndex) index(id string) int {
	if i, ok := ix[id]; ok && id != "" {
		return i
	}
	return -1
}

func (ix entityIndex) args(as []jsonArg) []Argument {
	if len(as) == 0 {
		return nil
	}
	out := make([]Argument, len(as))
	for i, a := range as {
		out[i] = Argument{Name: a.Name, Text: a.Text, Span: Span{a.Start, a.End}, Entity: ix.index(a.Entity)}
	}
	return out
}

// decodeEntities rebuilds Entities and the Mentions they claim. Mentions are
// laid out in text order, as the actors stage leaves them, and each
// entity's list keeps the order the JSON gives.
func (d *Document) decodeEntities(js []jsonEntity) entityIndex {
	ix := make(entityIndex, len(js))
	type owned struct {
		m     Mention
		owner int // entity index
		pos   int // position in the owner's list
	}
	var all []owned
	for i, e := range js {
		ix[e.ID] = i
		d.Entities = append(d.Entities, Entity{ID: e.ID, Name: e.Name, Type: EntityType(e.Type), Role: e.Role,
			Affiliation: e.Affiliation, Gender: e.Gender, Actor: e.Actor, Mentions: make([]int, len(e.Mentions))})
		for k, m := range e.Mentions {
			all = append(all, owned{Mention{Span: Span{m.Start, m.End}, Type: EntityType(e.Type), Entity: i, Kind: MentionKind(m.Kind)}, i, k})
		}
	}
	sort.SliceStable(all, func(a, b int) bool {
		if all[a].m.Start != all[b].m.Start {
			return all[a].m.Start < all[b].m.Start
		}
		return all[a].m.End < all[b].m.End
	})
	if len(all) > 0 {
		d.Mentions = make([]Mention, len(all))
	}
	for k, o := range all {
		d.Mentions[k] = o.m
		d.Entities[o.owner].Mentions[o.pos] = k
	}
	return ix
}

// sentenceWithSpan returns the index of the sentence whose span is s, or -1
// (an event's evidence is its sentence; a zero span means none).
func (d *Document) sentenceWithSpan(s Span) int {
	i := sort.Search(len(d.Sentences), func(i int) bool { return d.Sentences[i].Start >= s.Start })
	if i < len(d.Sentences) && d.Sentences[i].Span == s {
		return i
	}
	return -1
}
