package timex

import (
	"testing"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/examples"
	"github.com/dossier-news/dossier/text"
)

// A hand-written table of expressions in news-style sentences, each with its
// reference (publication) date and the expected span text, type and value.
// 2023-01-27 is a Friday (ISO week 4); 1998-08-11 a Tuesday; 2024-06-02 a Sunday.
var cases = []struct {
	ref, sentence, span, typ, value string
}{
	// relative to the publication date
	{"2023-01-27", "The report was released this week in New York.", "this week", "DATE", "2023-W04"},
	{"2023-01-27", "The envoy told the council on Friday that talks had stalled.", "Friday", "DATE", "2023-01-27"},
	{"2023-01-27", "Last year, France withdrew its troops.", "Last year", "DATE", "2022"},
	{"2023-01-27", "The minister resigned yesterday.", "yesterday", "DATE", "2023-01-26"},
	{"2023-01-27", "The vote is due tomorrow.", "tomorrow", "DATE", "2023-01-28"},
	{"2023-01-27", "Officials said today that the road was open.", "today", "DATE", "2023-01-27"},
	{"2023-01-27", "The talks will resume next month in Algiers.", "next month", "DATE", "2023-02"},
	{"2023-01-27", "Prices rose sharply last month.", "last month", "DATE", "2022-12"},
	{"2023-01-27", "The army launched an offensive last week.", "last week", "DATE", "2023-W03"},
	{"2023-01-27", "The council will meet again next week.", "next week", "DATE", "2023-W05"},
	{"2023-01-27", "Elections are planned for next year.", "next year", "DATE", "2024"},
	{"2023-01-27", "Turnout has fallen this year.", "this year", "DATE", "2023"},
	{"2023-01-27", "Fighting broke out this month near Gao.", "this month", "DATE", "2023-01"},
	{"2023-01-27", "The mission's mandate ends this quarter.", "this quarter", "DATE", "2023-Q1"},
	{"2023-01-27", "Exports fell last quarter.", "last quarter", "DATE", "2022-Q4"},
	{"2023-01-27", "The rebels attacked the town on Monday.", "Monday", "DATE", "2023-01-23"},
	{"2023-01-27", "The ministers met on Wednesday in Bamako.", "Wednesday", "DATE", "2023-01-25"},
	{"2023-01-27", "The president will travel to Dakar on Tuesday.", "Tuesday", "DATE", "2023-01-31"},
	{"2023-01-27", "The delegation arrived last Friday.", "last Friday", "DATE", "2023-01-20"},
	{"2023-01-27", "A vote is expected next Monday.", "next Monday", "DATE", "2023-01-30"},
	{"2023-01-27", "Monday's attack killed four soldiers.", "Monday", "DATE", "2023-01-23"},
	{"2023-01-27", "The decree was signed a year ago.", "a year ago", "DATE", "2022"},
	{"2023-01-27", "The camp was set up two years ago.", "two years ago", "DATE", "2021"},
	{"2023-01-27", "The border was closed three months ago.", "three months ago", "DATE", "2022-10"},
	{"2023-01-27", "He was detained five days ago.", "five days ago", "DATE", "2023-01-22"},
	{"2023-01-27", "The convoy left two weeks ago.", "two weeks ago", "DATE", "2023-W02"},
	{"2023-01-27", "The road reopened earlier this month.", "earlier this month", "DATE", "2023-01"},
	{"2023-01-27", "A ceasefire is expected later this year.", "later this year", "DATE", "2023"},
	{"2023-01-27", "The troops left last fall.", "last fall", "DATE", "2022-FA"},
	{"2023-01-27", "The talks will resume this summer.", "this summer", "DATE", "2023-SU"},
	{"2023-01-27", "The ministers met this morning in Niamey.", "this morning", "TIME", "2023-01-27TMO"},
	{"2023-01-27", "Shots were heard last night near the base.", "last night", "TIME", "2023-01-26TNI"},
	{"2023-01-27", "The curfew begins tonight.", "tonight", "TIME", "2023-01-27TNI"},
	{"2023-01-27", "Protesters gathered on Thursday night.", "Thursday night", "TIME", "2023-01-26TNI"},
	{"2023-01-27", "The market reopened yesterday morning.", "yesterday morning", "TIME", "2023-01-26TMO"},
	{"2023-01-27", "Fighting resumed over the weekend.", "over the weekend", "DATE", "2023-W03-WE"},
	{"2023-01-27", "The treaty was signed last April.", "last April", "DATE", "2022-04"},
	{"2023-01-27", "A summit is planned for next March.", "next March", "DATE", "2023-03"},
	{"2023-01-27", "The ferry was sunk last Oct. 23 near the pier.", "last Oct. 23", "DATE", "2022-10-23"},
	{"2023-06-05", "The ferry was sunk on the night of Oct. 23.", "Oct. 23", "DATE", "2022-10-23"},
	// months named without a year: tense and distance choose the year
	{"2023-01-27", "The government is committed to holding a referendum in March.", "March", "DATE", "2023-03"},
	{"2023-01-27", "Suspended participation in December.", "December", "DATE", "2022-12"},
	{"2023-01-27", "The junta said it would hold elections in October.", "October", "DATE", "2023-10"},
	{"2023-01-27", "The mine was attacked in September.", "September", "DATE", "2022-09"},
	{"2023-01-27", "Prices peaked in November, the agency said.", "November", "DATE", "2022-11"},
	{"2023-01-27", "Parliament will sit in February.", "February", "DATE", "2023-02"},
	{"2023-01-27", "The accord was signed on Dec. 12.", "Dec. 12", "DATE", "2022-12-12"},
	{"2023-01-27", "The mandate expires on June 30.", "June 30", "DATE", "2023-06-30"},
	{"2023-01-27", "The deadline is Feb. 3.", "Feb. 3", "DATE", "2023-02-03"},
	{"2023-01-27", "He was arrested on Jan. 9.", "Jan. 9", "DATE", "2023-01-09"},
	{"1998-08-11", "The embassy was bombed on Aug. 7.", "Aug. 7", "DATE", "1998-08-07"},
	{"2023-01-27", "The fighting began in July last year.", "July last year", "DATE", "2022-07"},
	{"2023-01-27", "The law passed in January this year.", "January this year", "DATE", "2023-01"},
	// absolute dates
	{"2023-01-27", "In August 2020, the president was ousted.", "August 2020", "DATE", "2020-08"},
	{"2023-01-27", "In June 2021, Goita became president.", "June 2021", "DATE", "2021-06"},
	{"2023-01-27", "Elections are set for February 2024.", "February 2024", "DATE", "2024-02"},
	{"2023-01-27", "The insurgency has spread since 2012.", "2012", "DATE", "2012"},
	{"2023-01-27", "They signed the 2015 peace agreement.", "2015", "DATE", "2015"},
	{"2023-01-27", "The mandate was expanded in 2019.", "2019", "DATE", "2019"},
	{"2023-01-27", "Casualties have mounted since July 2013.", "July 2013", "DATE", "2013-07"},
	{"2023-01-27", "The accord of Jan. 27, 2023 was welcomed.", "Jan. 27, 2023", "DATE", "2023-01-27"},
	{"2023-01-27", "The coup took place on 18 August 2020.", "18 August 2020", "DATE", "2020-08-18"},
	{"2023-01-27", "The decree of March 5th will take effect.", "March 5th", "DATE", "2023-03-05"},
	{"2023-01-27", "The file dated 2021-05-24 was leaked.", "2021-05-24", "DATE", "2021-05-24"},
	{"2023-01-27", "On Friday, Jan. 20, the convoy left.", "Friday", "DATE", "2023-01-20"},
	{"2023-01-27", "On Friday, Jan. 20, the convoy left.", "Jan. 20", "DATE", "2023-01-20"},
	{"2023-01-27", "Militants held the north in the summer of 2012.", "the summer of 2012", "DATE", "2012-SU"},
	{"2023-01-27", "The fiscal 2022 budget was cut.", "fiscal 2022", "DATE", "2022"},
	{"2023-01-27", "Arms sales grew in the 1990s.", "the 1990s", "DATE", "199"},
	{"2023-01-27", "Hip-hop ruled the '90s.", "the '90s", "DATE", "199"},
	{"2023-01-27", "Rates were low in the ’10s.", "the ’10s", "DATE", "201"},
	{"2023-01-27", "The dispute dates to the early 1960s.", "the early 1960s", "DATE", "196"},
	{"2023-01-27", "Output fell in mid-2021.", "mid-2021", "DATE", "2021"},
	{"2023-01-27", "The city was founded in the 11th century.", "the 11th century", "DATE", "10"},
	{"2023-01-27", "Profit rose in the third quarter of 2022.", "the third quarter of 2022", "DATE", "2022-Q3"},
	{"2023-01-27", "Sales slipped in the fourth quarter.", "the fourth quarter", "DATE", "2022-Q4"},
	{"2023-01-27", "The company posted a third-quarter loss.", "a third-quarter", "DATE", "2022-Q3"},
	{"2023-01-27", "Losses narrowed in the first half of 2022.", "the first half of 2022", "DATE", "2022-H1"},
	{"2023-01-27", "Mills visited Bamako at Christmas.", "Christmas", "DATE", "2022-12-25"},
	{"1998-12-03", "Shoppers crowded the stores on Thanksgiving.", "Thanksgiving", "DATE", "1998-11-26"},
	{"2023-01-27", "The summit will be held on April 24 and 25.", "25", "DATE", "2023-04-25"},
	// durations
	{"2023-01-27", "The force fought for nine years.", "nine years", "DURATION", "P9Y"},
	{"2023-01-27", "It was his second coup in nine months.", "nine months", "DURATION", "P9M"},
	{"2023-01-27", "The army has made gains over the past few months.", "over the past few months", "DURATION", "PXM"},
	{"2023-01-27", "Talks will continue over the next few months.", "over the next few months", "DURATION", "PXM"},
	{"2023-01-27", "The siege lasted 18 months.", "18 months", "DURATION", "P18M"},
	{"2023-01-27", "Negotiators talked for 24 hours.", "24 hours", "DURATION", "PT24H"},
	{"2023-01-27", "The hearing took 90 minutes.", "90 minutes", "DURATION", "PT90M"},
	{"2023-01-27", "Aid stopped for a few days.", "a few days", "DURATION", "PXD"},
	{"2023-01-27", "The ban lasted several weeks.", "several weeks", "DURATION", "PXW"},
	{"2023-01-27", "A two-year transition was agreed.", "two-year", "DURATION", "P2Y"},
	{"2023-01-27", "Prices rose in the past two months.", "the past two months", "DURATION", "P2M"},
	{"2023-01-27", "Earnings rose in the first nine months.", "the first nine months", "DURATION", "P9M"},
	{"2023-01-27", "Inflation fell over the past year.", "over the past year", "DURATION", "P1Y"},
	{"2023-01-27", "The camp has been open for two decades.", "two decades", "DURATION", "P20Y"},
	{"2023-01-27", "The refugees lived there for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"},
	{"2023-01-27", "The war has gone on for years.", "years", "DURATION", "PXY"},
	{"2023-01-27", "Talks lasted nearly two weeks.", "nearly two weeks", "DURATION", "P2W"},
	{"2023-01-27", "The blockade lasted about a month.", "about a month", "DURATION", "P1M"},
	{"2023-01-27", "The troops stayed for more than four hours.", "more than four hours", "DURATION", "PT4H"},
	{"2023-01-27", "Militants have regrouped in recent months.", "recent months", "DURATION", "PXM"},
	{"2023-01-27", "The town was retaken three days later.", "three days", "DURATION", "P3D"},
	// sets
	{"2023-01-27", "Patrols run daily along the border.", "daily", "SET", "P1D"},
	{"2023-01-27", "The council reviews the mission every year.", "every year", "SET", "P1Y"},
	{"2023-01-27", "The committee meets each Thursday.", "each Thursday", "SET", "XXXX-WXX-4"},
	{"2023-01-27", "Convoys leave every week.", "every week", "SET", "P1W"},
	{"2023-01-27", "The fund pays out annually.", "annually", "SET", "P1Y"},
	{"2023-01-27", "The market opens on Mondays.", "Mondays", "SET", "XXXX-WXX-1"},
	{"2023-01-27", "Flights leave on Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"},
	{"2023-01-27", "The town fell on Jan. 5. The army returned the next morning.", "the next morning", "TIME", "2023-01-06TMO"},
	{"2023-01-27", "The vote was held on Jan. 5. The day before, rebels attacked.", "The day before", "DATE", "2023-01-04"},
	{"2023-01-27", "The mission costs $1.2 billion a year.", "a year", "SET", "P1Y"},
	// fuzzy references
	{"2023-01-27", "The junta now controls the capital.", "now", "DATE", "PRESENT_REF"},
	{"2023-01-27", "Aid agencies recently left the region.", "recently", "DATE", "PAST_REF"},
	{"2023-01-27", "A deal could come soon.", "soon", "DATE", "FUTURE_REF"},
	{"2023-01-27", "The mission will shrink in the future.", "the future", "DATE", "FUTURE_REF"},
	{"2023-01-27", "Such attacks were rare in the past.", "the past", "DATE", "PAST_REF"},
	{"2023-01-27", "Troops are currently deployed in Gao.", "currently", "DATE", "PRESENT_REF"},
	{"2023-01-27", "The government blamed the rebels for the recent attacks.", "recent", "DATE", "PAST_REF"},
	// times of day
	{"2023-01-27", "The blast occurred at 10:35 a.m. near the market.", "10:35 a.m.", "TIME", "2023-01-27T10:35"},
	{"2023-01-27", "The curfew starts at 9 p.m. Saturday.", "9 p.m. Saturday", "TIME", "2023-01-28T21:00"},
	{"2023-01-27", "Gunfire was heard at noon.", "noon", "TIME", "2023-01-27T12:00"},
	// modifiers inside the span
	{"2023-01-27", "The talks collapsed in early December.", "early December", "DATE", "2022-12"},
	{"2023-01-27", "Fighting resumed late last week.", "late last week", "DATE", "2023-W03"},
	{"2023-01-27", "The vote is due by the end of the year.", "the end of the year", "DATE", "2023"},
	{"2023-01-27", "Aid should arrive in mid-February.", "mid-February", "DATE", "2023-02"},
	// anchored to an earlier date in the text
	{"2023-01-27", "Profit rose in the third quarter. A year earlier, the firm lost money.", "A year earlier", "DATE", "2021-Q3"},
	{"2023-01-27", "The town fell on Jan. 5. Two days later, the army retook it.", "Two days", "DURATION", "P2D"},
	// no publication date: unknown parts are X
	{"", "Elections are due in March.", "March", "DATE", "XXXX-03"},
	{"", "The minister resigned yesterday.", "yesterday", "DATE", "XXXX-XX-XX"},
	{"", "The council met last week.", "last week", "DATE", "XXXX-WXX"},
	{"", "Last year, France withdrew troops.", "Last year", "DATE", "XXXX"},
	{"", "The talks lasted nine days.", "nine days", "DURATION", "P9D"},
	{"", "The coup took place in August 2020.", "August 2020", "DATE", "2020-08"},
	{"", "The envoy spoke on Friday.", "Friday", "DATE", "XXXX-XX-XX"},
	// a publication date with a time of day
	{"2023-01-27T18:30:00Z", "The ministers met on Thursday.", "Thursday", "DATE", "2023-01-26"},
}

