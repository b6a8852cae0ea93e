package quality

// Hand-written test documents in news style (written for these tests, not
// copied from any corpus). Each garbled case carries the debris a scraped,
// machine-translated or spun copy of a report leaves; each clean case is
// edited news, including the shapes that look like debris to a naive rule
// (abbreviations, short sentences, attributions after a quotation, web
// addresses, ellipses).

import "github.com/dossier-news/dossier/doc"

type garbled struct {
	text string
	want doc.FlagKind // the flag kind expected, or "" for any kind
	hard bool         // a garbling the stage is not expected to catch yet
}

var garbledCases = []garbled{
	// Japanese sentence endings read as words.
	{text: "The minister said the talks would resume next week. rice field.", want: KindMT},
	{text: "Police closed the bridge after the protest turned violent. increase. Traffic was diverted through the old town.", want: KindMT},
	{text: "The army withdrew from the town on Tuesday. Did. Residents began returning later in the day.", want: KindMT},
	{text: "The governor promised new money for rural schools. it was. Teachers' unions welcomed the plan.", want: KindMT},
	{text: "Exports of rice fell for a third month in a row, the trade ministry said. rice field.", want: KindMT},
	{text: "The central bank kept its main rate unchanged at 2.5 percent. increase.", want: KindMT},
	{text: "“The vote will go ahead as planned.” there is,” the spokesman said.", want: KindMT},
	{text: "Rescue teams searched the collapsed building through the night. there are. Two survivors were pulled out at dawn.", want: KindMT},
	{text: "Farmers blocked the highway with tractors for a second day. Did. The police did not intervene.", want: KindMT},
	{text: "The company said its profits rose sharply in the last quarter. is done.", want: KindMT},
	{text: "Voters in the capital queued for hours to cast their ballots. to do.", want: KindMT},
	{text: "The delegation arrived in the port city late on Sunday. masu.", want: KindMT},
	// Orphan fragments: a word or two after a full stop, belonging nowhere.
	{text: "The coalition lost its majority in the upper house. went. The prime minister called a vote of confidence.", want: KindOrphan},
	{text: "Floods have displaced thousands of families in the delta. according. Aid agencies warned of disease.", want: KindOrphan},
	{text: "The court adjourned the hearing until next month. the same. Lawyers for the defence objected.", want: KindOrphan},
	{text: "The mayor said the budget would be cut by a tenth. become. Council members were not consulted.", want: KindOrphan},
	{text: "Oil prices climbed above 90 dollars a barrel on Thursday. will be done. Traders cited supply worries.", want: KindOrphan},
	{text: "The strike shut down most flights out of the main airport. that is why. Airlines cancelled hundreds of departures.", want: KindOrphan},
	// Fragments that start with punctuation after a full stop.
	{text: "The committee approved the budget on Monday. , and the opposition walked out in protest.", want: KindPunctStart},
	{text: "Rebels seized two villages near the border overnight. ; officials said the army would respond.", want: KindPunctStart},
	{text: "The report blamed poor maintenance for the derailment. : signals, brakes and track inspections.", want: KindPunctStart},
	{text: "The minister listed the ministry's intelligence services. , surveillance and transport assets as priorities.", want: KindPunctStart},
	// Mismatched quotation marks.
	{text: "The envoy said the government was “ready to resume talks without conditions. ‘ said.", want: KindQuote},
	{text: "Officials called the deal “a turning point for the region. ‘ he said on Friday.", want: KindQuote},
	{text: "The general told reporters that “the operation is over. ’ said.", want: KindQuote},
	// Spun wording (tortured phrases).
	{text: "The ministry deployed a counterfeit consciousness system to sort visa applications.", want: KindMT},
	{text: "Diplomats at the Joined Together States embassy declined to comment on the report.", want: KindMT},
	{text: "The clinic offers free screening for bosom peril to women over forty.", want: KindMT},
	{text: "Analysts said colossal information from phone networks helped track the outbreak.", want: KindMT},
	{text: "The startup said its man-made brainpower would replace call-centre staff.", want: KindMT},
	// A new sentence spliced onto a cut-off one.
	{text: "The envoy said progress depended on the peace accords, He said the talks needed more money.", want: KindMT},
	{text: "The army will hold the bridge until the rains end, She told reporters the roads were closed.", want: KindMT},
	// Word salad: word order no editor lets through.
	{text: "The of government announced will new the measures on Friday.", want: KindSalad},
	{text: "Talks the between two the sides collapsed yesterday in of.", want: KindSalad},
	{text: "President the said he would to visit the capital next of week the.", want: KindSalad},
	{text: "Officials the confirmed that of attack the killed at people the twelve.", want: KindSalad, hard: true},
	{text: "He said that the and of the in to the election was by.", want: KindSalad},
	{text: "The a minister of a the said on was for a talks.", want: KindSalad},
	{text: "In the of to capital, protesters the with police clashed and on.", want: KindSalad},
	{text: "Is the it was that has been of the to by the for.", want: KindSalad},
	{text: "Troops were the of by deployed to the the border region.", want: KindSalad},
	{text: "The said spokesman the was it not to the of comment.", want: KindSalad},
	{text: "Of the in the to and a is for that on with he as.", want: KindSalad},
	{text: "The elections the will be held in of March and the will.", want: KindSalad, hard: true},
	// After a short capitalised word a full stop may be an abbreviation's
	// (Ariz., Calif.), so a generic fragment there is let through.
	{text: "The court adjourned the hearing until March. the same. Lawyers for the defence objected.", want: KindOrphan, hard: true},
	// Garbling that reads as grammatical English: beyond a bigram model.
	{text: "He pointed out that it was worsened by worries about the harvest.", hard: true},
	{text: "Militants have been captured from power in the northern towns with help.", hard: true},
	{text: "Suspended participation in the talks in December.", hard: true},
}

