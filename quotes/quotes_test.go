package quotes

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/gold"
	"github.com/dossier-news/dossier/text"
)

// want is one expected quote: its content as written (without outer
// quotation marks), and when not empty its kind, cue and source.
type want struct {
	content, kind, cue, source string
}

type quoteCase struct {
	name string
	text string
	want []want
	// n is the exact number of quotes expected, or -1 to check only want.
	n int
}

func extract(s string) *doc.Document {
	d := doc.New("test", s)
	text.Analyze(d)
	Analyze(d)
	return d
}

func checkCase(t *testing.T, c quoteCase) {
	t.Helper()
	d := extract(c.text)
	var got []string
	for _, q := range d.Quotes {
		got = append(got, q.Kind.String()+" cue="+d.Slice(q.Cue)+" src="+d.Slice(q.Source)+" | "+d.Slice(q.Content))
	}
	if c.n >= 0 && len(d.Quotes) != c.n {
		t.Errorf("%s: %d quotes, want %d:\n  %s", c.name, len(d.Quotes), c.n, strings.Join(got, "\n  "))
		return
	}
	for _, w := range c.want {
		found := false
		for _, q := range d.Quotes {
			if d.Slice(q.Content) != w.content {
				continue
			}
			found = true
			if w.kind != "" && string(q.Kind) != w.kind {
				t.Errorf("%s: kind %q, want %q for %q", c.name, q.Kind, w.kind, w.content)
			}
			if w.cue != "" && d.Slice(q.Cue) != w.cue {
				t.Errorf("%s: cue %q, want %q for %q", c.name, d.Slice(q.Cue), w.cue, w.content)
			}
			if w.source == "-" && !q.Source.IsZero() {
				t.Errorf("%s: source %q, want none for %q", c.name, d.Slice(q.Source), w.content)
			} else if w.source != "" && w.source != "-" && d.Slice(q.Source) != w.source {
				t.Errorf("%s: source %q, want %q for %q", c.name, d.Slice(q.Source), w.source, w.content)
			}
		}
		if !found {
			t.Errorf("%s: no quote with content %q; got:\n  %s", c.name, w.content, strings.Join(got, "\n  "))
		}
	}
	// invariants every case must keep
	for _, q := range d.Quotes {
		if q.Content.Len() <= 0 || q.Content.End > len(d.Text) {
			t.Errorf("%s: bad content span %v", c.name, q.Content)
		}
		if !q.Source.IsZero() && q.Source.Overlaps(q.Content) && !q.Content.Contains(q.Cue) {
			t.Errorf("%s: source %q overlaps content %q", c.name, d.Slice(q.Source), d.Slice(q.Content))
		}
	}
}

