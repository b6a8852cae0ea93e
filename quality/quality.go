// Package quality flags machine-translation and spinning debris in a
// document before other stages turn it into facts: orphan fragments left
// after a sentence ("...civilians. rice field."), known translation tells
// (data/tells.txt), mismatched quotation marks, fragments that start with
// punctuation, and word salad (sentences whose word sequence clean, edited
// news does not write, judged by a small embedded model learnt from
// PolNeAR's training articles). It fills d.Flags and d.Quality. Later stages
// keep flagged text out of their facts with d.Flagged(span).
//
// The stage works over the token, sentence and quotation layers only, in a
// few linear passes over the tokens; it never reads the text by another
// route. Its language knowledge lives in data/tells.txt (editable) and
// data/salad.bin (rebuilt by `dossier train quality`).
package quality

import (
	"fmt"
	"slices"
	"sort"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier/doc"
	"github.com/dossier-news/dossier/vocab"
)

// Flag kinds, the short names this package uses for doc's.
const (
	KindOrphan     = doc.FlagOrphan
	KindMT         = doc.FlagMT
	KindQuote      = doc.FlagUnbalancedQuote
	KindPunctStart = doc.FlagPunctStart
	KindSalad      = doc.FlagWordSalad
)

// maxFragmentWords is the longest piece counted as an orphan fragment. Longer
// pieces after a full stop are more often a sentence the splitter could not
// separate than debris.
const maxFragmentWords = 3

// Stage is the pipeline stage that fills d.Flags, d.Quality and the
// sentences' Quality.
type Stage struct{ Options Options }

// Name returns "quality".
func (Stage) Name() string { return "quality" }

// Requires lists the layers the stage reads.
func (Stage) Requires() doc.Layers {
	return doc.LayersOf(doc.LayerTokens, doc.LayerQuotations, doc.LayerSentences, doc.LayerWords)
}

// Provides lists the layers the stage fills.
func (Stage) Provides() doc.Layers { return doc.LayersOf(doc.LayerFlags, doc.LayerQuality) }

// Process flags debris and scores the document.
func (s Stage) Process(d *doc.Document) error {
	AnalyzeWith(d, s.Options)
	return nil
}

// Analyze fills d.Flags and d.Quality from the text layer, with the default
// options. It replaces any earlier flags.
func Analyze(d *doc.Document) { AnalyzeWith(d, Options{}) }

// AnalyzeWith is Analyze with options.
func AnalyzeWith(d *doc.Document, o Options) {
	c := checker{d: d, flags: d.Flags[:0]}
	hp := hashPool.Get().(*[]uint64)
	c.hash = c.hashes((*hp)[:0])
	defer func() {
		if len(d.Tokens) <= doc.PooledTokens { // a huge document's buffers are not kept
			*hp = c.hash
			hashPool.Put(hp)
		}
	}()
	c.fragments()
	c.quotations()
	c.phrases()
	c.leadIns()
	c.salad()
	slices.SortStableFunc(c.flags, func(a, b doc.Flag) int { return a.Start - b.Start })
	c.fluency(o)
	d.Flags = c.finish()
	d.Quality = c.score()
}

// hashPool recycles the per-document slices of word hashes.
var hashPool = sync.Pool{New: func() any { return new([]uint64) }}

// hashes returns the wordHash of every word token (0 for other tokens), so
// each word is hashed once for the tells and the word-salad model.
//
// A word the vocabulary knows (package vocab) takes its hash from
// vocabHashes: wordHash folds case and curly apostrophes the way the text
// layer's lower case does, so a token's hash is its vocabulary word's.
func (c *checker) hashes(h []uint64) []uint64 {
	byID := vocabHashes()
	ids := c.d.WordIDs
	// by index and pointer, into a slice of the right length: ranging over
	// the tokens by value copies every token
	toks := c.d.Tokens
	h = slices.Grow(h[:0], len(toks))[:len(toks)]
	for i := range toks {
		t := &toks[i]
		var x uint64
		if t.Kind == doc.Word {
			if id := ids[i]; id != 0 && int(id) < len(byID) {
				x = byID[id]
			} else {
				x = wordHashAt(c.d.Text, t.Start, t.End)
			}
		}
		h[i] = x
	}
	return h
}

