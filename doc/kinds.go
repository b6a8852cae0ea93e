package doc

// The typed labels of the model. Each is a string type, so the JSON (and
// code that compares with a literal) reads the same as before; the
// constants are the one place each value is spelt, in the manner of
// go/token's kinds. String gives the label as the JSON writes it.

// EntityType is what kind of actor an entity or mention is.
type EntityType string

// Entity types (OntoNotes names).
const (
	Person EntityType = "PERSON" // a person, named or by role
	Org    EntityType = "ORG"    // an organisation: a government body, an armed group, a company
	GPE    EntityType = "GPE"    // a geopolitical entity: a country, a city, a region with a government
	LOC    EntityType = "LOC"    // a place without a government: a lake, a border area
	NORP   EntityType = "NORP"   // a nationality or group ("Malians", "the rebels")
)

func (t EntityType) String() string { return string(t) }

// MentionKind says how a mention refers to its entity.
type MentionKind string

// Mention kinds.
const (
	MentionName    MentionKind = "name"    // "Richard Mills", "the United Nations"
	MentionRole    MentionKind = "role"    // "the foreign minister"
	MentionPronoun MentionKind = "pronoun" // "he", "they"
	MentionDemonym MentionKind = "demonym" // "Malian"
)

func (k MentionKind) String() string { return string(k) }

// QuoteKind says how a quote reports its content.
type QuoteKind string

// Quote kinds.
const (
	Direct   QuoteKind = "direct"   // the content is all inside quotation marks
	Indirect QuoteKind = "indirect" // reported speech, no quotation marks
	Mixed    QuoteKind = "mixed"    // reported speech with a quoted part
)

func (k QuoteKind) String() string { return string(k) }

// FlagKind says what a quality flag marks.
type FlagKind string

// Flag kinds. Every kind but UnbalancedQuote and Suspect marks debris, text
// whose facts are not reported (see Document.Flagged); facts in a Suspect
// sentence are reported with their suspect mark (see Document.Evidence).
const (
	FlagOrphan          FlagKind = "orphan_fragment"   // a few words standing alone as a paragraph
	FlagMT              FlagKind = "mt_artefact"       // a machine-translation tell
	FlagUnbalancedQuote FlagKind = "unbalanced_quote"  // a quotation mark nothing matches: a damaged structure, not debris
	FlagPunctStart      FlagKind = "punct_start"       // a paragraph that starts with punctuation
	FlagWordSalad       FlagKind = "word_salad"        // words in an order no writer of English chose
	FlagSuspect         FlagKind = "mt_suspect"        // a sentence the fluency model judges machine-translation debris: its facts are kept, marked suspect
	FlagRepeat          FlagKind = "repeated_sentence" // a sentence repeating an earlier one word for word
	FlagLeadIn          FlagKind = "spin_leadin"       // a spinner's or aggregator's lead-in ("Big News:")
)

func (k FlagKind) String() string { return string(k) }

// Debris reports whether a flag of this kind marks text whose facts stages
// should not report.
func (k FlagKind) Debris() bool { return k != FlagUnbalancedQuote && k != FlagSuspect }
