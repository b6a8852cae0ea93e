package quotes

import "testing"

// Content boundaries: which words at a content's edges are the speaker's,
// following PolNeAR's conventions (content.go).
var contentCases = []quoteCase{
	{name: "dash pair is an aside inside the content",
		text: "The mayor said the levy -- which voters approved in May -- would pay for new buses.",
		want: []want{{content: "the levy -- which voters approved in May -- would pay for new buses", cue: "said"}}, n: 1},
	{name: "single dash ends the content",
		text: "The mayor said the levy would pay for new buses -- a claim the council disputes.",
		want: []want{{content: "the levy would pay for new buses", cue: "said"}}, n: 1},
	{name: "dash pair then a capitalised main clause is not an aside",
		text: "The mayor said the levy would pay for buses — as it did in 2019 — Lee replied.",
		want: []want{{content: "the levy would pay for buses", cue: "said"}}, n: -1},
	{name: "preposition after the cue joins the cue",
		text: "Farmers have expressed deep concern about the new water rules.",
		want: []want{{content: "the new water rules", cue: "have expressed deep concern about"}}, n: 1},
	{name: "object phrase then a quotation: the quotation is the content",
		text: "The senator joked of the vote, “We counted twice and still lost.”",
		want: []want{{content: "We counted twice and still lost.", cue: "joked"}}, n: 1},
	{name: "continued to and its verb join the cue",
		text: "The union continued to question whether the port could reopen by June.",
		want: []want{{content: "whether the port could reopen by June", cue: "continued to question", source: "The union"}}, n: 1},
	{name: "continued to, a verb and its preposition join the cue",
		text: "Ms. Okafor has continued to push for a ban on night flights.",
		want: []want{{content: "a ban on night flights", cue: "has continued to push for", source: "Ms. Okafor"}}, n: 1},
	{name: "a passive question: what was asked follows the cue",
		text: "The harbour master was asked whether the port would reopen before the storm season.",
		want: []want{{content: "whether the port would reopen before the storm season", cue: "was asked", source: "-"}}, n: 1},
	{name: "when asked whether: the opener starts the content",
		text: "When asked whether he would fundraise for the council candidates, Lind declined to answer.",
		want: []want{{content: "whether he would fundraise for the council candidates", cue: "asked", source: "-"}}, n: -1},
	{name: "asked an addressee then a pronoun",
		text: "Ms. Okafor asked reporters if they had read the audit.",
		want: []want{{content: "if they had read the audit", cue: "asked"}}, n: 1},
	{name: "a relative clause's content ends where the main predicate resumes",
		text: "Ann Lee, who has backed the ferry plan, quickly launched an advert against the council.",
		want: []want{{content: "the ferry plan", cue: "has backed", source: "who"}}, n: -1},
	{name: "and who opens the next relative clause",
		text: "Tom Mays, who endorsed the levy and who chairs the board, will speak on Monday.",
		want: []want{{content: "the levy", cue: "endorsed", source: "who"}}, n: -1},
	{name: "about before a number opens the content",
		text: "The board predicted about one-third of the ferry fleet would be sold by May.",
		want: []want{{content: "about one-third of the ferry fleet would be sold by May", cue: "predicted"}}, n: 1},
	{name: "about before a noun joins the cue",
		text: "Fishermen have complained about the new harbour fees.",
		want: []want{{content: "the new harbour fees", cue: "have complained about"}}, n: 1},
	{name: "the occasion after a cue's object is left out",
		text: "The union endorsed Ann Lee at a rally in Lakeport on Saturday.",
		want: []want{{content: "Ann Lee", cue: "endorsed"}}, n: 1},
	{name: "a clause keeps its occasion",
		text: "The mayor argued that the levy was fair in an interview on Sunday.",
		want: []want{{content: "that the levy was fair in an interview on Sunday", cue: "argued"}}, n: 1},
	{name: "issued a statement saying: the statement and its participle are the cue",
		text: "The harbour board issued a statement on Friday saying the ferry would run again in May.",
		want: []want{{content: "the ferry would run again in May", cue: "issued a statement on Friday saying", source: "The harbour board"}}, n: 1},
	{name: "released a video calling on: the particle joins the cue",
		text: "The union released a video calling on the council to reopen the terminal.",
		want: []want{{content: "the council to reopen the terminal", cue: "released a video calling on", source: "The union"}}, n: 1},
	{name: "circumstance after a verb of saying stays out of the cue",
		text: "The board said in a May report that freight fell by a third.",
		want: []want{{content: "that freight fell by a third", cue: "said"}}, n: 1},
	{name: "told an addressee then a subject pronoun",
		text: "The governor told reporters she would sign the budget on Monday.",
		want: []want{{content: "she would sign the budget on Monday", cue: "told", source: "The governor"}}, n: 1},
	{name: "a circumstance then a subject pronoun",
		text: "The senator said after the vote she would not run again.",
		want: []want{{content: "she would not run again", cue: "said"}}, n: 1},
	{name: "told a named outlet then a subject pronoun",
		text: "Ms. Ortiz told Politico they were still counting ballots.",
		want: []want{{content: "they were still counting ballots", cue: "told"}}, n: 1},
	{name: "not only X, but also Y goes on",
		text: "The chairman said the audit found not only missing funds, but also forged invoices.",
		want: []want{{content: "the audit found not only missing funds, but also forged invoices", cue: "said"}}, n: 1},
	{name: "but and a new subject ends it",
		text: "The chairman said the audit was finished, but he refused to release it.",
		want: []want{{content: "the audit was finished", cue: "said"}}, n: -1},
	{name: "even if goes on",
		text: "The minister argued that the dam would pay for itself, even if rainfall stayed low.",
		want: []want{{content: "that the dam would pay for itself, even if rainfall stayed low", cue: "argued"}}, n: 1},
	{name: "question mark kept at the end of a headline statement",
		text: "BERG: Will the port reopen?",
		want: []want{{content: "Will the port reopen?", cue: ":", source: "BERG"}}, n: 1},
	{name: "exclamation mark kept at the end of an unclosed quotation",
		text: "The mayor said:\n\n“Who will pay for the bridge? Not us!\n\nThe council did not answer.",
		want: []want{{content: "Who will pay for the bridge? Not us!", cue: "said:"}}, n: 1},
	{name: "relative pronoun before the source: the content reaches back to it",
		text: "The council approved the levy, which the mayor said was needed to fix the roads.",
		want: []want{{content: "which the mayor said was needed to fix the roads", cue: "said", source: "the mayor"}}, n: -1},
	{name: "relative pronoun then a content with its own subject stays after the cue",
		text: "It was the bridge that the mayor said he would rebuild first.",
		want: []want{{content: "he would rebuild first", cue: "said"}}, n: -1},
	{name: "a dateline opening the paragraph is not content",
		text: "LAGOS, Nigeria — Floods have displaced 9,000 people in the delta this month, according to the Red Cross.",
		want: []want{{content: "Floods have displaced 9,000 people in the delta this month", cue: "according to", source: "the Red Cross"}}, n: 1},
	{name: "a capitalised opening without a dash is content",
		text: "NATO forces left the valley in May, according to the ministry.",
		want: []want{{content: "NATO forces left the valley in May", cue: "according to", source: "the ministry"}}, n: 1},
	{name: "quotation resumes after a state abbreviation",
		text: "“The plan is not good,” Lee said at a rally in Dover, N.H. “It costs too much.”",
		want: []want{{content: "The plan is not good,” Lee said at a rally in Dover, N.H. “It costs too much.", cue: "said", source: "Lee"}}, n: 1},
}