// vocabHashes returns the wordHash of every word of the vocabulary, by ID.
// It is built on first use, once the vocabulary is complete: this
// package's lexicons are not in it, so it need not wait for them.
var vocabHashes = sync.OnceValue(func() []uint64 {
	return vocab.ByWord(func(_ vocab.ID, w string) uint64 { return wordHash(w) })
})

// plainClasses returns, by vocabulary ID, the word-salad class (class) of
// a word token written exactly as its vocabulary word: lower case ASCII,
// without capitals, so that no flag of the token changes its class. Most
// tokens are such words; the table spares them the model's hash probe and
// the shape tests on every occurrence.
var plainClasses = sync.OnceValue(func() []uint16 {
	byID := vocabHashes()
	return vocab.ByWord(func(id vocab.ID, w string) uint16 {
		cls := -1
		if model != nil {
			cls = model.lookup(byID[id])
		}
		if cls < 0 && w != "" {
			cls = shape(w, doc.Token{Span: doc.Span{End: len(w)}, Kind: doc.Word})
		}
		return uint16(cls)
	})
})

type checker struct {
	d     *doc.Document
	hash  []uint64 // wordHash of each word token
	flags []doc.Flag
	// unpaired counts quotation marks nothing matches and that no flag
	// explains: damage that lowers the score without a flag of its own
	// (clean news has them too, in transcripts and in quotations running
	// over paragraphs).
	unpaired      int
	unpairedMarks []doc.Span
	// splices are the spans of spliced-sentence flags: machine-translation
	// artefacts by kind, but a join that scraping makes too, so they do not
	// say the text was translated.
	splices []doc.Span
	// saladSentences counts the sentences the word-salad model judged.
	saladSentences int
	// repeated lists the sentences that repeat one of the few before them
	// word for word.
	repeated []int
	// contrast is the classifier's table of word-class pair log odds
	// (fContrast); pairs, when set, collects every sentence's pairs for
	// training.
	contrast, contrast3, contrast4 []float32
	pairs, triples, quads          *[]uint32
	pairEnds                       []int // where each sentence's pairs end in *pairs
}

func (c *checker) add(s doc.Span, kind doc.FlagKind, why string) {
	c.flags = append(c.flags, doc.Flag{Span: s, Kind: kind, Why: why})
}

// tokText is the text of token k.
func (c *checker) tokText(k int) string {
	t := c.d.Tokens[k]
	return c.d.Text[t.Start:t.End]
}

// isTerminal reports whether token k is a full stop, question or
// exclamation mark ending a sentence: a single mark, not one dot of a spaced
// ellipsis (". . .").
func (c *checker) isTerminal(k int) bool {
	toks := c.d.Tokens
	t := toks[k]
	if t.Kind != doc.Punct || t.End-t.Start != 1 {
		return false
	}
	switch c.d.Text[t.Start] {
	case '.', '!', '?':
	default:
		return false
	}
	if k > 0 && c.isDot(k-1) || k+1 < len(toks) && c.isDot(k+1) {
		return false
	}
	// A dot inside a web address or a file name (pic.twitter.com) ends
	// nothing.
	if k+1 < len(toks) && !t.Has(doc.FlagSpaceAfter) && (toks[k+1].Kind == doc.Word || toks[k+1].Kind == doc.Number) {
		return false
	}
	return true
}

func (c *checker) isDot(k int) bool {
	t := c.d.Tokens[k]
	return t.Kind == doc.Punct && c.d.Text[t.Start] == '.'
}

// piece is a stretch of a sentence between two sentence-ending marks: the
// sentence splitter keeps "services. increase." as one sentence because a
// lower-case word follows the full stop, and the debris is the piece after
// it.
type piece struct {
	first, end int // token range
	// cont is true when the piece follows another piece's full stop inside
	// the same sentence (the splitter refused to split there).
	cont bool
	// afterStop is true when the piece before ended with a full stop (not ?
	// or !), and afterClose when a closing quotation mark followed that stop.
	afterStop, afterClose bool
	// stray is true when the piece ends with a comma and a quotation mark that
	// nothing opened (“…2013.” there is,” he said.).
	stray bool
}

