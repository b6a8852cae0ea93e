package quotes

import (
	"github.com/dossier-news/dossier/doc"

	"github.com/dossier-news/dossier/learn"
)

// Feature names, hashed once.
var (
	patstart  = learn.P("atstart")
	pbias     = learn.P("bias")
	pcapslow  = learn.P("capslow")
	pcommas   = learn.P("commas")
	pctx      = learn.P("ctx")
	pfirst    = learn.P("first")
	phead_len = learn.P("head|len")
	plast     = learn.P("last")
	pleft     = learn.P("left")
	plen      = learn.P("len")
	plen_ss   = learn.P("len|ss")
	ppos      = learn.P("pos")
	pposw     = learn.P("posw")
	psp1sp2   = learn.P("s+1s+2")
	psm1sp1   = learn.P("s-1s+1")
	psm1w0    = learn.P("s-1w0")
	psm2sm1   = learn.P("s-2s-1")
	psp       = learn.P("sp")
	psp_ss    = learn.P("sp|ss")
	psp_ws    = learn.P("sp|ws")
	pss       = learn.P("ss")
	psubj     = learn.P("subj")
	psubjw    = learn.P("subjw")
	psuf3     = learn.P("suf3")
	ptri      = learn.P("tri")
	pwp1      = learn.P("w+1")
	pwp2      = learn.P("w+2")
	pwm1      = learn.P("w-1")
	pwm1w0    = learn.P("w-1w0")
	pwm2      = learn.P("w-2")
	pw0       = learn.P("w0")
	pw0sp1    = learn.P("w0s+1")
	pw0sm1sp1 = learn.P("w0s-1s+1")
	pw0wp1    = learn.P("w0w+1")
	pwh_len   = learn.P("wh|len")
	pwp       = learn.P("wp")
	pwp_ss    = learn.P("wp|ss")
	pws       = learn.P("ws")
)

// cueFeatures describes cue candidate k (a head word) in sentence [a, b) for
// the cue model, which decides whether the word reports a statement.
func (c *ctx) cueFeatures(f learn.Features, k, a, b int) learn.Features {
	w := c.word(k)
	f = f.Add(pbias, "")
	f = f.Add(pw0, w)
	f = f.Add(pwm1, c.word(k-1))
	f = f.Add(pwp1, c.word(k+1))
	f = f.Add(pwm2, c.word(k-2))
	f = f.Add(pwp2, c.word(k+2))
	f = f.Add2(pw0wp1, w, c.word(k+1))
	f = f.Add2(pwm1w0, c.word(k-1), w)
	f = f.Add2(pw0sp1, w, c.shape(k+1))
	f = f.Add2(psm1w0, c.shape(k-1), w)
	f = f.Add2(psm1sp1, c.shape(k-1), c.shape(k+1))
	f = f.Add3(pw0sm1sp1, w, c.shape(k-1), c.shape(k+1))
	f = f.Add2(psm2sm1, c.shape(k-2), c.shape(k-1))
	f = f.Add2(psp1sp2, c.shape(k+1), c.shape(k+2))
	// context that marks reported speech: a quotation in the sentence, a
	// "that" or an opening mark soon after, a closing mark just before
	hasQ, thatSoon, openSoon, closeBefore := c.sentHasQ, false, false, false
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
	f = f.Add2(pctx, w, flags4(hasQ, thatSoon, openSoon, closeBefore))
	f = f.Add(pctx, flags4(hasQ, thatSoon, openSoon, closeBefore))
	f = f.Add3(ptri, c.word(k-1), w, c.word(k+1))
	if len(w) > 3 {
		f = f.Add(psuf3, w[len(w)-3:])
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
	f = f.Add(psubj, subj)
	f = f.Add2(psubjw, subj, w)
	f = f.Add(ppos, bucket(k-a))
	f = f.Add(pleft, bucket(b-k))
	f = f.Add2(pposw, w, bucket(k-a))
	if k == a {
		f = f.Add(pfirst, w)
	}
	if k+2 >= b {
		f = f.Add(plast, w)
	}
	return f
}

var flagNames = [16]string{"0000", "1000", "0100", "1100", "0010", "1010", "0110", "1110", "0001", "1001", "0101", "1101", "0011", "1011", "0111", "1111"}

func flags4(a, b, c, d bool) string {
	i := 0
	for j, v := range [4]bool{a, b, c, d} {
		if v {
			i |= 1 << j
		}
	}
	return flagNames[i]
}

var small = [...]string{"0", "1", "2", "3"}

func bucket(n int) string {
	switch {
	case n < 0:
		return "neg"
	case n <= 3:
		return small[n]
	case n <= 6:
		return "4-6"
	case n <= 10:
		return "7-10"
	case n <= 20:
		return "11-20"
	}
	return "21+"
}

// srcCounts are running counts over a candidate source, kept while the
// candidates are walked from the cue leftwards.
type srcCounts struct{ commas, caps, lowers int }

func (c *ctx) addCounts(n *srcCounts, i int) {
	if c.low[i] == "," {
		n.commas++
	}
	switch c.shape(i) {
	case "Aa", "AA":
		n.caps++
	case "a":
		n.lowers++
	}
}

// sourceFeatures describes the candidate source [i, e) ending right before a
// cue, for the ranker that picks where a source phrase starts.
func (c *ctx) sourceFeatures(f learn.Features, i, e, a int, n srcCounts) learn.Features {
	f = f.Add(pws, c.word(i))
	f = f.Add(pwp, c.word(i-1))
	f = f.Add(pss, c.shape(i))
	f = f.Add(psp, c.shape(i-1))
	f = f.Add2(psp_ss, c.shape(i-1), c.shape(i))
	f = f.Add2(pwp_ss, c.word(i-1), c.shape(i))
	f = f.Add2(psp_ws, c.shape(i-1), c.word(i))
	f = f.Add(plen, bucket(e-i))
	f = f.Add2(plen_ss, bucket(e-i), c.shape(i))
	f = f.Add2(phead_len, c.shape(e-1), bucket(e-i))
	f = f.Add2(pwh_len, c.word(e-1), bucket(e-i))
	if i == a {
		f = f.Add(patstart, "")
	}
	f = f.Add(pcommas, bucket(n.commas))
	f = f.Add2(pcapslow, bucket(n.caps), bucket(n.lowers))
	return f
}