func TestTable(t *testing.T) {
	if len(cases) < 100 {
		t.Fatalf("the table has %d cases; the issue asks for at least 100", len(cases))
	}
	for _, c := range cases {
		d := doc.New("t", c.sentence)
		d.Published = c.ref
		text.Analyze(d)
		got := Find(d)
		found := false
		for _, x := range got {
			if d.Slice(x.Span) == c.span {
				found = true
				if x.Value != c.value || x.Type != c.typ {
					t.Errorf("%s | %q: %q is %s %s, want %s %s", c.ref, c.sentence, c.span, x.Type, x.Value, c.typ, c.value)
				}
			}
		}
		if !found {
			var spans []string
			for _, x := range got {
				spans = append(spans, d.Slice(x.Span)+"="+x.Value)
			}
			t.Errorf("%s | %q: no expression %q; found %q", c.ref, c.sentence, c.span, spans)
		}
	}
}

// Words that look temporal but are not, in news text.
func TestNotTimex(t *testing.T) {
	for _, s := range []string{
		"Czech Foreign Minister Jan Kavan arrived.",
		"Officials may decide later.",
		"Thousands march through the capital.",
		"The 17,500-person mission has 2,000 troops.",
		"The company paid $1990 for the licence.",
		"The offer was made as soon as possible.",
		"The rebel, 37 years old, surrendered.",
		"A 39-year-old trader was arrested.",
		"Listeners heard it on VOA Today.",
		"The film High Noon was shown.",
	} {
		d := doc.New("t", s)
		d.Published = "2023-01-27"
		text.Analyze(d)
		for _, x := range Find(d) {
			t.Errorf("%q: unexpected expression %q = %s", s, d.Slice(x.Span), x.Value)
		}
	}
}