// Direct quotations in the common news layouts.
var directCases = []quoteCase{
	{"quote then pronoun said", "“We will not back down,” she said.", []want{{"We will not back down", "direct", "said", "she"}}, 1},
	{"quote then name said", "“The port is closed,” Okafor said.", []want{{"The port is closed", "direct", "said", "Okafor"}}, 1},
	{"quote then said name", "“The port is closed,” said Dev Okafor.", []want{{"The port is closed", "direct", "said", "Dev Okafor"}}, 1},
	{"quote then said name apposition", "“Prices will rise,” said Lena Park, an economist at Norrland Bank.", []want{{"Prices will rise", "direct", "said", "Lena Park, an economist at Norrland Bank"}}, 1},
	{"quote then title name said", "“This is a tragedy,” Foreign Minister Amal Haddad said.", []want{{"This is a tragedy", "direct", "said", "Foreign Minister Amal Haddad"}}, 1},
	{"quote then role said", "“We need more time,” the foreign minister said.", []want{{"We need more time", "direct", "said", "the foreign minister"}}, 1},
	{"quote then said with time", "“The talks failed,” the envoy said on Friday.", []want{{"The talks failed", "direct", "said", "the envoy"}}, 1},
	{"quote then told addressee", "“We are ready,” the general told reporters.", []want{{"We are ready", "direct", "told", "the general"}}, 1},
	{"quote then added", "“Nobody was hurt,” the spokesman added.", []want{{"Nobody was hurt", "direct", "added", "the spokesman"}}, 1},
	{"quote then warned", "“This could spread,” the health minister warned.", []want{{"This could spread", "direct", "warned", "the health minister"}}, 1},
	{"quote then insisted", "“We did nothing wrong,” the company insisted.", []want{{"We did nothing wrong", "direct", "insisted", "the company"}}, 1},
	{"question quote", "“Who will pay for this?” the senator asked.", []want{{"Who will pay for this?", "direct", "asked", "the senator"}}, 1},
	{"source said colon quote", "The mayor said: “The bridge will reopen in May.”", []want{{"The bridge will reopen in May.", "direct", "said:", "The mayor"}}, 1},
	{"source told that quote", "Haddad told the council that “the ceasefire must hold.”", []want{{"that “the ceasefire must hold.”", "", "told", "Haddad"}}, 1},
	{"said then quote", "Okafor said, “We are not going back.”", []want{{"We are not going back.", "direct", "said", "Okafor"}}, 1},
	{"colon quotation then pronoun said", "Senator Ruth Adler scolded the chief executive: “You knew about the leaks for a year,” she said.",
		[]want{{"You knew about the leaks for a year", "direct", "said", "she"}}, -1},
	{"said name then circumstance", "“The cause of the fire is not known,” said Berg, on his first day in the job.",
		[]want{{"The cause of the fire is not known", "direct", "said", "Berg"}}, 1},
	{"chanted quotation then clause", "Protesters outside the terminal chanted “No deal, no ships!” and marched to the gates.",
		[]want{{"No deal, no ships!", "direct", "chanted", "Protesters outside the terminal"}}, -1},
	{"question then long source asks", "“Who pays for the new pier? Who pays for the dredging?” a narrator in the union’s advertisement asks.",
		[]want{{"Who pays for the new pier? Who pays for the dredging?", "direct", "asks", "a narrator in the union’s advertisement"}}, -1},
	{"quoted fragment opening content", "He said “budget reforms” and new fees would pay for the pier.",
		[]want{{"“budget reforms” and new fees would pay for the pier", "mixed", "said", "He"}}, 1},
	{"said but quotation resumes", "“I respect the mayor,” he said, but “on the harbour she has been wrong for years.”",
		[]want{{"I respect the mayor,” he said, but “on the harbour she has been wrong for years.", "direct", "said", "he"}}, 1},
	{"saying after a circumstance", "The advertisement ends with footage of Okafor saying during the rally last week, “We will not go back.”",
		[]want{{"We will not go back.", "", "saying", ""}}, -1},
	{"interrupted quotation goes on in the writer's words", "“The offer is an insult,” said Dev Okafor, the union secretary. “It is a pay cut” for most of the dockers.",
		[]want{{"The offer is an insult,” said Dev Okafor, the union secretary. “It is a pay cut", "direct", "said", "Dev Okafor, the union secretary"}}, 1},
	{"any cue word before a colon and a quotation", "The banner above the gate read: “No pay, no port.”",
		[]want{{"No pay, no port.", "direct", "read:", "The banner above the gate"}}, 1},
	{"straight marks", "\"We are not afraid,\" the mayor said.", []want{{"We are not afraid", "direct", "said", "the mayor"}}, 1},
	{"two sentences in one quote", "“The harbour is empty. The ships have gone,” Lind said.", []want{{"The harbour is empty. The ships have gone", "direct", "said", "Lind"}}, 1},
	{"said with adverb inside group", "“It is over,” the coach said quietly.", []want{{"It is over", "direct", "said quietly", "the coach"}}, 1},
	{"source with comma title", "“We will appeal,” Marta Lind, the chief executive, said.", []want{{"We will appeal", "direct", "said", "Marta Lind, the chief executive"}}, 1},
	{"organisation source", "“The figures are wrong,” the ministry said in a statement.", []want{{"The figures are wrong", "direct", "said in a statement", "the ministry"}}, 1},
	{"quote with inner single marks", "“They told us ‘wait’ and we waited,” the driver said.", []want{{"They told us ‘wait’ and we waited", "direct", "said", "the driver"}}, 1},
	{"headline colon", "Harbour chief to strikers: “Come back to the table.”", []want{{"Come back to the table.", "direct", ":", "Harbour chief to strikers"}}, 1},
	{"said first then name colon", "Said Okafor: “We are not going back.”", []want{{"We are not going back.", "direct", "Said", "Okafor"}}, 1},
	{"introductory phrase then quotation", "As for the offer, he said, “It is an insult.”", []want{{"It is an insult.", "direct", "said", "he"}}, 1},
	{"doubled apostrophe marks", "The form is long. ''There are far too many boxes to fill,'' said Mr. Haldane. ''Nobody will read it,'' he told me.", []want{{"There are far too many boxes to fill", "direct", "said", "Mr. Haldane"}, {"Nobody will read it", "direct", "told", "he"}}, 2},
	{"dash reaction", "“Nobody asked us.” ― Maria Lopez", []want{{"Nobody asked us.", "direct", "―", "Maria Lopez"}}, 1},
}