func TestContentBoundaries(t *testing.T) {
	for _, c := range contentCases {
		checkCase(t, c)
	}
}

var followCases = []quoteCase{
	{name: "a bare quotation in the next paragraph continues a direct statement",
		text: "“We will not wait,” the mayor said.\n\n“The buses leave at noon.”",
		want: []want{{content: "We will not wait", cue: "said"}, {content: "We will not wait,” the mayor said.\n\n“The buses leave at noon.", source: "the mayor"}}, n: 2},
	{name: "a bare quotation after indirect speech stays a statement of its own",
		text: "The mayor said that the buses were “ready to go.” “They leave at noon.”",
		want: []want{{content: "They leave at noon.", source: "The mayor"}}, n: 2},
	{name: "collected reactions are not joined",
		text: "“He was calm.” ― Ann Lee\n\n“He was not.” ― Bo Park",
		want: []want{{content: "He was calm.", source: "Ann Lee"}, {content: "He was not.", source: "Bo Park"}}, n: 2},
}

func TestFollowOnHull(t *testing.T) {
	for _, c := range followCases {
		checkCase(t, c)
	}
}

var subordinateCases = []quoteCase{
	{name: "cue inside an opening while-clause: content ends at the clause's comma",
		text: "While officials have suggested the port will reopen in June, shipping firms are moving their cargo to Rotterdam.",
		want: []want{{content: "the port will reopen in June", cue: "have suggested", source: "officials"}}, n: 1},
	{name: "cue in the main clause after an opening clause keeps its content",
		text: "When the storm ended, the mayor said the port would reopen in June, weeks ahead of plan.",
		want: []want{{content: "the port would reopen in June, weeks ahead of plan", cue: "said"}}, n: 1},
}