// fragments walks each sentence's pieces and flags the debris among them.
func (c *checker) fragments() {
	d := c.d
	toks := d.Tokens
	qi := 0
	for si, s := range d.Sentences {
		start := s.Tokens.First
		var prev pieceEnd
		emit := func(end int, stray bool) {
			p := piece{first: start, end: end, cont: start > s.Tokens.First, stray: stray}
			if p.cont {
				p.afterStop, p.afterClose = prev.stop, prev.closed
			}
			for qi < len(d.Quotations) && d.Quotations[qi].Content.End <= toks[start].Start {
				qi++
			}
			c.piece(si, p, qi)
			prev = c.endOf(start, end)
			start = end
		}
		for k := s.Tokens.First; k < s.Tokens.End; k++ {
			if toks[k].Kind != doc.Punct {
				continue // neither test below holds: most tokens stop here
			}
			if c.isTerminal(k) {
				j := k + 1
				for j < s.Tokens.End && c.closes(j) {
					j++
				}
				emit(j, false)
				k = j - 1
				continue
			}
			if toks[k].Kind == doc.Punct && d.Text[toks[k].Start] == ',' && k+1 < s.Tokens.End &&
				toks[k+1].Kind == doc.QuoteMark && d.Marks[k+1] == doc.MarkUnpaired {
				emit(k+2, true)
				k++
			}
		}
		if start < s.Tokens.End {
			emit(s.Tokens.End, false)
		}
	}
}

// pieceEnd says how a piece ended, for the piece after it: with a full stop
// (not ? or !), and with a closing quotation mark or bracket after it.
type pieceEnd struct{ stop, closed bool }

// endOf looks at the end of the piece [start, end).
func (c *checker) endOf(start, end int) pieceEnd {
	var p pieceEnd
	k := end - 1
	for k > start && c.closes(k) {
		p.closed = true
		k--
	}
	p.stop = k >= start && c.isTerminal(k) && c.d.Text[c.d.Tokens[k].Start] == '.'
	return p
}

// closes reports whether token j closes a quotation or a bracket, so it
// belongs to the piece before it.
func (c *checker) closes(j int) bool {
	t := c.d.Tokens[j]
	switch t.Kind {
	case doc.QuoteMark:
		return c.d.Marks[j] == doc.MarkClose
	case doc.Punct:
		switch c.d.Text[t.Start] {
		case ')', ']':
			return true
		}
	}
	return false
}

// insideQuotation reports whether offset lies inside the content of a closed
// quotation, starting the search at quotation qi.
func (c *checker) insideQuotation(qi, off int) bool {
	for ; qi < len(c.d.Quotations); qi++ {
		q := c.d.Quotations[qi]
		if q.Open.Start >= off {
			return false
		}
		if q.Content.Start <= off && off < q.Content.End {
			return true
		}
	}
	return false
}

