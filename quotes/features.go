package quotes

import (
	"strconv"

	"github.com/dossier-news/dossier/doc"

	"github.com/dossier-news/dossier/learn"
)

// cueFeatures describes cue candidate k (a head word) in sentence [a, b) for
// the cue model, which decides whether the word reports a statement.
func (c *ctx) cueFeatures(f learn.Features, k, a, b int) learn.Features {
	w := c.word(k)
	f = f.Add("bias", "")
	f = f.Add("w0", w)
	f = f.Add("w-1", c.word(k-1))
	f = f.Add("w+1", c.word(k+1))
	f = f.Add("w-2", c.word(k-2))
	f = f.Add("w+2", c.word(k+2))
	f = f.Add2("w0w+1", w, c.word(k+1))
	f = f.Add2("w-1w0", c.word(k-1), w)
	f = f.Add2("w0s+1", w, c.shape(k+1))
	f = f.Add2("s-1w0", c.shape(k-1), w)
	f = f.Add2("s-1s+1", c.shape(k-1), c.shape(k+1))
	f = f.Add2("w0s-1s+1", w, c.shape(k-1)+c.shape(k+1))
	f = f.Add("s-2s-1", c.shape(k-2)+c.shape(k-1))
	f = f.Add("s+1s+2", c.shape(k+1)+c.shape(k+2))
	// context that marks reported speech: a quotation in the sentence, a
	// "that" or an opening mark soon after, a closing mark just before
	hasQ, thatSoon, openSoon, closeBefore := false, false, false, false
	for i := a; i < b; i++ {
		if c.isMark(i) && c.role(i) != 2 {
			hasQ = true
		}
	}
	for i := k + 1; i < b && i <= k+6; i++ {
		if c.low[i] == "that" {
			thatSoon = true
		}
		if c.isOpen(i) {
			openSoon = true
		}
	}
	for i := k - 1; i >= a && i >= k-4; i-- {
		if c.isClose(i) {
			closeBefore = true
		}
	}
	f = f.Add2("ctx", w, flags4(hasQ, thatSoon, openSoon, closeBefore))
	f = f.Add("ctx", flags4(hasQ, thatSoon, openSoon, closeBefore))
	f = f.Add2("tri", c.word(k-1)+" "+w, c.word(k+1))
	if len(w) > 3 {
		f = f.Add("suf3", w[len(w)-3:])
	}
	subj := "none"
	for i := k - 1; i >= a && i >= k-4; i-- {
		if lex.subjects[c.low[i]] {
			subj = "pron"
			break
		}
		if c.d.Tokens[i].Has(doc.FlagCap) && i > a {
			subj = "cap"
			break
		}
	}
	f = f.Add("subj", subj)
	f = f.Add2("subjw", subj, w)
	f = f.Add("pos", bucket(k-a))
	f = f.Add("left", bucket(b-k))
	f = f.Add2("posw", w, bucket(k-a))
	if k == a {
		f = f.Add("first", w)
	}
	if k+2 >= b {
		f = f.Add("last", w)
	}
	return f
}

func flags4(a, b, c, d bool) string {
	x := []byte("0000")
	for i, v := range []bool{a, b, c, d} {
		if v {
			x[i] = '1'
		}
	}
	return string(x)
}

func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 6:
		return "4-6"
	case n <= 10:
		return "7-10"
	case n <= 20:
		return "11-20"
	}
	return "21+"
}

// sourceFeatures describes the candidate source [i, e) ending right before a
// cue, for the ranker that picks where a source phrase starts.
func (c *ctx) sourceFeatures(f learn.Features, i, e, a int) learn.Features {
	f = f.Add("ws", c.word(i))
	f = f.Add("wp", c.word(i-1))
	f = f.Add("ss", c.shape(i))
	f = f.Add("sp", c.shape(i-1))
	f = f.Add2("sp|ss", c.shape(i-1), c.shape(i))
	f = f.Add2("wp|ss", c.word(i-1), c.shape(i))
	f = f.Add2("sp|ws", c.shape(i-1), c.word(i))
	f = f.Add("len", bucket(e-i))
	f = f.Add2("len|ss", bucket(e-i), c.shape(i))
	f = f.Add2("head|len", c.shape(e-1), bucket(e-i))
	f = f.Add2("wh|len", c.word(e-1), bucket(e-i))
	if i == a {
		f = f.Add("atstart", "")
	}
	commas := 0
	caps := 0
	lowers := 0
	for k := i; k < e; k++ {
		if c.low[k] == "," {
			commas++
		}
		switch c.shape(k) {
		case "Aa", "AA":
			caps++
		case "a":
			lowers++
		}
	}
	f = f.Add("commas", bucket(commas))
	f = f.Add2("capslow", bucket(caps), bucket(lowers))
	return f
}
