package quotes

import "testing"

// Source spans: where the phrase naming who speaks starts and ends.
var sourceCases = []quoteCase{
	// verbStart: a noun cue after a predicate of its own; the subject speaks
	{"subject before predicate and noun cue", "Okafor had been an outspoken supporter of the harbour plan.",
		[]want{{"the harbour plan", "", "supporter of", "Okafor"}}, -1},
	{"subject aux adverb before noun cue", "The mayor also is setting high expectations for the new ferry line.",
		[]want{{"the new ferry line", "", "expectations for", "The mayor"}}, -1},
	{"possessive source kept whole", "The ministry's chief spokesman said the border would stay open.",
		[]want{{"the border would stay open", "indirect", "said", "The ministry's chief spokesman"}}, 1},
	{"relative clause inside the source kept", "Dockers who joined the strike said they would not return.",
		[]want{{"they would not return", "indirect", "said", "Dockers who joined the strike"}}, 1},
	{"participle with circumstance kept", "A survey released last week found that most farmers oppose the tax.",
		[]want{{"that most farmers oppose the tax", "", "found", "A survey released last week"}}, -1},
	{"participle adjective after determiner kept", "A flustered Okafor said the papers had been lost.",
		[]want{{"the papers had been lost", "indirect", "said", "A flustered Okafor"}}, 1},
	{"participle with preposition kept", "A report prepared for the council warned that the dam was weak.",
		[]want{{"that the dam was weak", "", "warned", "A report prepared for the council"}}, -1},
	// leadSubject: a cue coordinated with a verb that is no cue
	{"coordinated cue after a non-cue verb", "Lind thanked the volunteers and said the clean-up would take weeks.",
		[]want{{"the clean-up would take weeks", "indirect", "said", "Lind"}}, -1},
	{"coordinated cue after a title subject", "The harbour master inspected the pier on Monday and said it was safe.",
		[]want{{"it was safe", "indirect", "said", "The harbour master"}}, -1},
	// closesClause: a quoted fragment the writer's words go on from
	{"quoted fragment then writer's words then pronoun", "“The harbour is a disgrace” for everyone who works there, she said.",
		[]want{{"“The harbour is a disgrace” for everyone who works there", "mixed", "said", "she"}}, 1},
	{"quoted fragment then writer's words then name", "Dockers who miss a shift are “fired on the spot” by the new owners, Okafor said.",
		[]want{{"Dockers who miss a shift are “fired on the spot” by the new owners", "mixed", "said", "Okafor"}}, 1},
	{"closed quotation then apposition source", "“We will appeal,” Marta Lind, 54, the chief executive, told reporters.",
		[]want{{"We will appeal", "direct", "told", "Marta Lind, 54, the chief executive"}}, 1},
	{"subordinate cue takes the subject of the first verb", "Small groups of dockers marched to the gates on Monday while chanting “No deal, no ships.”",
		[]want{{"No deal, no ships.", "direct", "chanting", "Small groups of dockers"}}, -1},
	{"name that reads as an auxiliary", "Prime Minister Theresa May said the talks would resume.",
		[]want{{"the talks would resume", "indirect", "said", "Prime Minister Theresa May"}}, 1},
	{"relative clause without who kept in the source", "All the economists I interviewed said the tax would fail.",
		[]want{{"the tax would fail", "indirect", "said", "All the economists I interviewed"}}, 1},
	// labels before a colon name no speaker
	{"correction label", "Correction: An earlier version of this article gave the wrong date for the vote.", []want{}, 0},
	{"latest label", "The Latest: Harbour Strike Enters Third Week\n\nDockers walked out again on Monday.", []want{}, 0},
	{"headline name colon still a source", "Mayor: Budget Cuts Are Coming To Every Department.",
		[]want{{"Budget Cuts Are Coming To Every Department", "", ":", "Mayor"}}, 1},
	// the cues inside a dash layout's quotation are the speaker's words
	{"cue inside an unpaired dash quotation", "”I am afraid. He says the port will close and nobody listens. We need jobs.” ― Ama Boateng",
		[]want{{"I am afraid. He says the port will close and nobody listens. We need jobs.", "direct", "―", "Ama Boateng"}}, 1},
	// a source never reaches back over a subordinator
	{"cue after unless is inside the content", "The ministry said it was “ready to help” but would not step in unless both sides asked it to.",
		[]want{{"it was “ready to help” but would not step in unless both sides asked it to", "mixed", "said", "The ministry"}}, 1},
	// a quantifier pronoun alone is a source
	{"some alone", "Some believe the strike will end before the holiday.",
		[]want{{"the strike will end before the holiday", "indirect", "believe", "Some"}}, 1},
	{"many alone", "Many say the ferry fares are too high.",
		[]want{{"the ferry fares are too high", "indirect", "say", "Many"}}, 1},
	{"determiner alone is still no source", "The plan was announced in the hope that the talks would resume.", []want{}, -1},
	// a relative pronoun after a source that follows its cue opens the next cue
	{"right source then who and a cue", "“We will appeal,” said Ann Lee, who noted that the court had erred twice.",
		[]want{{"We will appeal", "direct", "said", "Ann Lee"}, {"that the court had erred twice", "indirect", "noted", "who"}}, 2},
	// irregular past verbs end the subject like -ed words
	{"irregular past verb before participle cue", "The mayor went on to praise the firefighters, calling them “the best of us.”",
		[]want{{"them “the best of us.”", "mixed", "calling", "The mayor"}}, -1},
	{"irregular past verb before participle cue after comma", "Okafor sent a stern letter to the board, criticizing the cuts.",
		[]want{{"the cuts", "indirect", "criticizing", "Okafor"}}, -1},
	// trailing adverbs and "in particular" leave the source
	{"source ending in instead", "Lind instead argued that the port should stay open.",
		[]want{{"that the port should stay open", "indirect", "argued", "Lind"}}, 1},
	{"source ending in in particular", "Farmers in particular complained that the new tax was unfair.",
		[]want{{"that the new tax was unfair", "indirect", "complained", "Farmers"}}, 1},
	{"shortened has stays in the cue", "He's said that the port is losing money.",
		[]want{{"that the port is losing money", "indirect", "'s said", "He"}}, -1},
	// trailing time phrases: a share is no year, and a poll keeps its date
	{"share is not a time phrase", "Six in 10 say the ferry fares are too high.",
		[]want{{"the ferry fares are too high", "indirect", "say", "Six in 10"}}, 1},
	{"poll keeps its time phrase", "A harbour poll last week found that most dockers back the strike.",
		[]want{{"that most dockers back the strike", "", "found", "A harbour poll last week"}}, -1},
	{"person drops the time phrase", "Okafor on Tuesday said the strike would go on.",
		[]want{{"the strike would go on", "indirect", "said", "Okafor"}}, 1},
	// after a quotation, the name after "told" is the addressee
	{"quote name comma told addressee", "“The pier will reopen in May,” Ann Lee, the harbour chair, told Radio Norrland.",
		[]want{{"The pier will reopen in May", "direct", "told", "Ann Lee, the harbour chair"}}, 1},
	{"quote name comma told addressee and circumstance", "“We are ready,” Okafor, 61, told reporters in a brief interview.",
		[]want{{"We are ready", "direct", "told", "Okafor, 61"}}, 1},
	// a participle cue after a comma: the subject of the clause's verb
	{"participle cue after an opening circumstance", "On Monday night, the mayor attacked the union, calling the strike “a disgrace.”",
		[]want{{"the strike “a disgrace.”", "mixed", "calling", "the mayor"}}, -1},
	{"participle cue after an apposition", "Okafor, a former docker, visited the pier on Tuesday, arguing that the port should stay open.",
		[]want{{"that the port should stay open", "indirect", "arguing", "Okafor, a former docker"}}, -1},
	// a stance participle after "be" has its subject for source
	{"are concerned that", "Some dockers are concerned that the new cranes will cost jobs.",
		[]want{{"that the new cranes will cost jobs", "", "are concerned", "Some dockers"}}, -1},
	{"is convinced", "The mayor is convinced the ferry line will pay for itself.",
		[]want{{"the ferry line will pay for itself", "", "is convinced", "The mayor"}}, -1},
	{"true passive still has no source", "The ferry line is expected to open in May.",
		[]want{{"The ferry line is expected to open in May", "", "is expected", "-"}}, -1},
	// a passive's agent a few words after the cue
	{"passive with a later by", "The plan was criticized on Monday by the harbour board.",
		[]want{{"The plan", "", "was criticized", "the harbour board"}}, -1},
	// "everything" and its kin lead into the source, they are not it
	// expletive "there" is no source
	{"there are fears", "There are fears that the strike will spread to the airport.", []want{}, 0},
	// an infinitive cue after a catenative verb: the subject speaks
	{"went on to explain", "The harbour master went on to explain that the pier was unsafe.",
		[]want{{"that the pier was unsafe", "indirect", "explain", "The harbour master"}}, -1},
	{"moved to demand", "Dockers moved to demand that the port reopen.",
		[]want{{"that the port reopen", "indirect", "demand", "Dockers"}}, -1},
	{"coordinated cue in a relative clause", "The plan angered the dockers, who marched to the gates and demanded that the port reopen.",
		[]want{{"that the port reopen", "indirect", "demanded", "who"}}, -1},
}