func TestRanges(t *testing.T) {
	for _, c := range []struct{ sentence, span, mod string }{
		{"The insurgency has spread since 2012.", "2012", "ON_OR_AFTER"},
		{"The talks run until March.", "March", "ON_OR_BEFORE"},
		{"Voting takes place between March and May.", "March", "ON_OR_AFTER"},
		{"Voting takes place between March and May.", "May", "ON_OR_BEFORE"},
		{"The force served from 2013 to 2023.", "2013", "ON_OR_AFTER"},
		{"The force served from 2013 to 2023.", "2023", "ON_OR_BEFORE"},
		{"The junta took power before 2021.", "2021", "BEFORE"},
		{"The minister arrived from Paris in March.", "March", ""},
	} {
		d := doc.New("t", c.sentence)
		d.Published = "2023-01-27"
		text.Analyze(d)
		found := false
		for _, x := range Find(d) {
			if d.Slice(x.Span) == c.span {
				found = true
				if x.Mod != c.mod {
					t.Errorf("%q: %q has mod %q, want %q", c.sentence, c.span, x.Mod, c.mod)
				}
			}
		}
		if !found {
			t.Errorf("%q: no expression %q", c.sentence, c.span)
		}
	}
}

func TestDateline(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"WASHINGTON, Jan. 27 (Reuters) — The council met.", "XXXX-01-27"},
		{"BAMAKO, Mali, January 27, 2023 — The junta said.", "2023-01-27"},
		{"UNITED NATIONS, Aug. 11 (Xinhua) -- The envoy said.", "XXXX-08-11"},
		{"The council met on Jan. 27 in New York.", ""},
		{"Mali's junta said on Friday it would hold a vote.", ""},
	} {
		d := doc.New("t", c.text)
		text.Analyze(d)
		if got := Dateline(d); got != c.want {
			t.Errorf("%q: dateline %q, want %q", c.text, got, c.want)
		}
	}
}