// Indirect speech: SOURCE CUE [that] CLAUSE, according to, and the inverted
// orders.
var indirectCases = []quoteCase{
	{"said clause", "Officials said the bridge would reopen in May.", []want{{"the bridge would reopen in May", "indirect", "said", "Officials"}}, 1},
	{"said that clause", "The minister said that the talks had failed.", []want{{"that the talks had failed", "indirect", "said", "The minister"}}, 1},
	{"title name said", "Deputy Ambassador Ruth Mayer said the council should act.", []want{{"the council should act", "indirect", "said", "Deputy Ambassador Ruth Mayer"}}, 1},
	{"pronoun said", "He said the government remained committed to the deal.", []want{{"the government remained committed to the deal", "indirect", "said", "He"}}, 1},
	{"has said", "The company has said it will cut 300 jobs.", []want{{"it will cut 300 jobs", "indirect", "has said", "The company"}}, 1},
	{"also said", "Lind also said the port had lost money.", []want{{"the port had lost money", "indirect", "also said", "Lind"}}, 1},
	{"told addressee that", "She told reporters that the strike would continue.", []want{{"that the strike would continue", "indirect", "told", "She"}}, 1},
	{"told addressee on day that", "The envoy told the council on Friday that the mission was failing.", []want{{"that the mission was failing", "indirect", "told", "The envoy"}}, 1},
	{"said on day that", "The mayor said on Monday that the curfew would end.", []want{{"that the curfew would end", "indirect", "said", "The mayor"}}, 1},
	{"pointed out", "He pointed out that the budget was already spent.", []want{{"that the budget was already spent", "indirect", "pointed out", "He"}}, 1},
	{"warned that", "Aid groups warned that food would run out within days.", []want{{"that food would run out within days", "indirect", "warned", "Aid groups"}}, 1},
	{"insisted that", "The general insisted that his troops had not fired first.", []want{{"that his troops had not fired first", "indirect", "insisted", "The general"}}, 1},
	{"reiterated", "The envoy reiterated that the mission depends on local support.", []want{{"that the mission depends on local support", "indirect", "reiterated", "The envoy"}}, 1},
	{"expressed concern that", "The ambassador expressed concern that the restrictions endangered civilians.", []want{{"that the restrictions endangered civilians", "indirect", "expressed concern", "The ambassador"}}, 1},
	{"called for", "The union called for an independent inquiry into the deaths.", []want{{"an independent inquiry into the deaths", "indirect", "called for", "The union"}}, 1},
	{"according to first", "According to the police, two protesters were arrested.", []want{{"two protesters were arrested", "indirect", "According to", "the police"}}, 1},
	{"according to last", "Two protesters were arrested, according to the police.", []want{{"Two protesters were arrested", "indirect", "according to", "the police"}}, 1},
	{"clause then source said", "The economy will shrink this year, the central bank said.", []want{{"The economy will shrink this year", "indirect", "said", "the central bank"}}, 1},
	{"clause then said source", "The economy will shrink this year, said Lena Park.", []want{{"The economy will shrink this year", "indirect", "said", "Lena Park"}}, 1},
	{"believes", "The coach believes that the team can win the league.", []want{{"that the team can win the league", "indirect", "believes", "The coach"}}, 1},
	{"argued that", "Critics argued that the law was unconstitutional.", []want{{"that the law was unconstitutional", "indirect", "argued", "Critics"}}, 1},
	{"report found that", "An internal review released this week found that the mission lacked helicopters.", []want{{"that the mission lacked helicopters", "indirect", "found", ""}}, 1},
	{"apposition source", "Marta Lind, the chief executive, said the company could not afford the demand.", []want{{"the company could not afford the demand", "indirect", "said", "Marta Lind, the chief executive"}}, 1},
	{"unnamed source", "A source said the deal was close.", []want{{"the deal was close", "indirect", "said", "A source"}}, 1},
	{"body source", "The White House said the president would sign the bill.", []want{{"the president would sign the bill", "indirect", "said", "The White House"}}, 1},
	{"adding that", "Okafor said the union would talk, adding that the strike would go on.", []want{{"the union would talk", "indirect", "said", "Okafor"}, {"that the strike would go on", "indirect", "adding", "Okafor"}}, 2},
	{"and said", "The minister urged calm and said the army would withdraw.", []want{{"the army would withdraw", "indirect", "said", "The minister"}}, -1},
	{"two speakers one sentence", "Lind said the port was losing money, but Okafor said the workers would not return.", []want{{"the port was losing money", "indirect", "said", "Lind"}, {"the workers would not return", "indirect", "said", "Okafor"}}, 2},
	{"parenthetical cue", "The talks, he said, had reached a dead end.", []want{{"The talks, he said, had reached a dead end", "", "said", "he"}}, 1},
	{"apposition and coordinated cue", "Dev Okafor, the union secretary, criticized the offer and said the strike would go on.", []want{{"the strike would go on", "indirect", "said", "Dev Okafor, the union secretary"}}, -1},
	{"passive without agent", "The vote is expected to take place on Friday.", []want{{"The vote is expected to take place on Friday", "indirect", "is expected", "-"}}, 1},
	{"passive with agent", "The strike was first reported by the Harbour Gazette.", []want{{"The strike", "indirect", "was first reported", "the Harbour Gazette"}}, 1},
	{"told addressee how", "Okafor told reporters how angry the dockers were about the offer.", []want{{"how angry the dockers were about the offer", "indirect", "told", "Okafor"}}, 1},
	{"day with possessive is content", "The minister condemned Friday’s attack on the convoy as cowardly.", []want{{"Friday’s attack on the convoy as cowardly", "indirect", "condemned", "The minister"}}, -1},
	{"relative pronoun source", "The plan was drafted by Lena Park, who argued that the port could not survive another strike.",
		[]want{{"that the port could not survive another strike", "indirect", "argued", "who"}}, -1},
	{"relative which source", "The union issued a report, which found that wages had fallen for six years.",
		[]want{{"that wages had fallen for six years", "indirect", "found", "which"}}, -1},
	{"gerund after preposition takes the subject", "Okafor stood on a crate before saying that the strike would go on.",
		[]want{{"that the strike would go on", "indirect", "saying", "Okafor"}}, -1},
	{"quoted title before the source", "On Sunday's edition of “Harbour Talk,” the union secretary said the strike would go on.",
		[]want{{"the strike would go on", "indirect", "said", "the union secretary"}}, 1},
	{"according to after a clause with its own cue", "The mayor plans to visit the harbour on Sunday, according to a city official.",
		[]want{{"The mayor plans to visit the harbour on Sunday", "indirect", "according to", "a city official"}}, -1},
	{"relative that source", "Among the critics are three unions that say the offer is too low.",
		[]want{{"the offer is too low", "indirect", "say", "that"}}, 1},
	{"said of leaves out the of", "“He was a builder,” Lind said of her predecessor.",
		[]want{{"He was a builder", "direct", "said", "Lind"}}, -1},
	{"gerund after a cue is a statement of its own", "The minister responded to the union on Friday by saying that talks would resume.",
		[]want{{"that talks would resume", "indirect", "saying", "The minister"}}, -1},
	{"adverb after the verb joins the cue", "The mayor said again that the bridge would reopen in May.",
		[]want{{"that the bridge would reopen in May", "indirect", "said again", "The mayor"}}, 1},
	{"contracted auxiliary inside the cue", "He’s said the port would reopen in May.",
		[]want{{"the port would reopen in May", "indirect", "’s said", "He"}}, 1},
	{"opening participle is a cue without a source", "Asked about the vote, Lind said, “We will see.”",
		[]want{{"the vote", "indirect", "Asked about", "-"}, {"We will see.", "direct", "said", "Lind"}}, 2},
	{"a preposition alone is no content", "In a statement issued on Friday, the union said the strike would go on.",
		[]want{{"the strike would go on", "indirect", "said", "the union"}}, 1},
	{"participle clause after a comma ends the content", "Lind said the company would hire 200 dockers, ending a freeze that began in 2019.",
		[]want{{"the company would hire 200 dockers", "indirect", "said", "Lind"}}, 1},
	{"including keeps the content going", "Lind said the company would sell three terminals, including the one at Kell.",
		[]want{{"the company would sell three terminals, including the one at Kell", "indirect", "said", "Lind"}}, 1},
	{"asked whether", "Reporters asked whether the army would leave.", []want{{"whether the army would leave", "indirect", "asked", "Reporters"}}, 1},
	{"said name comma apposition long content", "The harbour will stay closed to container ships until the dredging work is finished in the spring, said Jonas Berg, a senior official at the port authority.",
		[]want{{"The harbour will stay closed to container ships until the dredging work is finished in the spring", "indirect", "said", "Jonas Berg, a senior official at the port authority"}}, 1},
	{"said name with initial comma", "Repairs to the northern pier have been delayed twice since the storm, said Anna K. Lind, who chairs the board.",
		[]want{{"Repairs to the northern pier have been delayed twice since the storm", "indirect", "said", "Anna K. Lind, who chairs the board"}}, 1},
	{"participle cue: the speaker is the subject, not its clause", "Lind returned to the podium on Friday, saying the port would reopen within a week.",
		[]want{{"the port would reopen within a week", "indirect", "saying", "Lind"}}, -1},
	{"participle cue after an auxiliary: the subject alone", "The union has rejected the offer, arguing that wages have fallen for a decade.",
		[]want{{"that wages have fallen for a decade", "indirect", "arguing", "The union"}}, -1},
	{"participle cue after a noun phrase with a determiner keeps the phrase", "The harbour master stayed on the quay, warning that the tide would rise.",
		[]want{{"that the tide would rise", "indirect", "warning", "The harbour master"}}, -1},
	{"what before the source: the content reaches back to it", "What the mayor said was a plan to close the northern pier.",
		[]want{{"What the mayor said was a plan to close the northern pier", "indirect", "said", "the mayor"}}, -1},
	{"comma aside after a left-hand source: for his part", "Berg, for his part, said the council had not seen the report.",
		[]want{{"the council had not seen the report", "indirect", "said", "Berg"}}, -1},
	{"comma aside after a left-hand source: however", "The port authority, however, insisted that the dredging would finish in May.",
		[]want{{"that the dredging would finish in May", "indirect", "insisted", "The port authority"}}, -1},
	{"both opens the source and stays in it", "Both the mayor and the harbour master said the pier was unsafe.",
		[]want{{"the pier was unsafe", "indirect", "said", "Both the mayor and the harbour master"}}, -1},
	{"a time phrase closing a source after its cue stays", "“We lost the vote,” said Ann Lee, who ran for mayor in 2019.",
		[]want{{"We lost the vote", "direct", "said", "Ann Lee, who ran for mayor in 2019"}}, -1},
	{"a comma and who end indirect content", "Lind criticized the decision of the harbour board, who met on Friday.",
		[]want{{"the decision of the harbour board", "indirect", "criticized", "Lind"}}, -1},
	{"a comma and however end indirect content", "Berg said the ferries would run again in May, however the bridge stays closed.",
		[]want{{"the ferries would run again in May", "indirect", "said", "Berg"}}, -1},
	{"a verb of seeming has no source and its content takes the subject", "The harbour board appears to have dropped the plan for a second pier.",
		[]want{{"The harbour board appears to have dropped the plan for a second pier", "indirect", "appears", ""}}, -1},
	{"a verb of seeming after an opening adverbial: the content starts at the subject", "In the past few days, the harbour board seemed to lose interest in the plan.",
		[]want{{"the harbour board seemed to lose interest in the plan", "indirect", "seemed", ""}}, -1},
	{"an agentless passive ends before the writer's comma clause", "The ferry is expected to resume service on Monday, as the storm moves north.",
		[]want{{"The ferry is expected to resume service on Monday", "indirect", "is expected", ""}}, -1},
	{"asked someone whether: the question alone is the content", "Reporters asked the mayor whether the pier would be rebuilt.",
		[]want{{"whether the pier would be rebuilt", "indirect", "asked", "Reporters"}}, -1},
	{"asked someone what: the question alone is the content", "Lind asked the harbour master what the dredging would cost.",
		[]want{{"what the dredging would cost", "indirect", "asked", "Lind"}}, -1},
	{"said name, who: the relative clause stays in the source", "“We will not sign this contract,” said Tom Reyes, who leads the dockers’ union.",
		[]want{{"We will not sign this contract", "direct", "said", "Tom Reyes, who leads the dockers’ union"}}, 1},
	{"said name, of: the affiliation stays in the source", "“The river has never been this low,” said the Rev. Mary Olsen, of St. Luke’s Church.",
		[]want{{"The river has never been this low", "direct", "said", "the Rev. Mary Olsen, of St. Luke’s Church"}}, 1},
	{"said name, whose: the relative clause stays in the source", "The port will reopen on Monday, said Ida Holm, whose company runs the ferries.",
		[]want{{"The port will reopen on Monday", "indirect", "said", "Ida Holm, whose company runs the ferries"}}, 1},
	{"said with lower-case content is no inversion", "The mayor, who toured the pier, said Berg had misled the council.",
		[]want{{"Berg had misled the council", "indirect", "said", ""}}, 1},
	{"headline name colon", "Mayor Lind: Harbour Will Reopen Before the Summer.\n\nThe harbour was closed in March.",
		[]want{{"Harbour Will Reopen Before the Summer", "indirect", ":", "Mayor Lind"}}, 1},
	{"headline says", "Harbour Will Reopen by June, Port Chief Says.\n\nThe harbour was closed in March.",
		[]want{{"Harbour Will Reopen by June", "indirect", "Says", "Port Chief"}}, 1},
	{"headline source says", "Union Leader Says Strike Will Go On.\n\nThe strike began in March.",
		[]want{{"Strike Will Go On", "indirect", "Says", "Union Leader"}}, 1},
	{"headline noun is no cue", "Envoys Trade Blame as Harbour Talks Stall.\n\nThe talks began in March.", nil, 0},
	{"capitalised cue word in body is a name", "The Says family runs the bakery on Dock Street.", nil, 0},
}