func TestSubordinateEnd(t *testing.T) {
	for _, c := range subordinateCases {
		checkCase(t, c)
	}
}

var quotationAfterCases = []quoteCase{
	{name: "quotation after the cue's addressee and a colon is the content",
		text: "The governor wrote to the mayors: “The money will come in June.”",
		want: []want{{content: "The money will come in June.", cue: "wrote"}}, n: 1},
	{name: "quotation after an object pronoun and a comma is the content",
		text: "The farmer stopped the senator, asking her, “Where is the water?”",
		want: []want{{content: "Where is the water?", cue: "asking"}}, n: -1},
	{name: "a clause before the quotation keeps the whole content",
		text: "Lind said she recalled thinking, “This cannot be right.”",
		want: []want{{content: "she recalled thinking, “This cannot be right.”", cue: "said"}}, n: -1},
	{name: "that before the quotation keeps the that",
		text: "The mayor tweeted that, “We will rebuild the bridge.”",
		want: []want{{content: "that, “We will rebuild the bridge.”", cue: "tweeted"}}, n: 1},
}

func TestQuotationAfter(t *testing.T) {
	for _, c := range quotationAfterCases {
		checkCase(t, c)
	}
}

var asideCases = []quoteCase{
	{name: "an aside's cue after the attribution does not stop the interrupted quotation",
		text: "“We will not wait,” the mayor said, referring to the strike. “The buses leave at noon.”",
		want: []want{{content: "We will not wait,” the mayor said, referring to the strike. “The buses leave at noon.", cue: "said", source: "the mayor"}}, n: -1},
}

func TestAsideThenQuotation(t *testing.T) {
	for _, c := range asideCases {
		checkCase(t, c)
	}
}

var linkingCases = []quoteCase{
	{name: "a linking adverb opening the sentence is the writer's",
		text: "However, exports fell by a third, the agency said.",
		want: []want{{content: "exports fell by a third", cue: "said", source: "the agency"}}, n: 1},
	{name: "and opening a sentence laid out around according to is the writer's",
		text: "And the mine will close in June, according to the union.",
		want: []want{{content: "the mine will close in June", cue: "according to"}}, n: 1},
}

func TestLinkingStart(t *testing.T) {
	for _, c := range linkingCases {
		checkCase(t, c)
	}
}

var appositionCases = []quoteCase{
	{name: "the writer's gloss of a name closing a reported clause is cut",
		text: "Ms. Ortiz said she would vote for Lind, the former mayor of the city.",
		want: []want{{content: "she would vote for Lind", cue: "said"}}, n: 1},
	{name: "the gloss of a cue's object is kept",
		text: "The union criticized Lind, a former mayor of the city.",
		want: []want{{content: "Lind, a former mayor of the city", cue: "criticized"}}, n: -1},
}

func TestApposition(t *testing.T) {
	for _, c := range appositionCases {
		checkCase(t, c)
	}
}

var thatClauseCases = []quoteCase{
	{name: "a that-clause goes on over ', which'",
		text: "The report found that the levy raised $5 million, which paid for new buses.",
		want: []want{{content: "that the levy raised $5 million, which paid for new buses", cue: "found"}}, n: 1},
	{name: "content without that ends at ', which'",
		text: "The mayor said the levy raised $5 million, which surprised the council.",
		want: []want{{content: "the levy raised $5 million", cue: "said"}}, n: 1},
}

func TestThatClauseGoesOn(t *testing.T) {
	for _, c := range thatClauseCases {
		checkCase(t, c)
	}
}

