package doc

// Mention is a stretch of text that names or refers to an actor.
type Mention struct {
	Span
	Type   EntityType
	Entity int // index into Document.Entities, or -1 when unresolved
	// Kind says how the mention refers: by name, role (the foreign
	// minister), pronoun (he) or demonym (Malian).
	Kind MentionKind
}

// Entity is one actor of the article with all the mentions that refer to it.
type Entity struct {
	ID          string // "E1", "E2", ... stable within a document
	Name        string // canonical name
	Type        EntityType
	Role        string
	Affiliation string
	Gender      string // "m", "f" or "" when unknown
	Mentions    []int  // indexes into Document.Mentions, in text order
	// Actor is the corpus-wide actor this entity is linked to across
	// stored documents; empty outside a corpus.
	Actor string
}

// Quote is one attributed statement: its content, cue, source mention and
// resolved speaker.
type Quote struct {
	Kind    QuoteKind
	Content Span
	Cue     Span // zero when there is no cue
	Source  Span // zero when the source is not in the text
	Speaker int  // index into Document.Entities, or -1
	// Confidence is the extractor's belief in the quote, from 0 to 1.
	Confidence float64
}

// Timex is a normalised temporal expression (TIMEX3).
type Timex struct {
	Span
	Type  string // DATE, TIME, DURATION, SET
	Value string // TIMEX3 value: 2023-01-27, 2023-W04, P9Y, PAST_REF, XXXX-03
	// Granularity is the unit of the value: day, week, month, quarter, year,
	// decade, century, or "" for durations and references.
	Granularity string
	// Anchor says what a relative value was computed from: "published",
	// "timex" (an earlier date in the text) or "" when absolute.
	Anchor string
	Mod    string // TIMEX3 mod: BEFORE, AFTER, START, APPROX, ...
}

// Quantity is a number in the text with what it counts.
type Quantity struct {
	Span
	Value    float64
	Category string // killed, wounded, troops, personnel, ... or the counted noun
	Counts   string // what is counted, as written ("peacekeepers")
	Bound    string // exact, min, max, approx
	Ordinal  bool   // "second" in "his second coup"
	Unit     string // "%", "USD", ... for percentages and money
}

// Argument is one actor or recipient of an event.
type Argument struct {
	Name   string // canonical name
	Text   string // as written
	Span   Span
	Entity int // index into Document.Entities, or -1
}

// Event is one PLOVER-coded event with the text that supports it.
type Event struct {
	Type      string // one of the 16 PLOVER categories
	Mode      string
	Actor     []Argument
	Recipient []Argument
	Trigger   Span
	Sentence  int    // index into Document.Sentences
	Date      string // TIMEX3 value
	DateFrom  string // "timex", "published" or ""
	Place     []Argument
	Dead      *float64
	Injured   *float64
	Size      *float64
	Negated   bool
	Modality  string // "" (asserted), "future", "hypothetical", "claimed"
	Claimant  int    // for claimed events, index into Document.Entities, or -1
	Debris    bool   // the event lies in text the quality stage flagged
}

// Flag marks text that is probably machine-translation or spinning debris,
// or a damaged structure such as an unbalanced quotation mark.
type Flag struct {
	Span
	Kind FlagKind
	Why  string // a reason a person understands
}

// Quality is the document's text-quality score with its reasons.
type Quality struct {
	Score   float64  // 0 (debris) to 1 (clean, edited news)
	Reasons []string // what lowered the score
}