// Mixed quotes: indirect speech with quoted fragments.
var mixedCases = []quoteCase{
	{"said he quoted verb", "Okafor said he “regrets” the vote.", []want{{"he “regrets” the vote", "mixed", "said", "Okafor"}}, 1},
	{"said quoted tail", "The envoy said the harbour was a “first concern” for the council.", []want{{"the harbour was a “first concern” for the council", "mixed", "said", "The envoy"}}, 1},
	{"called X quote", "He called the group “a criminal organisation.”", []want{{"the group “a criminal organisation.”", "mixed", "called", "He"}}, 1},
	{"said would quote", "She said the company would “fight this all the way.”", []want{{"the company would “fight this all the way.”", "mixed", "said", "She"}}, 1},
	{"two fragments", "Diop said he “regrets” the vote but “hopes to talk soon.”", []want{{"he “regrets” the vote but “hopes to talk soon.”", "mixed", "said", "Diop"}}, 1},
}

// Quotations across sentences and paragraphs.
var paragraphCases = []quoteCase{
	{"colon layout next paragraph", "Hugh Hill, a doctor at the clinic, said:\n\n“We have no more beds. We are turning people away.”",
		[]want{{"We have no more beds. We are turning people away.", "direct", "said:", "Hugh Hill, a doctor at the clinic"}}, 1},
	{"continued paragraph", "“We have waited for years,” said Okafor. “The ships come and go and nothing changes.\n\n“Now we will wait no longer,” he said.",
		[]want{}, -1},
	{"bare follow-on after told", "Broadhurst told the council that “their presence means abuses.” “This is unacceptable.”",
		[]want{{"that “their presence means abuses.”", "", "told", "Broadhurst"}, {"This is unacceptable.", "direct", "", "Broadhurst"}}, 2},
	{"interrupted quotation merged", "“It has not worked,” the minister said. “We remain open to talks.”",
		[]want{{"It has not worked,” the minister said. “We remain open to talks.", "direct", "said", "the minister"}}, 1},
	{"follow-on in next paragraph is not taken", "Lind said the port was losing money.\n\n“Nobody knows,” a docker shouted.",
		[]want{{"the port was losing money", "indirect", "said", "Lind"}}, -1},
	{"quote opens paragraph continues next", "The mayor said:\n\n“We will rebuild.\n\n“We will rebuild better,” she said.",
		[]want{}, -1},
	{"question split from its cue", "Lind spoke at the port. “Who will pay for this?” Lind said.", []want{{"Who will pay for this?", "direct", "said", "Lind"}}, 1},
	{"two paragraphs two speakers", "“The deal is dead,” Lind said.\n\n“The deal was never alive,” Okafor said.",
		[]want{{"The deal is dead", "direct", "said", "Lind"}, {"The deal was never alive", "direct", "said", "Okafor"}}, 2},
	{"quote and indirect next sentence", "“We are ready,” the general said. He said the troops would move at dawn.",
		[]want{{"We are ready", "direct", "said", "the general"}, {"the troops would move at dawn", "indirect", "said", "He"}}, 2},
}