func TestStageSetsPublishedFromDateline(t *testing.T) {
	d := doc.New("t", "BAMAKO, Mali, January 27, 2023 — The junta said it withdrew last year.")
	text.Analyze(d)
	if err := (Stage{}).Process(d); err != nil {
		t.Fatal(err)
	}
	if d.Published != "2023-01-27" || d.PublishedFrom != "dateline" {
		t.Fatalf("published %q from %q, want 2023-01-27 from dateline", d.Published, d.PublishedFrom)
	}
	for _, x := range d.Timexes {
		if d.Slice(x.Span) == "last year" && x.Value != "2022" {
			t.Errorf("last year = %s, want 2022", x.Value)
		}
	}
}

func TestDatelineWithoutYear(t *testing.T) {
	d := doc.New("t", "WASHINGTON, Jan. 27 (Reuters) — The envoy arrived yesterday and will leave next month.")
	text.Analyze(d)
	_ = (Stage{}).Process(d)
	want := map[string]string{"yesterday": "XXXX-01-26", "next month": "XXXX-02"}
	for _, x := range d.Timexes {
		if w, ok := want[d.Slice(x.Span)]; ok && x.Value != w {
			t.Errorf("%q = %s, want %s", d.Slice(x.Span), x.Value, w)
		}
	}
	// published must stay an ISO 8601 date or nothing (the JSON contract)
	if d.Published != "" || d.PublishedFrom != "" {
		t.Errorf("published %q from %q, want none for a dateline without a year", d.Published, d.PublishedFrom)
	}
}