var particleCases = []quoteCase{
	{name: "a phrasal particle joins the cue",
		text: "The governor laid out her plan to rebuild the port.",
		want: []want{{content: "her plan to rebuild the port", cue: "laid out"}}, n: 1},
	{name: "off joins the cue",
		text: "Trump backed off some of his initial proposals on trade.",
		want: []want{{content: "some of his initial proposals on trade", cue: "backed off"}}, n: 1},
	{name: "the part of the day joins the day in the cue",
		text: "The mayor said Friday afternoon the buses would run again.",
		want: []want{{content: "the buses would run again", cue: "said Friday afternoon"}}, n: 1},
	{name: "a prepositional to joins the cue of referring",
		text: "The senator has repeatedly referred to the harbour strike as a disgrace.",
		want: []want{{content: "the harbour strike as a disgrace", cue: "has repeatedly referred to"}}, n: -1},
	{name: "an infinitive to stays in the content",
		text: "The governor vowed to rebuild the port by June.",
		want: []want{{content: "to rebuild the port by June", cue: "vowed"}}, n: 1},
}

func TestCueParticles(t *testing.T) {
	for _, c := range particleCases {
		checkCase(t, c)
	}
}

var accordingCases = []quoteCase{
	{name: "according to a source with a gloss: the content is the left side",
		text: "The mine will close in June, according to Ann Lee, a spokeswoman for the union.",
		want: []want{{content: "The mine will close in June", cue: "according to"}}, n: 1},
	{name: "according to after a short opening: both sides",
		text: "Now, according to the union, the mine will close in June.",
		want: []want{{content: "Now, according to the union, the mine will close in June", cue: "according to"}}, n: 1},
	{name: "according to inside the statement: both sides",
		text: "The mine, according to the union, will close in June.",
		want: []want{{content: "The mine, according to the union, will close in June", cue: "according to"}}, n: 1},
}

func TestAccordingGloss(t *testing.T) {
	for _, c := range accordingCases {
		checkCase(t, c)
	}
}

var bracketCases = []quoteCase{
	{name: "a closing bracket the content does not open is left out",
		text: "(The mayor said the talks would resume on Monday.)",
		want: []want{{content: "the talks would resume on Monday", cue: "said"}}, n: 1},
	{name: "a bracket the content opens and closes is kept",
		text: "The union said the talks would resume on Monday (a date the owners rejected).",
		want: []want{{content: "the talks would resume on Monday (a date the owners rejected)", cue: "said"}}, n: 1},
}

func TestUnmatchedBrackets(t *testing.T) {
	for _, c := range bracketCases {
		checkCase(t, c)
	}
}

var coordinateCases = []quoteCase{
	{name: "the object of a cue ends before the subject's next predicate",
		text: "The senator praised the harbour deal and said she would vote for it.",
		want: []want{{content: "the harbour deal", cue: "praised"}}, n: -1},
	{name: "a reported clause goes on over and",
		text: "The senator said the deal was fair and the union would sign it.",
		want: []want{{content: "the deal was fair and the union would sign it", cue: "said"}}, n: 1},
}

func TestCoordinateEnd(t *testing.T) {
	for _, c := range coordinateCases {
		checkCase(t, c)
	}
}

var quotedBreakCases = []quoteCase{
	{name: "a comma inside the closing mark then the writer's clause",
		text: "The inspectors called the pier “safe,” but the council closed it anyway.",
		want: []want{{content: "the pier “safe,”", cue: "called"}}, n: 1},
}

func TestQuotedBreak(t *testing.T) {
	for _, c := range quotedBreakCases {
		checkCase(t, c)
	}
}

var shortBreakCases = []quoteCase{
	{name: "a clause break right after a one-word content still ends it",
		text: "Lind praised Okafor, who had led the strike for six weeks.",
		want: []want{{content: "Okafor", cue: "praised"}}, n: 1},
}

func TestShortBreak(t *testing.T) {
	for _, c := range shortBreakCases {
		checkCase(t, c)
	}
}

var raisingCases = []quoteCase{
	{name: "it seems: the clause after the cue",
		text: "It seems the port will not reopen before June.",
		want: []want{{content: "the port will not reopen before June", cue: "seems"}}, n: 1},
	{name: "appears to: the clause ends at its first comma",
		text: "The strike appears to have ended, the union's own figures show.",
		want: []want{{content: "The strike appears to have ended"}}, n: -1},
}