// Damaged input: unbalanced or mismatched marks, debris, and text with no
// attribution at all. Nothing crashes and no quote swallows the article.
var damagedCases = []quoteCase{
	{"transcript names in capitals", "Partial transcript:\n\n\"BERG: Will the harbour reopen this year?\n\n\"LIND: It will reopen in June. The work is nearly done.\n\nThe interview ended there.",
		[]want{{"Will the harbour reopen this year?", "direct", ":", "BERG"}, {"It will reopen in June. The work is nearly done", "direct", ":", "LIND"}}, 2},
	{"unpaired mark opening a paragraph after a colon lead", "Berg continued:\n\n\"The harbour is losing money, and “nobody wants to say it.” It has to change.\n\nThe meeting ended.",
		[]want{{"The harbour is losing money, and “nobody wants to say it.” It has to change", "direct", "continued:", "Berg"}}, -1},
	{"short object before a colon lead", "On Monday, Lind made the following statement:\n\n“The port will reopen when the dredging is done.”",
		[]want{{"The port will reopen when the dredging is done.", "direct", "made", "Lind"}}, 1},
	{"dash attribution after a paragraph opened by a wrong-way mark", "Readers wrote in.\n\n”Fear. I am afraid the port will close.” ― Ana Silva\n\nMore letters follow.",
		[]want{{"Fear. I am afraid the port will close.", "direct", "―", "Ana Silva"}}, 1},
	{"body colon is no headline", "The harbour was closed in March.\n\nThe reason was simple: the dredgers had left.", nil, 0},
	{"mismatched closing mark", "Okafor told the board that Lind is “fully behind the plan for March. ‘ said.\nHe said the port was ready.",
		[]want{{"the port was ready", "indirect", "said", "He"}}, -1},
	{"unclosed quotation", "“We will not leave, the mayor said.\n\nOfficials said the roads were open.",
		[]want{{"the roads were open", "indirect", "said", "Officials"}}, -1},
	{"stray closing mark", "The minister said the budget” was final.", []want{}, -1},
	{"only a quotation mark", "“", []want{}, 0},
	{"empty text", "", []want{}, 0},
	{"no attribution", "The river flooded the town on Tuesday. Roads were closed.", []want{}, 0},
	{"quote without cue alone", "“Stop the war.”", []want{}, 0},
	{"said as noun phrase", "The said agreement expired in 2019.", []want{}, 0},
	{"known as is not a cue", "The mission, known as MINUSMA, has 12,000 troops.", []want{}, 0},
	{"called as name", "A group called the Platform signed the deal.", []want{}, 0},
	{"headline without speech", "Floods Hit Northern Towns", []want{}, 0},
	{"odd marks many paragraphs", "“One.\n\nTwo” three.\n\n“Four\n\nFive.", []want{}, -1},
	{"straight marks unbalanced", "\"We will stay, the mayor said. Officials said the roads were open.", []want{}, -1},
	{"single quote apostrophes", "The union's leader said the workers' demands were fair.", []want{{"the workers' demands were fair", "indirect", "said", "The union's leader"}}, 1},
	{"quote inside source is not a cue", "“They said no,” Lind said.", []want{{"They said no", "direct", "said", "Lind"}}, 1},
	{"cue inside quotation ignored", "“I said we would win,” the coach said.", []want{{"I said we would win", "direct", "said", "the coach"}}, 1},
}