// piece judges one piece of sentence si.
func (c *checker) piece(si int, p piece, qi int) {
	d := c.d
	toks := d.Tokens
	if p.first >= p.end {
		return
	}
	words, key := 0, uint64(fnvOffset)
	// counted up to one past maxFragmentWords: every test below only asks
	// whether there are none, or more than that
	for k := p.first; k < p.end && words <= maxFragmentWords; k++ {
		if t := toks[k]; t.Kind == doc.Word || t.Kind == doc.Number {
			words++
		}
	}
	if words <= maxFragmentWords {
		for k := p.first; k < p.end; k++ {
			switch toks[k].Kind {
			case doc.Word:
				key = combine(key, c.hash[k])
			case doc.Number:
				key = combine(key, wordHash(c.tokText(k)))
			}
		}
	}
	span := doc.Span{Start: toks[p.first].Start, End: toks[p.end-1].End}
	first := toks[p.first]
	text := d.Text[span.Start:span.End]
	if p.cont {
		// The splitter keeps going after a full stop only when what follows
		// cannot start a sentence: punctuation, a lower-case word, or text
		// inside a quotation.
		spaced := toks[p.first-1].Has(doc.FlagSpaceAfter)
		if first.Kind == doc.Punct && spaced && isContinuingPunct(d.Text[first.Start]) && words > 0 {
			c.add(span, KindPunctStart, fmt.Sprintf("%q starts with %q after a full stop: a fragment cut from the sentence before it", text, d.Text[first.Start:first.End]))
			return
		}
		if first.Kind != doc.Word || !spaced || !p.afterStop || words == 0 || words > maxFragmentWords || !startsLower(d.Text[first.Start:]) {
			return
		}
		if c.insideQuotation(qi, first.Start) {
			return
		}
		if t := tells.fragment[key]; t != nil {
			c.add(span, KindMT, fmt.Sprintf("%q: %s", text, t.why))
			return
		}
		// Beyond the known tells, only plain lower-case words count (tweets
		// and markup leave other shapes), and not after a short capitalised
		// word, which is more often an abbreviation the text layer does not
		// know (Ariz., Calif.) than the end of a sentence.
		if !c.plainWords(p) || c.afterShortCap(p.first) {
			return
		}
		// After a closing quotation mark a short lower-case piece is usually
		// the attribution (“We won.” she said.); it is debris only when it
		// ends at a quotation mark that nothing opened.
		if p.afterClose && !p.stray {
			return
		}
		c.add(span, KindOrphan, fmt.Sprintf("%q: %s after the end of a sentence, belonging to neither the sentence before nor the one after", text, wordCount(words)))
		return
	}
	// A whole sentence: only known tells are flagged, since clean news
	// writes short sentences too ("Sad." "Not anymore.").
	s := d.Sentences[si]
	if p.end != s.Tokens.End || words == 0 || words > maxFragmentWords || first.Kind == doc.QuoteMark {
		return
	}
	if c.insideQuotation(qi, first.Start) {
		return
	}
	if t := tells.fragment[key]; t != nil {
		c.add(span, KindMT, fmt.Sprintf("%q: %s", text, t.why))
	}
}

// plainWords reports whether every word of the piece is lower-case letters
// only and everything else is punctuation or quotation marks.
func (c *checker) plainWords(p piece) bool {
	for k := p.first; k < p.end; k++ {
		switch c.d.Tokens[k].Kind {
		case doc.Word:
			for _, r := range c.tokText(k) {
				if !unicode.IsLower(r) && r != '-' && r != '\'' && r != '’' {
					return false
				}
			}
		case doc.Punct, doc.QuoteMark:
		default:
			return false
		}
	}
	return true
}

// afterShortCap reports whether the full stop before token k follows a
// capitalised word of at most five letters.
func (c *checker) afterShortCap(k int) bool {
	toks := c.d.Tokens
	j := k - 1
	for j > 0 && toks[j].Kind != doc.Punct {
		j-- // skip closing quotation marks
	}
	if j < 1 || toks[j-1].Kind != doc.Word || toks[j-1].Has(doc.FlagSpaceAfter) {
		return false
	}
	w := c.tokText(j - 1)
	return toks[j-1].Has(doc.FlagCap) && utf8.RuneCountInString(w) <= 5
}

func wordCount(n int) string {
	switch n {
	case 1:
		return "a lone word"
	case 2:
		return "two words"
	}
	return "three words"
}

