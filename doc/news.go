package doc

// Dateline is the dateline that opens a paragraph of a wire report
// ("GENEVA —", "WASHINGTON, Jan. 27 (Reuters) -"): the writer's place and
// date, not part of what the paragraph reports. The text layer finds
// datelines (text.Datelines); stages read them from Document.Datelines.
type Dateline struct {
	Span      // the whole dateline, with its agency and dash when they are there
	Body int  // index of the first token after the dateline
	Date Span // the date in it ("Jan. 27, 2023"), zero when it has none
	// Month and Day are the date's (0 when there is none); Year is 0 when
	// the dateline does not write it.
	Month, Day, Year int
}