func TestDirect(t *testing.T) {
	for _, c := range directCases {
		checkCase(t, c)
	}
}

func TestIndirect(t *testing.T) {
	for _, c := range indirectCases {
		checkCase(t, c)
	}
}

func TestMixed(t *testing.T) {
	for _, c := range mixedCases {
		checkCase(t, c)
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range paragraphCases {
		checkCase(t, c)
	}
}

func TestDamaged(t *testing.T) {
	for _, c := range damagedCases {
		checkCase(t, c)
	}
}

// analyzeWith runs the text layer, lets prepare add what other stages
// would (mentions, entities, flags), then the quotes stage.
func analyzeWith(s string, prepare func(d *doc.Document)) *doc.Document {
	d := doc.New("test", s)
	text.Analyze(d)
	prepare(d)
	Analyze(d)
	return d
}

func spanOf(t *testing.T, d *doc.Document, sub string) doc.Span {
	t.Helper()
	i := strings.Index(d.Text, sub)
	if i < 0 {
		t.Fatalf("%q not in text", sub)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

// The speaker is the entity of the mention the source holds; an unnamed
// source keeps its text and has no speaker.
func TestSpeakers(t *testing.T) {
	cases := []struct {
		name, text, mention, source string
		speaker                     int
	}{
		{"name resolves", "Okafor said the strike would go on.", "Okafor", "Okafor", 0},
		{"pronoun resolves", "He said the strike would go on.", "He", "He", 0},
		{"role resolves", "“We are ready,” the foreign minister said.", "the foreign minister", "the foreign minister", 0},
		{"head of long source", "Union secretary Dev Okafor said the strike would go on.", "Dev Okafor", "Union secretary Dev Okafor", 0},
		{"unnamed source", "A source said the deal was close.", "", "A source", -1},
		{"body without mention", "The internal review found that the mission lacked helicopters.", "", "", -1},
	}
	for _, c := range cases {
		d := analyzeWith(c.text, func(d *doc.Document) {
			if c.mention == "" {
				return
			}
			d.Entities = []doc.Entity{{ID: "E1", Name: "Dev Okafor", Type: "PERSON", Mentions: []int{0}}}
			d.Mentions = []doc.Mention{{Span: spanOf(t, d, c.mention), Type: "PERSON", Entity: 0, Kind: "name"}}
		})
		if len(d.Quotes) != 1 {
			t.Errorf("%s: %d quotes, want 1", c.name, len(d.Quotes))
			continue
		}
		q := d.Quotes[0]
		if q.Speaker != c.speaker {
			t.Errorf("%s: speaker %d, want %d", c.name, q.Speaker, c.speaker)
		}
		if c.source != "" && d.Slice(q.Source) != c.source {
			t.Errorf("%s: source %q, want %q", c.name, d.Slice(q.Source), c.source)
		}
	}
}

// Content never includes text the quality stage flagged as debris, and a
// cue inside debris is no cue.
func TestDebris(t *testing.T) {
	s := "The restrictions put troops at “serious risk since July.” there is,” he said.\nDiop said the vote “was fair. ‘ said."
	d := analyzeWith(s, func(d *doc.Document) {
		d.Flags = []doc.Flag{
			{Span: spanOf(t, d, "there is,”"), Kind: "mt_artefact"},
			{Span: spanOf(t, d, "‘ said."), Kind: "unbalanced_quote"},
		}
	})
	if len(d.Quotes) != 2 {
		t.Fatalf("%d quotes, want 2", len(d.Quotes))
	}
	for _, q := range d.Quotes {
		for _, f := range d.Flags {
			if f.Kind != "unbalanced_quote" && f.Overlaps(q.Content) {
				t.Errorf("content %q includes debris %q", d.Slice(q.Content), d.Slice(f.Span))
			}
			if f.Overlaps(q.Cue) {
				t.Errorf("cue %q lies in debris %q", d.Slice(q.Cue), d.Slice(f.Span))
			}
		}
	}
	if got := d.Slice(d.Quotes[0].Source); got != "he" {
		t.Errorf("source %q, want he", got)
	}
}

// A long article of unbalanced marks must not produce a quote running over
// several paragraphs, nor take long.
func TestNoSwallowing(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 200; i++ {
		b.WriteString("The envoy said “the talks went on. Officials said the port was shut.\n\n")
	}
	d := extract(b.String())
	for _, q := range d.Quotes {
		if strings.Contains(d.Slice(q.Content), "\n\n") {
			t.Fatalf("quote runs over paragraphs: %q", report(d.Slice(q.Content)))
		}
	}
	if len(d.Quotes) < 200 {
		t.Errorf("%d quotes, want at least one a paragraph", len(d.Quotes))
	}
}

func report(s string) string {
	if len(s) > 120 {
		return s[:120] + "..."
	}
	return s
}

// The lexicons parse and hold what the mechanisms rely on.
func TestLexicons(t *testing.T) {
	for _, w := range []string{"said", "told", "added", "warned", "insisted", "deplored", "reiterated", "called"} {
		if !lex.cues[w] {
			t.Errorf("cue %q missing from data/cues.txt", w)
		}
	}
	if len(lex.phrases["according"]) == 0 || lex.phrases["according"][0].kind != "source-after" {
		t.Errorf("data/phrases.txt lacks \"according to | source-after\"")
	}
	m := loadModels()
	if m.cue == nil || m.source == nil {
		t.Errorf("embedded models missing: run dossier train quotes")
	}
}

// BenchmarkQuotesExamples runs the stage over the bundled example articles
// joined into one document, the input of "dossier bench".
func BenchmarkQuotesExamples(b *testing.B) {
	d := doc.New("bench", examples.BenchText())
	text.Analyze(d)
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
}

func BenchmarkQuotes(b *testing.B) {
	var sb strings.Builder
	para := []string{
		"Officials said the bridge would reopen in May, adding that repairs had cost $4 million.",
		"“We are not going back until there is a fair offer on the table,” union secretary Dev Okafor told a crowd outside the terminal gates.",
		"The operator, Sallow Terminals, has offered 4.5 percent and a one-off payment, according to a statement released on Monday.",
		"Traffic on the coastal road was heavy for most of the day, and several shops near the harbour stayed closed as the strike entered its second week.",
		"Lind said the company could not afford the union’s demand. “Every day this goes on, jobs in this city are put at risk,” she said.",
	}
	for sb.Len() < 6000 {
		for _, p := range para {
			sb.WriteString(p)
			sb.WriteString("\n\n")
		}
	}
	d := doc.New("bench", sb.String())
	text.Analyze(d)
	b.SetBytes(int64(len(d.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(d)
	}
}

// BenchmarkQuotesPolNeAR runs the stage over the PolNeAR dev articles
// (about 800 words each), reporting the time per article.
func BenchmarkQuotesPolNeAR(b *testing.B) {
	var docs []*doc.Document
	err := gold.EachPolNeAR("../../shared/gold/polnear/dev.jsonl", func(g gold.PolNeARDoc) error {
		d := doc.New(g.ID, g.Text)
		text.Analyze(d)
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		b.Skip("../shared/gold not found: gold-data tests need the shared folder beside the checkout")
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(docs[i%len(docs)])
	}
}