func TestRaisingContent(t *testing.T) {
	for _, c := range raisingCases {
		checkCase(t, c)
	}
}

var labelCases = []quoteCase{
	{name: "a correction label is not a speaker",
		text: "The port reopened on Monday.\n\nCorrection: An earlier version of this article misstated the date of the vote.",
		want: nil, n: 0},
	{name: "an exclusive label is not a speaker",
		text: "EXCLUSIVE: Harbour Board Will Sell The Old Ferry Terminal",
		want: nil, n: 0},
	{name: "a tally after a name is no statement",
		text: "Delegates so far.\n\nAnn Lee: 1,204\n\nTom Mays: 988",
		want: nil, n: 0},
	{name: "a byline's place is no statement",
		text: "Ann Lee reported from Lagos, Nigeria.",
		want: nil, n: 0},
	{name: "a name and a colon still report a headline statement",
		text: "Ann Lee: The Ferry Terminal Must Stay Public",
		want: []want{{content: "The Ferry Terminal Must Stay Public", cue: ":", source: "Ann Lee"}}, n: 1},
}

func TestColonLabels(t *testing.T) {
	for _, c := range labelCases {
		checkCase(t, c)
	}
}

var whoCases = []quoteCase{
	{name: "', who' with more of the sentence set off after it goes on",
		text: "The mayor said workers, who had waited six weeks for pay, would get it on Monday.",
		want: []want{{content: "workers, who had waited six weeks for pay, would get it on Monday", cue: "said"}}, n: 1},
	{name: "', who' after a name closing the sentence is the writer's gloss",
		text: "The mayor said the deal was signed by Ann Lee, who heads the union.",
		want: []want{{content: "the deal was signed by Ann Lee", cue: "said"}}, n: 1},
}

func TestWhoClause(t *testing.T) {
	for _, c := range whoCases {
		checkCase(t, c)
	}
}

var addresseeCases = []quoteCase{
	{name: "'told' and a name closing the sentence: the content is before",
		text: "The port will reopen in June, sources told Politico.",
		want: []want{{content: "The port will reopen in June", cue: "told", source: "sources"}}, n: 1},
	{name: "the part of the day after the cue is not content",
		text: "The records will be released soon, a spokesman announced Monday morning.",
		want: []want{{content: "The records will be released soon"}}, n: 1},
	{name: "'said to' an addressee after a quotation is not content",
		text: "“We will rebuild the pier,” the mayor said to reporters.",
		want: []want{{content: "We will rebuild the pier", cue: "said", source: "the mayor"}}, n: 1},
}

func TestAddresseePhrase(t *testing.T) {
	for _, c := range addresseeCases {
		checkCase(t, c)
	}
}

var dashCases = []quoteCase{
	{name: "a dash then from goes on with the speaker's list",
		text: "The mayor said the levy would pay for everything — from new buses to wider bridges.",
		want: []want{{content: "the levy would pay for everything — from new buses to wider bridges", cue: "said"}}, n: 1},
}

func TestDashGoesOn(t *testing.T) {
	for _, c := range dashCases {
		checkCase(t, c)
	}
}

var nestedCases = []quoteCase{
	{name: "a cue inside a reported that-clause is part of it",
		text: "The union said that workers had refused to return to the pier.",
		want: []want{{content: "that workers had refused to return to the pier", cue: "said"}}, n: 1},
}

func TestNestedInClause(t *testing.T) {
	for _, c := range nestedCases {
		checkCase(t, c)
	}
}

var asCases = []quoteCase{
	{name: "'as' before the source closing a sentence is not content",
		text: "The pier will close in June, as the union has said.",
		want: []want{{content: "The pier will close in June", cue: "has said", source: "the union"}}, n: 1},
}

func TestAsSource(t *testing.T) {
	for _, c := range asCases {
		checkCase(t, c)
	}
}

var colonParagraphCases = []quoteCase{
	{name: "a colon then a paragraph with no quotation marks: the paragraph is the content",
		text: "The governor added:\n\nThe harbour will reopen in June. The work is nearly done and the crews know what to do.\n\nThe union did not reply.",
		want: []want{{content: "The harbour will reopen in June. The work is nearly done and the crews know what to do", cue: "added:"}}, n: 1},
}

func TestColonParagraph(t *testing.T) {
	for _, c := range colonParagraphCases {
		checkCase(t, c)
	}
}