func TestFlaggedTextIsSkipped(t *testing.T) {
	d := doc.New("t", "The envoy spoke on Friday. Garbled text last year said.")
	d.Published = "2023-01-27"
	text.Analyze(d)
	s := d.Sentences[1].Span
	d.Flags = []doc.Flag{{Span: s, Kind: "word_salad", Why: "test"}}
	for _, x := range Find(d) {
		if x.Overlaps(s) {
			t.Errorf("expression %q inside flagged text", d.Slice(x.Span))
		}
	}
}

// BenchmarkStage measures the stage on the project's benchmark document (the
// bundled example articles, about 1,000 words).
func BenchmarkStage(b *testing.B) {
	d := doc.New("b", examples.BenchText())
	d.Published = "2024-05-16"
	text.Analyze(d)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		d.Timexes = nil
		_ = Stage{}.Process(d)
	}
}

func TestStart(t *testing.T) {
	for _, c := range []struct {
		v, want string
		ok      bool
	}{
		{"2023-01-27", "2023-01-27", true},
		{"2023-01", "2023-01-01", true},
		{"2023", "2023-01-01", true},
		{"2023-W04", "2023-01-23", true},
		{"2023-W03-WE", "2023-01-21", true},
		{"2023-Q2", "2023-04-01", true},
		{"2022-H2", "2022-07-01", true},
		{"2022-FA", "2022-09-01", true},
		{"199", "1990-01-01", true},
		{"2023-01-26TNI", "2023-01-26", true},
		{"1998-02-12T19:15", "1998-02-12", true},
		{"P9Y", "", false},
		{"PAST_REF", "", false},
		{"XXXX-03", "", false},
	} {
		got, ok := Start(c.v)
		if ok != c.ok || ok && got.Format("2006-01-02") != c.want {
			t.Errorf("Start(%q) = %s %v, want %s %v", c.v, got.Format("2006-01-02"), ok, c.want, c.ok)
		}
	}
}

// TestOddLowerCase covers words whose lower case has another length than
// their text ("İZMİR", with dotted capitals): the token view reads them from
// a buffer after the lower-cased text, and the tokens after them from the
// lower-cased text at their own offsets.
func TestOddLowerCase(t *testing.T) {
	d := doc.New("t", "Talks in İZMİR ended on March 3, 2021, and resumed in KİLİS two days later.")
	d.Published = "2021-03-05"
	text.Analyze(d)
	if len(d.LowerOdd) == 0 {
		t.Skip("the text layer lower-cases these words in place: nothing odd to test")
	}
	if err := (Stage{}).Process(d); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"March 3, 2021": "2021-03-03", "two days": "P2D"}
	got := map[string]string{}
	for _, x := range d.Timexes {
		got[d.Slice(x.Span)] = x.Value
	}
	for s, v := range want {
		if got[s] != v {
			t.Errorf("%q = %q, want %q (all: %v)", s, got[s], v, got)
		}
	}
}