var cleanCases = []string{
	"The minister said the talks would resume next week in Geneva.",
	"Police closed the bridge after the protest turned violent on Saturday.",
	"“We will not accept these terms,” the envoy said. “The talks are over.”",
	"“We won.” she said, before leaving the hall.",
	"The U.S. ambassador met the foreign minister on Tuesday.",
	"The rally in Greeley, Colo., drew about 2,000 people.",
	"Sen. Jane Holt (D-Ore.) said she would vote against the bill.",
	"The company, based in Austin, Texas, said profits rose 3.5 percent.",
	"Not anymore. The factory closed in 2019, and the workers moved away.",
	"Why? Because the money ran out, the mayor said.",
	"The vote was close. Too close, some said.",
	"Sad. That was the word the president used on Sunday.",
	"The meeting began at 9 a.m. and ended shortly before noon.",
	"Read the full statement at www.example.org/statement.",
	"“I think we can do this... we have to,” the coach said.",
	"She said the plan was “unworkable” and “deeply unfair.”",
	"The army said 12 soldiers were killed and 30 wounded in the attack.",
	"Talks between the two sides collapsed on Friday in the capital.",
	"The governor, who took office in January, promised new money for schools.",
	"Officials confirmed that the attack killed at least twelve people.",
	"There is no evidence that the vote was rigged, the commission said.",
	"It was the third such attack this month.",
	"Did the government know? The inquiry will try to find out.",
	"The rice fields along the river were flooded for a week.",
	"Prices will increase by 4 percent next year, the regulator said.",
	"The elections will be held in March and the results announced in April.",
	"Troops were deployed to the border region after the clashes.",
	"The spokesman declined to comment on the report.",
	"He called the deal “a turning point,” adding that more work was needed.",
	"Exports rose. Imports fell. The trade gap narrowed for the first time in a year.",
	"The No. 2 official in the ministry resigned on Monday.",
	"The ruling party won 54 seats; the opposition won 41.",
	"The senator's aide, speaking on condition of anonymity, confirmed the meeting.",
	"“It has not happened,” the foreign minister said. “But we remain open to dialogue.”",
	"Mr. Okafor said the country's debt had doubled since 2015.",
	"The mission has about 12,000 troops and 1,700 police officers.",
	"Asked whether he would run again, he said: “We'll see.”",
	"The court ruled 5-4 in favour of the state, overturning a lower court's decision.",
	"The report, released on Thursday, found widespread abuses in three provinces.",
	"Farmers blocked the highway with tractors for a second day on Wednesday.",
	"The central bank kept its main rate unchanged at 2.5 percent.",
	"The strike shut down most flights out of the main airport, officials said.",
	"“Enough,” he said. “We are leaving.”",
	"The union's leader, Maria Santos, called the offer an insult.",
	"The talks stalled over money, he said, but would resume in May.",
	"“If we wait, He said, we lose everything,” the preacher told the crowd.",
}