// isContinuingPunct reports whether c is punctuation that continues a
// sentence and cannot begin one.
func isContinuingPunct(c byte) bool { return c == ',' || c == ';' || c == ':' }

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// quotations flags quotations whose marks do not match (“ … ‘ said.). The
// flag covers the closing mark and a short fragment after it, which is where
// the garbling sits; the quoted words themselves stay usable.
func (c *checker) quotations() {
	d := c.d
	toks := d.Tokens
	for _, q := range d.Quotations {
		// A straight ' is as often an apostrophe or a quoted word ('.gov')
		// as a damaged mark, so only curly marks are flagged.
		if q.Mismatched && d.Text[q.Close.Start] != '\'' {
			open, close := d.Slice(q.Open), d.Slice(q.Close)
			span := q.Close
			k := d.TokenAt(q.Close.End)
			tail := ""
			if k < len(toks) && toks[k].Kind == doc.Word && startsLower(d.Text[toks[k].Start:]) {
				j, words := k, 0
				for j < len(toks) && !c.isTerminal(j) && words <= maxFragmentWords {
					if toks[j].Kind == doc.Word {
						words++
					}
					j++
				}
				if j < len(toks) && words <= maxFragmentWords && d.SentenceOf(j) == d.SentenceOf(k) {
					span.End = toks[j].End
					tail = fmt.Sprintf("; %q after it has no subject", d.Text[toks[k].Start:toks[j].End])
				}
			}
			c.add(span, KindQuote, fmt.Sprintf("quotation opened with %s but closed with %s: the marks do not match, so where the quoted words end is uncertain%s", open, close, tail))
		}
	}
	for k, role := range d.Marks {
		if role == doc.MarkUnpaired {
			c.unpairedMarks = append(c.unpairedMarks, toks[k].Span)
		}
	}
}

// phrases flags the tells that are debris wherever they stand.
func (c *checker) phrases() {
	d := c.d
	toks, hash, firstBits := d.Tokens, c.hash, tells.firstBits // in locals: not reloaded on every token
	for k := 0; k < len(toks); k++ {
		if toks[k].Kind != doc.Word {
			continue
		}
		if firstBits&(1<<(hash[k]&63)) == 0 {
			continue
		}
		cands := tells.phrase[hash[k]]
		for _, t := range cands {
			if t.spliced && !c.splicedAt(k) {
				continue
			}
			j, w := k, 0
			for j < len(toks) && w < len(t.words) {
				if toks[j].Kind == doc.Word {
					if c.hash[j] != t.hashes[w] {
						break
					}
					w++
				} else if toks[j].Kind != doc.Punct || d.Text[toks[j].Start] != '-' {
					break
				}
				j++
			}
			if w == len(t.words) && t.spliced {
				// the flag covers the comma, the join itself: the words on
				// either side are the ends of two real sentences, which
				// other stages may still read
				span := toks[k-1].Span
				c.add(span, KindMT, fmt.Sprintf("%q: %s", d.Slice(doc.Span{Start: toks[k-1].Start, End: toks[j-1].End}), t.why))
				c.splices = append(c.splices, span)
				k = j - 1
				break
			}
			if w == len(t.words) {
				span := doc.Span{Start: toks[k].Start, End: toks[j-1].End}
				c.add(span, KindMT, fmt.Sprintf("%q: %s", d.Slice(span), t.why))
				k = j - 1
				break
			}
		}
	}
}

// splicedAt reports whether word k is capitalised, follows a comma, and
// lies outside quotations (where speech may run on after a comma).
func (c *checker) splicedAt(k int) bool {
	toks := c.d.Tokens
	if k == 0 || !toks[k].Has(doc.FlagCap) || toks[k-1].Kind != doc.Punct || c.d.Text[toks[k-1].Start] != ',' {
		return false
	}
	for _, q := range c.d.Quotations {
		if q.Content.Start <= toks[k].Start && toks[k].Start < q.Content.End {
			return false
		}
	}
	return true
}

// finish sorts the flags and drops any that overlaps an earlier one, so each
// stretch of debris is reported once.
func (c *checker) finish() []doc.Flag {
	f := c.flags
	sort.SliceStable(f, func(i, j int) bool { return f[i].Start < f[j].Start })
	out := f[:0]
	for _, x := range f {
		if n := len(out); n > 0 && out[n-1].Overlaps(x.Span) {
			continue
		}
		out = append(out, x)
	}
	for _, m := range c.unpairedMarks {
		explained := false
		for _, x := range out {
			if x.Overlaps(m) {
				explained = true
				break
			}
		}
		if !explained {
			c.unpaired++
		}
	}
	return out
}