func TestSources(t *testing.T) {
	for _, c := range sourceCases {
		checkCase(t, c)
	}
}

// cueSource is a case checked on its cue and source alone (the content
// boundaries are another rule's business).
type cueSource struct{ name, text, cue, source string }

var cueSourceCases = []cueSource{
	// a possessive 's belongs to the source, not to the cue
	{"possessive before a noun cue", "Okafor's view is that the port is losing money.", "view", "Okafor's"},
	{"everything the mayor says", "Everything the mayor says about the ferry is wrong.", "says about", "the mayor"},
	{"contraction left out of the source", "They’ve said that the pier will reopen.", "’ve said", "They"},
	{"straight contraction left out of the source", "We're convinced that the pier will reopen.", "'re convinced", "We"},
	{"possessive before a promise", "Okafor's promise to reopen the pier was welcomed.", "promise", "Okafor's"},
	// a sentence-initial "according to" reports the later cue's statement
	{"according to then said", "According to the harbour survey, most dockers said they would strike again.", "According to", "the harbour survey"},
	{"according to police then saw", "According to police, officers saw the driver leave the car with a rifle.", "According to", "police"},
	// a cue coordinated after a verb that is no cue: the name opening the sentence
	{"and says after a non-cue verb", "Okafor voted in Lakeport on Saturday and says he chose the ferry plan.", "says", "Okafor"},
	// "Okafor said." after a quotation the text layer closed as a sentence
	{"bare cue sentence after a full-stop quotation", "Okafor spoke at the pier. “We will not back down. The port is ours.” Okafor said.", "said", "Okafor"},
	// "when asked": the question has no source, the quotation keeps its own
	{"when asked has no source", "“We will appeal,” Okafor said when asked whether the union would fight on.", "asked", ""},
	// "“...,” X said, according to Y": Y reports the whole statement, and
	// the quotation keeps its own speaker
	{"according to after said", "“We will appeal,” Okafor said, according to the Harbour Gazette.", "according to", "the Harbour Gazette"},
	{"said before according to kept", "“We will appeal,” Okafor said, according to the Harbour Gazette.", "said", "Okafor"},
	// a share of people is a source
	{"two in three", "Two in three said they are less likely to use the ferry.", "said", "Two in three"},
	// a lower-case title before a name written after its cue
	{"title before a right source", "“We will not back down,” said pollster Ann Lee of Lakeport.", "said", "pollster Ann Lee of Lakeport"},
	{"rank before a right source", "“The channel is safe,” said retired Navy Capt. Tom Ray.", "said", "retired Navy Capt. Tom Ray"},
	// quantifier pronouns alone
	{"another alone", "One pilot said the channel was safe, while another said it was not.", "said", "another"},
	// a long apposition with a quotation inside, between dashes
	{"long dash apposition", "The mayor — who lost the vote on her “ferries for all” plan in May and again in the autumn — said the plan would go ahead.", "said", "The mayor — who lost the vote on her “ferries for all” plan in May and again in the autumn —"},
	// two cues reporting one content: the surer one stays
	{"surer cue of one content", "They want to “rebuild the harbour for dockers, not owners,” Okafor said.", "said", "Okafor"},
	// an apposition between dashes stays in the source, both dashes too
	{"dash apposition", "Jo Lind — a teacher from Lakeport — says she will vote for the ferry plan.", "says", "Jo Lind — a teacher from Lakeport —"},
	{"single hyphen apposition", "Some harbour pilots - including the oldest of them - warn that the channel is unsafe.", "warn", "Some harbour pilots - including the oldest of them -"},
	{"spaced hyphen apposition", "The three harbour pilots -- Ann Lee, Tom Ray and Jo Lind -- said the channel was unsafe.", "said", "The three harbour pilots -- Ann Lee, Tom Ray and Jo Lind --"},
}

func TestCueSource(t *testing.T) {
	for _, c := range cueSourceCases {
		d := extract(c.text)
		var got []string
		ok := false
		for _, q := range d.Quotes {
			got = append(got, d.Slice(q.Cue)+" / "+d.Slice(q.Source))
			if d.Slice(q.Cue) == c.cue && d.Slice(q.Source) == c.source {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: no quote with cue %q and source %q; got %q", c.name, c.cue, c.source, got)
		}
	}
}
